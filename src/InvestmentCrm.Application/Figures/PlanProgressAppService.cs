using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

public sealed record PlanOptionDto(int FirstYear, string Label);

/// <summary>
/// One cumulative figure of a plan: actual in its unit (亿元; 万美元 for 外资), target, 完成率 against 时间进度 with its verdict, and
/// the previous plan's recorded 实绩 when there is one. <see cref="Unavailable"/> says why a value cannot be given.
/// </summary>
public sealed record PlanFigureDto(string Name, string Unit, decimal? Actual, decimal? Target, decimal? CompletionPercent, decimal? VariancePoints,
    ScheduleVerdict? Verdict, decimal? PreviousBaseline, string? PreviousSource, string? Unavailable);

public sealed record PlanBaselineDto(int FirstYear, MetricCode Metric, decimal Value, string Unit, string Source);

public sealed record PlanProgressDto(FigurePeriod Period, string PlanName, DateOnly AsOf, TimeProgress TimeProgress, PlanFigureDto Domestic, PlanFigureDto Foreign,
    PlanFigureDto Combined, string CombinedRule, IReadOnlyList<PlanOptionDto> Plans, IReadOnlyList<PlanBaselineDto> Baselines);

/// <summary>
/// 五年规划进度 (docs/figures.md, "Five-year plans"): the plan's cumulative 内资 and 外资 against its targets and 时间进度
/// (60 months), each with 超进度 / 持平 / 欠进度, beside the previous plan's recorded 实绩; and 引进资金（内外资合计）, which
/// converts 外资 at the configured USD→CNY rates and names them, or says it cannot combine — never adds CNY to USD.
/// </summary>
public sealed class PlanProgressAppService(ICrmDbContext db, FiguresEngine engine)
{
    /// <summary>The plan in force at the as-of date, or the one starting in <paramref name="firstYear"/>.</summary>
    public async Task<PlanProgressDto> GetAsync(int? firstYear, DateOnly? asOf, CancellationToken ct = default)
    {
        var date = engine.AsOf(asOf);
        var first = firstYear ?? FiveYearPlans.FirstYearOf(date);
        var period = FigurePeriod.FiveYearPlan(first);
        var (set, _, resolved, _, data, _) = await engine.ComputeCoreAsync(FigureScope.District, period, date, ct);
        var progress = set.TimeProgress;
        var baselines = await db.PlanBaselines.AsNoTracking().OrderBy(b => b.FirstYear).ThenBy(b => b.Metric)
            .Select(b => new PlanBaselineDto(b.FirstYear, b.Metric, b.Value, b.Unit, b.Source)).ToListAsync(ct);
        PlanBaselineDto? Previous(MetricCode metric) => baselines.FirstOrDefault(b => b.FirstYear == first - 5 && b.Metric == metric);

        PlanFigureDto Row(FigureDto figure, MetricCode metric) => Figure(figure.Name, figure.Unit, figure.Value, figure.Target, progress, Previous(metric), figure.Unavailable);

        // 内外资合计 in 亿元: each month's 外资 (in USD, converted as 利用外资 is) at that month's USD→CNY rate.
        var rates = await ExchangeRateTable.LoadAsync(db, ct);
        var domesticYuan = FiguresEngine.DomesticSum(data.Funds, resolved.Attribution);
        decimal? foreignYuan = 0m;
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in data.Funds.Where(f => f.Source == CapitalSource.Foreign && f.Amount != 0))
        {
            var usd = rates.UsdPerUnit(row.Currency, row.Year, row.Month) is { } toUsd ? row.Amount * toUsd : (decimal?)null;
            var cny = rates.CnyPerUsd(row.Year, row.Month);
            if (usd is null || cny is null)
            {
                foreignYuan = null;
                continue;
            }
            used.Add(rates.UsdRateName(row.Year, row.Month)!);
            foreignYuan += usd.Value * cny.Value;
        }
        var missing = rates.Missing.Count == 0 ? null : $"无法合计：缺少 {string.Join("、", rates.Missing)}。人民币与美元不能直接相加。";
        decimal? combinedYi = foreignYuan is { } f && missing is null ? Math.Round((domesticYuan + f) / 100_000_000m, 2) : null;
        // The plan's 外资 target converts at its first year's rate (read after the missing rates above were named).
        var planRate = rates.CnyPerUsd(first, 1);
        var combinedTarget = set[Figures.Figure.DomesticFunds].Target is { } dt && set[Figures.Figure.ForeignFunds].Target is { } ft
            && planRate is { } rate ? Math.Round(dt + ft * rate / 10_000m, 2) : (decimal?)null;
        var rule = used.Count == 0
            ? "外资按到位当月（无月汇率时按年度）美元兑人民币汇率折算成亿元后与内资相加。"
            : $"外资按到位当月（无月汇率时按年度）美元兑人民币汇率折算成亿元后与内资相加，所用汇率：{string.Join("、", used)}。";
        if (combinedTarget is not null)
            rule += $" 合计指标按 {first} 年度汇率 {planRate:0.####} 折算外资指标。";
        var combined = Figure("引进资金（内外资合计）", "亿元", combinedYi, combinedTarget, progress, null, missing);

        var plans = Enumerable.Range(0, 4).Select(i => 2016 + 5 * i).Where(y => y <= Math.Max(date.Year, first))
            .Select(y => new PlanOptionDto(y, FiveYearPlans.Name(y))).Reverse().ToList();
        return new PlanProgressDto(period, period.Label, set.AsOf, progress, Row(set[Figures.Figure.DomesticFunds], MetricCode.DomesticFunds),
            Row(set[Figures.Figure.ForeignFunds], MetricCode.ForeignFunds), combined, rule, plans, baselines);
    }

    /// <summary>Records (or replaces) a plan's 实绩 for one metric.</summary>
    public async Task SetBaselineAsync(int firstYear, MetricCode metric, decimal value, string? source, CancellationToken ct = default)
    {
        var baseline = new PlanBaseline(FiveYearPlans.EnsureFirstYear(firstYear), metric, value, source ?? "");
        var existing = await db.PlanBaselines.FirstOrDefaultAsync(b => b.FirstYear == firstYear && b.Metric == metric, ct);
        if (existing is not null)
            db.PlanBaselines.Remove(existing);
        db.PlanBaselines.Add(baseline);
        await db.SaveChangesAsync(ct);
    }

    private static PlanFigureDto Figure(string name, string unit, decimal? actual, decimal? target, TimeProgress progress, PlanBaselineDto? previous, string? unavailable)
    {
        decimal? completion = actual is { } a && target is > 0 ? a / target.Value * 100m : null;
        decimal? variance = completion - progress.Percent;
        return new PlanFigureDto(name, unit, actual, target, completion, variance, variance is { } v ? ScheduleVerdicts.For(v) : null,
            previous?.Value, previous?.Source, unavailable);
    }
}
