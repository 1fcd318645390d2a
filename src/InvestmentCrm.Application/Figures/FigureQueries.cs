using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

/// <summary>A project with the key its figures are grouped by: its 招引单位 (department figures) or itself (personal credit).</summary>
internal sealed class KeyedProject
{
    public Guid Id { get; init; }
    public Guid? Key { get; init; }
}

/// <summary>
/// The dates one read covers: the period up to its cut, and optionally the same period a year earlier up to
/// its own cut (同比) and on to its end (the trend of the whole earlier year). One scan serves all three.
/// </summary>
internal readonly record struct DateWindow(DateOnly Start, DateOnly Cut, DateOnly EarlierStart, DateOnly EarlierCut, DateOnly EarlierEnd)
{
    public static DateWindow Only(DateOnly start, DateOnly cut) => new(start, cut, DateOnly.MaxValue, DateOnly.MinValue, DateOnly.MinValue);

    public DateOnly From => Start < EarlierStart ? Start : EarlierStart;
    public DateOnly To => Cut > EarlierEnd ? Cut : EarlierEnd;
}

/// <summary>Which part of a <see cref="DateWindow"/> a row belongs to.</summary>
internal static class WindowPart
{
    public const int Current = 0;
    public const int EarlierToDate = 1;
    public const int EarlierRest = 2;
}

internal sealed record FundsRow(Guid? Key, CapitalSource Source, string Currency, int Year, int Month, decimal Amount, int Part = WindowPart.Current);
internal sealed record KeyCount(Guid? Key, int Count);
internal sealed record StageRow(Guid? Key, ProjectStage Stage, int Count, int Part = WindowPart.Current);
internal sealed record StrategicRow(Guid? Key, int Current, int Earlier);
internal sealed record CohortRow(Guid? Key, int Cohort, int Fulfilled);
internal sealed record ContractRow(Guid? Key, string ForeignCurrency, int Year, int Month, decimal Domestic, decimal Foreign);

/// <summary>
/// The database side of the figures engine: every query is an aggregate (GROUP BY / SUM / COUNT) over the
/// already data-scoped projects, so no detail row leaves the database and the result has at most one row per
/// department (or per credited project) and month.
/// </summary>
internal sealed class FigureQueries(ICrmDbContext db)
{
    private static readonly ProjectStage[] MainLine = ProjectNames.MainLine;

    public static IQueryable<KeyedProject> ByDepartment(IQueryable<Project> projects) =>
        projects.Select(p => new KeyedProject { Id = p.Id, Key = p.LeadDepartmentId });

    public static IQueryable<KeyedProject> ByProject(IQueryable<Project> projects) =>
        projects.Select(p => new KeyedProject { Id = p.Id, Key = p.Id });

    /// <summary>Σ verified tranches dated in [from, to], by key, source, currency and month (the month picks the exchange rate).</summary>
    public Task<List<FundsRow>> VerifiedFundsAsync(IQueryable<KeyedProject> projects, DateOnly start, DateOnly end, CancellationToken ct) =>
        VerifiedFundsAsync(projects, DateWindow.Only(start, end), ct);

    /// <summary>Σ verified tranches in every part of the window, by part, key, source, currency and month — one scan.</summary>
    public Task<List<FundsRow>> VerifiedFundsAsync(IQueryable<KeyedProject> projects, DateWindow w, CancellationToken ct) =>
        (from t in db.FundsTranches
         where t.Verification == VerificationStatus.Verified && t.ArrivedOn >= w.From && t.ArrivedOn <= w.To
            && ((t.ArrivedOn >= w.Start && t.ArrivedOn <= w.Cut) || (t.ArrivedOn >= w.EarlierStart && t.ArrivedOn <= w.EarlierEnd))
         join p in projects on t.ProjectId equals p.Id
         group t by new
         {
             p.Key, t.Source, t.Amount.Currency, t.ArrivedOn.Year, t.ArrivedOn.Month,
             Part = t.ArrivedOn >= w.Start ? WindowPart.Current : t.ArrivedOn <= w.EarlierCut ? WindowPart.EarlierToDate : WindowPart.EarlierRest,
         } into g
         select new FundsRow(g.Key.Key, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(t => t.Amount.Amount), g.Key.Part))
        .ToListAsync(ct);

    /// <summary>
    /// Projects whose transition into a stage has an effective date in the period (and in the earlier period up to
    /// its cut); a project counts once per stage and part. <paramref name="stages"/>: only these (default: the main line).
    /// </summary>
    public Task<List<StageRow>> StageEntriesAsync(IQueryable<KeyedProject> projects, DateWindow w, CancellationToken ct, ProjectStage[]? stages = null)
    {
        var wanted = stages ?? MainLine;
        return (from t in db.ProjectStageTransitions
                // The stage list lets the (ToStage, EffectiveDate) index serve the date range.
                where wanted.Contains(t.ToStage) && t.EffectiveDate >= w.From && t.EffectiveDate <= w.To
                    && ((t.EffectiveDate >= w.Start && t.EffectiveDate <= w.Cut) || (t.EffectiveDate >= w.EarlierStart && t.EffectiveDate <= w.EarlierCut))
                join p in projects on t.ProjectId equals p.Id
                group t.ProjectId by new { p.Key, t.ToStage, Part = t.EffectiveDate >= w.Start ? WindowPart.Current : WindowPart.EarlierToDate } into g
                select new StageRow(g.Key.Key, g.Key.ToStage, g.Distinct().Count(), g.Key.Part))
            .ToListAsync(ct);
    }

    /// <summary>Projects signed in the period (and in the earlier period up to its cut) with a 战略投资者 among their investors.</summary>
    public Task<List<StrategicRow>> StrategicSignedAsync(IQueryable<KeyedProject> projects, DateWindow w, CancellationToken ct) =>
        WithStrategicInvestor(projects)
            .Select(p => new
            {
                p.Key,
                Current = db.ProjectStageTransitions.Any(t => t.ProjectId == p.Id && t.ToStage == ProjectStage.Signed && t.EffectiveDate >= w.Start && t.EffectiveDate <= w.Cut),
                Earlier = db.ProjectStageTransitions.Any(t => t.ProjectId == p.Id && t.ToStage == ProjectStage.Signed && t.EffectiveDate >= w.EarlierStart && t.EffectiveDate <= w.EarlierCut),
            })
            .Where(x => x.Current || x.Earlier)
            .GroupBy(x => x.Key)
            .Select(g => new StrategicRow(g.Key, g.Count(x => x.Current), g.Count(x => x.Earlier)))
            .ToListAsync(ct);

    /// <summary>The cohort and how many of it are 履约, per key, in one read.</summary>
    public Task<List<CohortRow>> CohortCountsAsync(IQueryable<KeyedProject> projects, DateOnly start, DateOnly cut, DateOnly asOf, FigureRules rules, CancellationToken ct)
    {
        var cohort = Cohort(projects, start, cut);
        var fulfilled = Fulfilled(cohort, asOf, rules).Select(p => p.Id);
        return cohort
            .Select(p => new { p.Key, IsFulfilled = fulfilled.Contains(p.Id) })
            .GroupBy(x => x.Key)
            .Select(g => new CohortRow(g.Key, g.Count(), g.Count(x => x.IsFulfilled)))
            .ToListAsync(ct);
    }

    public IQueryable<KeyedProject> StrategicSigned(IQueryable<KeyedProject> projects, DateOnly start, DateOnly end) =>
        WithStrategicInvestor(projects).Where(p =>
            db.ProjectStageTransitions.Any(t => t.ProjectId == p.Id && t.ToStage == ProjectStage.Signed && t.EffectiveDate >= start && t.EffectiveDate <= end));

    /// <summary>
    /// Projects with a 战略投资者 among their investors. The companies are read unscoped: a company linked to a project the
    /// reader sees is in the reader's scope anyway (CrmDbContext's company filter), and repeating that filter for every
    /// project made a department's figures take seconds at 100,000 projects (docs/benchmarks/load.md).
    /// </summary>
    private IQueryable<KeyedProject> WithStrategicInvestor(IQueryable<KeyedProject> projects) =>
        projects.Where(p => db.ProjectCompanies.Any(pc => pc.ProjectId == p.Id && pc.Role == ProjectCompanyRole.Investor
            && db.Unscoped.Companies.Any(c => c.Id == pc.CompanyId && c.IsStrategicInvestor)));

    /// <summary>
    /// Cohort C(P): projects that entered 签约 (effective date) in [start, cut] — the same set as the 签约 count; the gate
    /// let them in only with a 正式投资合同 (docs/figures.md, 签约队列).
    /// </summary>
    public IQueryable<KeyedProject> Cohort(IQueryable<KeyedProject> projects, DateOnly start, DateOnly cut) =>
        projects.Where(p => db.ProjectStageTransitions.Any(t => t.ProjectId == p.Id && t.ToStage == ProjectStage.Signed && t.EffectiveDate >= start && t.EffectiveDate <= cut));

    /// <summary>The 正式投资合同 behind a cohort: its projects' formal contracts signed by the cut.</summary>
    public IQueryable<Contract> CohortContracts(IQueryable<Guid> cohortIds, DateOnly cut) =>
        db.Contracts.Where(c => c.Kind == ContractKind.FormalInvestment && c.SignedOn <= cut && cohortIds.Contains(c.ProjectId));

    /// <summary>The cohort's projects that are 履约 at the as-of date under the year's rule.</summary>
    public IQueryable<KeyedProject> Fulfilled(IQueryable<KeyedProject> cohort, DateOnly asOf, FigureRules rules)
    {
        var fulfilled = cohort;
        if (rules.FulfilmentRequiresLanding)
            fulfilled = fulfilled.Where(p => db.ProjectStageTransitions.Any(t => t.ProjectId == p.Id
                && (t.ToStage == ProjectStage.Landed || t.ToStage == ProjectStage.Funded) && t.EffectiveDate <= asOf));
        var (byFunds, byConstruction, byMoveIn) = (rules.FulfilmentByVerifiedFunds, rules.FulfilmentByConstructionStart, rules.FulfilmentByMoveIn);
        if (byFunds || byConstruction || byMoveIn)
            fulfilled = fulfilled.Where(p =>
                (byFunds && db.FundsTranches.Any(t => t.ProjectId == p.Id && t.Verification == VerificationStatus.Verified && t.ArrivedOn <= asOf))
                || (byConstruction && db.ProjectMilestones.Any(m => m.ProjectId == p.Id && m.Phase == DispatchPhase.Construction && m.ActualDate != null && m.ActualDate <= asOf))
                || (byMoveIn && db.ProjectMilestones.Any(m => m.ProjectId == p.Id && m.Phase == DispatchPhase.Operation && m.ActualDate != null && m.ActualDate <= asOf)));
        return fulfilled;
    }

    /// <summary>Σ contracted amounts of the cohort's 正式投资合同 (the denominator of 到位率).</summary>
    public Task<List<ContractRow>> ContractedAsync(IQueryable<KeyedProject> projects, DateOnly start, DateOnly cut, CancellationToken ct) =>
        (from c in CohortContracts(Cohort(projects, start, cut).Select(p => p.Id), cut)
         join p in projects on c.ProjectId equals p.Id
         group c by new { p.Key, c.ContractedForeign.Currency, c.SignedOn.Year, c.SignedOn.Month } into g
         select new ContractRow(g.Key.Key, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(c => c.ContractedDomestic.Amount), g.Sum(c => c.ContractedForeign.Amount)))
        .ToListAsync(ct);

    /// <summary>Per key, how many projects have reached each main-line stage as their furthest by the as-of date (the funnel).</summary>
    public Task<List<StageRow>> FurthestStagesAsync(IQueryable<KeyedProject> projects, DateOnly asOf, CancellationToken ct) =>
        // One pass over the transitions (GROUP BY project), not one correlated lookup per project.
        (from furthest in db.ProjectStageTransitions
                .Where(t => t.EffectiveDate <= asOf && t.ToStage <= ProjectStage.Funded)
                .GroupBy(t => t.ProjectId)
                .Select(g => new { ProjectId = g.Key, Stage = g.Max(t => t.ToStage) })
         join p in projects on furthest.ProjectId equals p.Id
         group furthest by new { p.Key, furthest.Stage } into g
         select new StageRow(g.Key.Key, g.Key.Stage, g.Count()))
        .ToListAsync(ct);
}

/// <summary>
/// Converts foreign amounts to USD at the month's rate, falling back to the year's; remembers every rate it
/// lacked so that a figure can say which one is missing instead of adding currencies together.
/// </summary>
internal sealed class ExchangeRateTable
{
    private readonly Dictionary<(int Year, int? Month, string Currency), ExchangeRate> _rates;
    private readonly SortedSet<string> _missing = [];

    private ExchangeRateTable(IEnumerable<ExchangeRate> rates) =>
        _rates = rates.ToDictionary(r => (r.Year, r.Month, r.Currency));

    public static async Task<ExchangeRateTable> LoadAsync(ICrmDbContext db, CancellationToken ct) =>
        new(await db.ExchangeRates.AsNoTracking().ToListAsync(ct));

    /// <summary>For figures that convert nothing (counts only).</summary>
    public static ExchangeRateTable Empty() => new([]);

    public IReadOnlyCollection<string> Missing => _missing;

    public void ClearMissing() => _missing.Clear();

    private ExchangeRate? Find(string currency, int year, int month) =>
        _rates.GetValueOrDefault((year, month, currency)) ?? _rates.GetValueOrDefault((year, (int?)null, currency));

    /// <summary>One USD in CNY in that month (the month's rate, else the year's), or null (and remembered as missing).</summary>
    public decimal? CnyPerUsd(int year, int month)
    {
        if (Find(Money.Usd, year, month) is { } usd)
            return usd.ToCny;
        _missing.Add($"{year}年{month}月 美元兑人民币汇率");
        return null;
    }

    /// <summary>The USD→CNY rate used for a month, as it is named on screen (2026年 7.12 or 2026年9月 7.10).</summary>
    public string? UsdRateName(int year, int month) =>
        Find(Money.Usd, year, month) is { } rate ? $"{rate.Year}年{(rate.Month is { } m ? $"{m}月" : "")} {rate.ToCny:0.####}" : null;

    /// <summary>One unit of <paramref name="currency"/> in USD in that month, or null (and remembered as missing).</summary>
    public decimal? UsdPerUnit(string currency, int year, int month)
    {
        if (currency == Money.Usd)
            return 1m;
        if (currency == Money.Cny)
        {
            if (Find(Money.Usd, year, month) is { } usd)
                return 1m / usd.ToCny;
            _missing.Add($"{year}年{month}月 美元兑人民币汇率");
            return null;
        }
        if (Find(currency, year, month) is { } rate)
            return rate.ToUsd;
        _missing.Add($"{year}年{month}月 {currency} 兑美元汇率");
        return null;
    }
}
