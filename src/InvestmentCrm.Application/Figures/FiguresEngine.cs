using DataScope = InvestmentCrm.Authorization.DataScope;
using InvestmentCrm.Organization;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

/// <summary>
/// The figures engine (docs/figures.md): any figure for any scope (全区 / department subtree / person), period and
/// as-of date, computed by the database from effective dates and verified tranches, inside the caller's data
/// scope. The use cases read through it — the cockpit (<see cref="CockpitAppService"/>), the drill-down
/// (<see cref="FigureRecordsAppService"/>), 我的指标 and 部门指标 (<see cref="PeopleFiguresAppService"/>), the appraisal —
/// so a number and the records behind it can never disagree.
/// </summary>
public sealed class FiguresEngine(ICrmDbContext db, DataScope scope, TimeProvider clock)
{
    internal const int MoneyDecimals = 2;
    internal const int CountDecimals = 4;
    private readonly FigureSummaryQueries _summaries = new(db);

    /// <summary>The detail queries, for use cases that list what a figure adds up.</summary>
    internal FigureQueries Queries { get; } = new(db);

    public DateOnly Today => clock.Today();

    /// <summary>The 统计日 asked for (default today), refused in Chinese when it lies outside the product's dates.</summary>
    internal DateOnly AsOf(DateOnly? asOf) => BusinessDates.EnsureDate(asOf ?? Today, "统计日");

    public async Task<FigureRules> RulesForAsync(int year, CancellationToken ct = default) =>
        await db.FigureRules.AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct) ?? FigureRules.DefaultFor(year);

    public async Task<FigureSetDto> ComputeAsync(FigureScope figureScope, FigurePeriod period, DateOnly? asOf = null, CancellationToken ct = default) =>
        (await ComputeCoreAsync(figureScope, period, AsOf(asOf), ct)).Figures;

    /// <summary>A computed figure set with what it was computed from, for callers that show more than the figures.</summary>
    internal sealed record Computation(FigureSetDto Figures, DepartmentTree Org, ResolvedScope Resolved, FigureRules Rules, PeriodData Data,
        List<FundsRow> EarlierWholeFunds);

    /// <param name="earlierWholeYear">Also read the funds of the whole earlier year (the cockpit's trend), in the same scan.</param>
    internal async Task<Computation> ComputeCoreAsync(FigureScope figureScope, FigurePeriod period, DateOnly date, CancellationToken ct, bool earlierWholeYear = false)
    {
        var org = await db.LoadDepartmentTreeAsync(ct);
        var resolved = await ResolveAsync(figureScope, org, ct);
        var rules = await RulesForAsync(period.Start.Year, ct);
        var rates = await ExchangeRateTable.LoadAsync(db, ct);
        var loaded = await LoadAsync(resolved, period, period.YearEarlier(), date, rules, PeriodParts.All, earlierWholeYear, ct);
        var targets = await TargetsAsync(figureScope, period, ct);
        var figures = Build(figureScope, resolved.Name, period, date, rules, rates, loaded.Current, loaded.Earlier, targets, resolved.Attribution);
        return new Computation(figures, org, resolved, rules, loaded.Current, [.. loaded.Earlier?.Funds ?? [], .. loaded.EarlierRestFunds]);
    }

    // ---------------------------------------------------------------- loading

    [Flags]
    internal enum PeriodParts
    {
        Counts = 1,
        Funds = 2,
        Cohort = 4,
        All = Counts | Funds | Cohort,
    }

    /// <summary>The aggregated rows of one period — at most one row per key, stage, source, currency and month.</summary>
    internal sealed class PeriodData
    {
        public List<FundsRow> Funds { get; set; } = [];
        public List<StageRow> Stages { get; set; } = [];
        public List<KeyCount> Strategic { get; set; } = [];
        public List<KeyCount> Cohort { get; set; } = [];
        public List<KeyCount> Fulfilled { get; set; } = [];
        public List<ContractRow> Contracted { get; set; } = [];
        public List<FundsRow> CohortFunds { get; set; } = [];
    }

    /// <summary>A period's rows, the same period a year earlier up to the same day (counts and funds, for 同比), and the rest of that earlier period's funds.</summary>
    internal sealed record LoadedPeriods(PeriodData Current, PeriodData? Earlier, List<FundsRow> EarlierRestFunds);

    internal static DateOnly Cut(FigurePeriod period, DateOnly asOf) => period.End < asOf ? period.End : asOf;

    internal static async Task<LoadedPeriods> LoadAsync(ResolvedScope resolved, FigurePeriod period, FigurePeriod? earlier, DateOnly asOf, FigureRules rules,
        PeriodParts parts, bool earlierWholePeriod, CancellationToken ct, ProjectStage[]? stages = null)
    {
        var rows = resolved.Rows;
        var current = new PeriodData();
        var previous = earlier is null ? null : new PeriodData();
        var cut = Cut(period, asOf);
        // The current and the earlier period are read in the same scans (a part number tells their rows apart);
        // an empty range (cut before start) simply matches nothing.
        var window = earlier is null
            ? DateWindow.Only(period.Start, cut)
            : new DateWindow(period.Start, cut, earlier.Start, Cut(earlier, asOf.AddYears(-1)), earlierWholePeriod ? earlier.End : Cut(earlier, asOf.AddYears(-1)));
        List<FundsRow> earlierRest = [];
        // One DbContext per request: the queries run one after another, never concurrently.
        if (parts.HasFlag(PeriodParts.Counts))
        {
            var entries = await rows.StageEntriesAsync(window, stages, ct);
            current.Stages = entries.Where(r => r.Part == WindowPart.Current).ToList();
            var strategic = await rows.StrategicSignedAsync(window, ct);
            current.Strategic = strategic.Where(r => r.Current > 0).Select(r => new KeyCount(r.Key, r.Current)).ToList();
            if (previous is not null)
            {
                previous.Stages = entries.Where(r => r.Part == WindowPart.EarlierToDate).ToList();
                previous.Strategic = strategic.Where(r => r.Earlier > 0).Select(r => new KeyCount(r.Key, r.Earlier)).ToList();
            }
        }
        if (parts.HasFlag(PeriodParts.Funds))
        {
            var funds = await rows.VerifiedFundsAsync(window, ct);
            current.Funds = funds.Where(r => r.Part == WindowPart.Current).ToList();
            previous?.Funds = funds.Where(r => r.Part == WindowPart.EarlierToDate).ToList();
            earlierRest = funds.Where(r => r.Part == WindowPart.EarlierRest).ToList();
        }
        if (parts.HasFlag(PeriodParts.Cohort) && cut >= period.Start)
        {
            var windowEnd = rules.ArrivalWindow == ArrivalWindow.WithinPeriod ? cut : asOf;
            var cohort = await rows.CohortCountsAsync(period.Start, cut, asOf, rules, ct);
            current.Cohort = cohort.Select(r => new KeyCount(r.Key, r.Cohort)).ToList();
            current.Fulfilled = cohort.Where(r => r.Fulfilled > 0).Select(r => new KeyCount(r.Key, r.Fulfilled)).ToList();
            current.Contracted = await rows.ContractedAsync(period.Start, cut, ct);
            current.CohortFunds = await rows.CohortFundsAsync(period.Start, cut, period.Start, windowEnd, ct);
        }
        return new LoadedPeriods(current, previous, earlierRest);
    }

    /// <summary>
    /// The scope as a project set (inside the data scope), how its rows are keyed, where its aggregated rows come from
    /// (<see cref="IFigureRows"/>, chosen here once) and how they are credited.
    /// </summary>
    internal sealed record ResolvedScope(string Name, IQueryable<Project> Projects, IQueryable<KeyedProject> Keyed, IFigureRows Rows, FigureAttribution Attribution);

    /// <summary>
    /// The summary tables hold every live project by 招引单位: they answer for a reader who sees 全部 and a district or
    /// department scope; anyone else reads the detail of the projects they may see.
    /// </summary>
    private ResolvedScope Resolved(string name, IQueryable<Project> projects, IQueryable<KeyedProject> keyed, FigureAttribution attribution, bool summarised)
    {
        var detail = new DetailFigureRows(Queries, keyed);
        return new ResolvedScope(name, projects, keyed, summarised ? new SummaryFigureRows(_summaries, detail) : detail, attribution);
    }

    internal async Task<ResolvedScope> ResolveAsync(FigureScope figureScope, DepartmentTree org, CancellationToken ct)
    {
        var projects = await scope.ProjectsAsync(ct);
        var rules = await scope.GetRulesAsync(ct);
        var seesAll = rules.All;
        switch (figureScope.Kind)
        {
            case FigureScopeKind.Department:
            {
                var id = figureScope.DepartmentId ?? throw new DomainException("请选择部门。");
                var name = org.NameOf(id) ?? throw new NotFoundException("部门不存在。");
                EnsureCanRead(rules, id);
                var inSubtree = InSubtree(projects, org, id);
                return Resolved(name, inSubtree, FigureQueries.ByDepartment(inSubtree), FigureAttribution.Departments(org.Subtree(id)), summarised: seesAll);
            }
            case FigureScopeKind.Person:
            {
                var userId = figureScope.UserId ?? throw new DomainException("请选择人员。");
                var person = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.DepartmentId }).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException("人员不存在。");
                var credited = projects.Where(p => p.Contributors.Any(c => c.UserId == userId));
                var name = person.DisplayName;
                if (figureScope.DepartmentId is { } department)
                {
                    // A person's credit in a department's projects: the same number for every reader of that department.
                    name = $"{person.DisplayName}（{org.NameOf(department) ?? throw new NotFoundException("部门不存在。")}项目）";
                    EnsureCanRead(rules, department);
                    credited = InSubtree(credited, org, department);
                }
                else if (userId != rules.UserId && !seesAll)
                    // Over all their projects a person's credit is theirs and 全部 readers' to see: anyone else would get
                    // only the part inside their own scope under the same name (docs/figures.md, Attribution).
                    throw new UnauthorizedAccessException("无权查看该人员的全部贡献，请从部门指标查看其在本部门项目中的贡献。");
                var contributors = await db.ProjectContributors
                    .Where(c => credited.Any(p => p.Id == c.ProjectId))
                    .Select(c => new { c.ProjectId, c.UserId, c.WeightPercent })
                    .ToListAsync(ct);
                return Resolved(name, credited, FigureQueries.ByProject(credited),
                    FigureAttribution.Person(userId, contributors.Select(c => (c.ProjectId, c.UserId, c.WeightPercent))), summarised: false);
            }
            default:
                return Resolved(org.DistrictName, projects, FigureQueries.ByDepartment(projects), FigureAttribution.Everything, summarised: seesAll);
        }
    }

    /// <summary>Projects whose 招引单位 lies in the department's subtree.</summary>
    internal static IQueryable<Project> InSubtree(IQueryable<Project> projects, DepartmentTree org, Guid departmentId)
    {
        var subtree = org.Subtree(departmentId);
        return projects.Where(p => p.LeadDepartmentId != null && subtree.Contains(p.LeadDepartmentId.Value));
    }

    /// <summary>
    /// A department's figures are for readers whose data scope holds that department (or everything): anyone else
    /// would see zeros and red lights that are not the department's (docs/security.md, "Data scope").
    /// </summary>
    private static void EnsureCanRead(ReaderScope rules, Guid departmentId)
    {
        if (!CanReadDepartment(rules, departmentId))
            throw new UnauthorizedAccessException("无权查看该部门的指标。");
    }

    internal static bool CanReadDepartment(ReaderScope rules, Guid departmentId) => rules.All || rules.DepartmentIds.Contains(departmentId);

    /// <summary>The departments whose figures the reader may open (null: every department).</summary>
    public async Task<IReadOnlySet<Guid>?> ReadableDepartmentsAsync(CancellationToken ct = default)
    {
        var rules = await scope.GetRulesAsync(ct);
        return rules.All ? null : rules.DepartmentIds.ToHashSet();
    }

    /// <summary>The scope's targets for the period, by metric (a campaign's targets are found by the campaign).</summary>
    internal async Task<Dictionary<MetricCode, decimal>> TargetsAsync(FigureScope figureScope, FigurePeriod period, CancellationToken ct)
    {
        var targets = db.Targets.AsNoTracking().ForPeriod(period);
        targets = figureScope.Kind switch
        {
            FigureScopeKind.Department => targets.Where(t => t.Scope == TargetScope.Department && t.DepartmentId == figureScope.DepartmentId),
            FigureScopeKind.Person => targets.Where(t => t.Scope == TargetScope.Person && t.UserId == figureScope.UserId),
            _ => targets.Where(t => t.Scope == TargetScope.District),
        };
        var list = await targets.Select(t => new { t.Metric, t.Value }).ToListAsync(ct);
        return list.GroupBy(t => t.Metric).ToDictionary(g => g.Key, g => g.First().Value);
    }

    // ---------------------------------------------------------------- building

    internal static FigureSetDto Build(FigureScope figureScope, string scopeName, FigurePeriod period, DateOnly asOf, FigureRules rules, ExchangeRateTable rates,
        PeriodData data, PeriodData? lastYear, Dictionary<MetricCode, decimal> targets, FigureAttribution attribution)
    {
        var progress = TimeProgress.At(period.Start, period.End, asOf);
        decimal? Target(Figure figure) => targets.TryGetValue(figure.Metric(), out var value) ? value : null;
        var figures = new List<FigureDto>();

        // 利用内资 / 利用外资: verified tranches dated in P (续建 included).
        var domestic = DomesticSum(data.Funds, attribution);
        figures.Add(Progress(Figure.DomesticFunds, Figure.DomesticFunds.ToDisplayUnit(domestic), null, Target(Figure.DomesticFunds), progress, rules,
            lastYear is null ? null : Figure.DomesticFunds.ToDisplayUnit(DomesticSum(lastYear.Funds, attribution))));
        var foreign = ForeignSum(data.Funds.Where(f => f.Source == CapitalSource.Foreign).Select(f => (f.Key, f.Currency, f.Year, f.Month, f.Amount)), attribution, rates, out var foreignMissing);
        var foreignLast = lastYear is null ? null
            : ForeignSum(lastYear.Funds.Where(f => f.Source == CapitalSource.Foreign).Select(f => (f.Key, f.Currency, f.Year, f.Month, f.Amount)), attribution, rates, out _);
        figures.Add(Progress(Figure.ForeignFunds, foreign is { } usd ? Figure.ForeignFunds.ToDisplayUnit(usd) : null, foreignMissing, Target(Figure.ForeignFunds), progress, rules,
            foreignLast is { } lastUsd ? Figure.ForeignFunds.ToDisplayUnit(lastUsd) : null));

        // 履约率: fulfilled ÷ cohort (terminated projects stay in the cohort).
        figures.Add(Rate(Figure.FulfilmentRate,
            attribution.Sum(data.Fulfilled, r => r.Key, r => r.Count, CountDecimals),
            attribution.Sum(data.Cohort, r => r.Key, r => r.Count, CountDecimals),
            null, Target(Figure.FulfilmentRate), rules));

        // 到位率: the cohort's verified tranches ÷ its contracted amounts, 内资 and 外资 apart.
        figures.Add(Rate(Figure.DomesticArrivalRate,
            DomesticSum(data.CohortFunds, attribution),
            attribution.Sum(data.Contracted, r => r.Key, r => r.Domestic, MoneyDecimals),
            null, Target(Figure.DomesticArrivalRate), rules));
        var arrivedForeign = ForeignSum(data.CohortFunds.Where(f => f.Source == CapitalSource.Foreign).Select(f => (f.Key, f.Currency, f.Year, f.Month, f.Amount)), attribution, rates, out var arrivedMissing);
        var contractedForeign = ForeignSum(data.Contracted.Select(c => (c.Key, c.ForeignCurrency, c.Year, c.Month, c.Foreign)), attribution, rates, out var contractedMissing);
        figures.Add(Rate(Figure.ForeignArrivalRate, arrivedForeign, contractedForeign, arrivedMissing ?? contractedMissing, Target(Figure.ForeignArrivalRate), rules));

        // Stage counts: transitions into the stage with an effective date in P.
        foreach (var figure in FigureCatalog.StageCounts)
        {
            var stage = figure.Stage()!.Value;
            figures.Add(Progress(figure, StageSum(data.Stages, stage, attribution), null, Target(figure), progress, rules,
                lastYear is null ? null : StageSum(lastYear.Stages, stage, attribution)));
        }
        figures.Add(Progress(Figure.StrategicInvestorCount, attribution.Sum(data.Strategic, r => r.Key, r => r.Count, CountDecimals), null,
            Target(Figure.StrategicInvestorCount), progress, rules,
            lastYear is null ? null : attribution.Sum(lastYear.Strategic, r => r.Key, r => r.Count, CountDecimals)));

        return new FigureSetDto(figureScope, scopeName, period, asOf, progress, figures);
    }

    internal static decimal DomesticSum(IEnumerable<FundsRow> rows, FigureAttribution attribution) =>
        attribution.Sum(rows.Where(r => r.Source == CapitalSource.Domestic), r => r.Key, r => r.Amount, MoneyDecimals);

    internal static decimal StageSum(IEnumerable<StageRow> rows, ProjectStage stage, FigureAttribution attribution) =>
        attribution.Sum(rows.Where(r => r.Stage == stage), r => r.Key, r => r.Count, CountDecimals);

    /// <summary>Σ in USD, converted per month; null (with the missing rates named) when a rate is missing.</summary>
    internal static decimal? ForeignSum(IEnumerable<(Guid? Key, string Currency, int Year, int Month, decimal Amount)> rows, FigureAttribution attribution,
        ExchangeRateTable rates, out string? missing)
    {
        rates.ClearMissing();
        var perKey = new Dictionary<Guid, decimal>();
        foreach (var row in rows.Where(r => r.Amount != 0))
        {
            var factor = rates.UsdPerUnit(row.Currency, row.Year, row.Month);
            if (factor is null)
                continue;
            var key = row.Key ?? Guid.Empty;
            perKey[key] = perKey.GetValueOrDefault(key) + row.Amount * factor.Value;
        }
        if (rates.Missing.Count > 0)
        {
            missing = "缺少汇率：" + string.Join("、", rates.Missing) + "。请在“汇率”页面补录后再看此数。";
            return null;
        }
        missing = null;
        return perKey.Sum(kv => attribution.Credit(kv.Key, Math.Round(kv.Value, MoneyDecimals), MoneyDecimals));
    }

    /// <summary>A figure measured against a target and the time elapsed: 完成率, 超/欠进度 (points) and the light.</summary>
    internal static FigureDto Progress(Figure figure, decimal? value, string? unavailable, decimal? target, TimeProgress progress, FigureRules rules, decimal? lastYear)
    {
        decimal? completion = null, variance = null;
        ScheduleLight? light = null;
        var targetMissing = TargetProblem(target);
        if (targetMissing is null && value is { } actual)
        {
            completion = actual / target!.Value * 100m;
            variance = completion - progress.Percent;
            light = rules.LightFor(variance.Value);
        }
        decimal? yoy = value is { } now && lastYear is { } last && last != 0 ? (now - last) / last * 100m : null;
        return new FigureDto(figure, figure.ToDisplay(), figure.Unit(), value, target, completion, variance, light, yoy, null, null, unavailable, targetMissing, figure.Footnote(rules));
    }

    /// <summary>A rate: numerator ÷ denominator, compared with its target in points (a rate does not accrue over the year).</summary>
    internal static FigureDto Rate(Figure figure, decimal? numerator, decimal? denominator, string? unavailable, decimal? target, FigureRules rules)
    {
        if (unavailable is null && (denominator is null or 0))
            unavailable = figure == Figure.FulfilmentRate
                ? "统计期内没有签订正式投资合同的项目（签约队列为空），无法计算履约率"
                : "签约队列的合同约定金额为 0，无法计算到位率";
        decimal? value = unavailable is null ? numerator!.Value / denominator!.Value * 100m : null;
        decimal? completion = null, variance = null;
        ScheduleLight? light = null;
        var targetMissing = TargetProblem(target);
        if (targetMissing is null && value is { } actual)
        {
            completion = actual / target!.Value * 100m;
            variance = actual - target.Value;
            light = rules.LightFor(variance.Value);
        }
        return new FigureDto(figure, figure.ToDisplay(), figure.Unit(), value, target, completion, variance, light, null,
            unavailable is null ? numerator : null, unavailable is null ? denominator : null, unavailable, targetMissing, figure.Footnote(rules));
    }

    internal static string? TargetProblem(decimal? target) => target switch
    {
        null => "未设置指标",
        0m => "指标为 0，不计算完成率",
        _ => null,
    };

    /// <summary>龙虎榜: each department's subtree, its 内资 against its own target, signings and 履约率 — from the rows already loaded.</summary>
    internal async Task<List<DepartmentRankDto>> RankAsync(DepartmentTree org, List<DepartmentTree.Node> departments, FigurePeriod period,
        TimeProgress progress, FigureRules rules, PeriodData data, CancellationToken ct)
    {
        // Only departments the reader may open: the others' rows would be zeros that are not theirs.
        var reader = await scope.GetRulesAsync(ct);
        departments = departments.Where(d => CanReadDepartment(reader, d.Id)).ToList();
        var ids = departments.Select(d => d.Id).ToList();
        var targets = (await db.Targets.AsNoTracking()
                .ForPeriod(period)
                .Where(t => t.Scope == TargetScope.Department && t.Metric == MetricCode.DomesticFunds && t.DepartmentId != null && ids.Contains(t.DepartmentId.Value))
                .Select(t => new { t.DepartmentId, t.Value })
                .ToListAsync(ct))
            .GroupBy(t => t.DepartmentId!.Value).ToDictionary(g => g.Key, g => g.First().Value);

        var rows = new List<DepartmentRankDto>();
        foreach (var department in departments)
        {
            var attribution = FigureAttribution.Departments(org.Subtree(department.Id));
            var domestic = Figure.DomesticFunds.ToDisplayUnit(DomesticSum(data.Funds, attribution));
            var signed = (int)StageSum(data.Stages, ProjectStage.Signed, attribution);
            var cohort = (int)attribution.Sum(data.Cohort, r => r.Key, r => r.Count, 0);
            var fulfilled = attribution.Sum(data.Fulfilled, r => r.Key, r => r.Count, 0);
            var target = targets.TryGetValue(department.Id, out var value) ? value : (decimal?)null;
            if (!department.IsActive && domestic == 0 && signed == 0 && cohort == 0)
                continue;
            if (target is null && domestic == 0 && signed == 0 && cohort == 0)
                continue;
            decimal? completion = target is > 0 ? domestic / target.Value * 100m : null;
            decimal? variance = completion - progress.Percent;
            rows.Add(new DepartmentRankDto(department.Id, department.Name, domestic, target, completion, variance,
                variance is { } v ? rules.LightFor(v) : null, signed, cohort, cohort > 0 ? fulfilled * 100m / cohort : null));
        }
        return rows
            .OrderByDescending(r => r.CompletionPercent ?? decimal.MinValue)
            .ThenByDescending(r => r.DomesticYi)
            .ThenByDescending(r => r.SignedCount)
            .ToList();
    }
}
