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
    /// <summary>十二五 … 十五五: a plan starts in 2011 + 5k.</summary>
    public static string PlanName(int firstYear) => (firstYear - 1951) / 5 is var n and >= 1 and <= 20 && (firstYear - 1951) % 5 == 0
        ? $"“{Ordinal(n)}五”规划（{firstYear}—{firstYear + 4}年）" : $"{firstYear}—{firstYear + 4}年五年规划";

    private static string Ordinal(int n) => n switch
    {
        12 => "十二", 13 => "十三", 14 => "十四", 15 => "十五", 16 => "十六", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The plan in force at the as-of date, or the one starting in <paramref name="firstYear"/>.</summary>
    public async Task<PlanProgressDto> GetAsync(int? firstYear, DateOnly? asOf, CancellationToken ct = default)
    {
        var date = engine.AsOf(asOf);
        var first = firstYear ?? date.Year - (date.Year - 2016) % 5 - ((date.Year - 2016) % 5 < 0 ? 5 : 0);
        if ((first - 2016) % 5 != 0)
            throw new DomainException($"五年规划从 2016、2021、2026 年这样的年份开始，{first} 年不是规划的起始年。");
        BusinessDates.EnsureYear(first);
        BusinessDates.EnsureYear(first + 4);
        var period = new FigurePeriod(PeriodKind.FiveYearPlan, new DateOnly(first, 1, 1), new DateOnly(first + 4, 12, 31), PlanName(first));
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
        var combinedTarget = set[Figures.Figure.DomesticFunds].Target is { } dt && set[Figures.Figure.ForeignFunds].Target is { } ft
            && PlanTargetRate(rates, first) is { } planRate ? Math.Round(dt + ft * planRate / 10_000m, 2) : (decimal?)null;
        var rule = used.Count == 0
            ? "外资按到位当月（无月汇率时按年度）美元兑人民币汇率折算成亿元后与内资相加。"
            : $"外资按到位当月（无月汇率时按年度）美元兑人民币汇率折算成亿元后与内资相加，所用汇率：{string.Join("、", used)}。";
        if (combinedTarget is not null)
            rule += $" 合计指标按 {first} 年度汇率 {PlanTargetRate(rates, first):0.####} 折算外资指标。";
        var combined = Figure("引进资金（内外资合计）", "亿元", combinedYi, combinedTarget, progress, null, missing);

        var plans = Enumerable.Range(0, 4).Select(i => 2016 + 5 * i).Where(y => y <= Math.Max(date.Year, first))
            .Select(y => new PlanOptionDto(y, PlanName(y))).Reverse().ToList();
        return new PlanProgressDto(period, PlanName(first), set.AsOf, progress, Row(set[Figures.Figure.DomesticFunds], MetricCode.DomesticFunds),
            Row(set[Figures.Figure.ForeignFunds], MetricCode.ForeignFunds), combined, rule, plans, baselines);
    }

    /// <summary>Records (or replaces) a plan's 实绩 for one metric.</summary>
    public async Task SetBaselineAsync(int firstYear, MetricCode metric, decimal value, string? source, CancellationToken ct = default)
    {
        if ((firstYear - 2016) % 5 != 0)
            throw new DomainException($"五年规划从 2016、2021、2026 年这样的年份开始，{firstYear} 年不是规划的起始年。");
        var baseline = new PlanBaseline(firstYear, metric, value, source ?? "");
        var existing = await db.PlanBaselines.FirstOrDefaultAsync(b => b.FirstYear == firstYear && b.Metric == metric, ct);
        if (existing is not null)
            db.PlanBaselines.Remove(existing);
        db.PlanBaselines.Add(baseline);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A plan's combined target converts its 外资 target at the plan's first year's rate (the year's USD→CNY).</summary>
    private static decimal? PlanTargetRate(ExchangeRateTable rates, int firstYear)
    {
        var rate = rates.CnyPerUsd(firstYear, 1);
        rates.ClearMissing();
        return rate;
    }

    private static PlanFigureDto Figure(string name, string unit, decimal? actual, decimal? target, TimeProgress progress, PlanBaselineDto? previous, string? unavailable)
    {
        decimal? completion = actual is { } a && target is > 0 ? a / target.Value * 100m : null;
        decimal? variance = completion - progress.Percent;
        return new PlanFigureDto(name, unit, actual, target, completion, variance, variance is { } v ? ScheduleVerdicts.For(v) : null,
            previous?.Value, previous?.Source, unavailable);
    }
}
