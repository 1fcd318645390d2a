using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Projects;

namespace InvestmentCrm.Figures;

/// <summary>
/// Σ verified tranches of one 招引单位, source, currency and month — a summary row kept in the same transaction as
/// the tranches and projects it adds up, so that the 全部-scope figures read a few thousand rows instead of a year of
/// tranches. <see cref="DepartmentId"/> is <see cref="Guid.Empty"/> for projects without 招引单位.
/// </summary>
public class FundsMonthTotal
{
    public Guid DepartmentId { get; set; }
    public CapitalSource Source { get; set; }
    public string Currency { get; set; } = "";
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>In cents (money has two decimals): integer addition is exact on both providers.</summary>
    public long AmountCents { get; set; }
}

/// <summary>Per 招引单位, main-line stage and month: how many projects entered or first reached the stage then.</summary>
public class StageMonthCount
{
    public Guid DepartmentId { get; set; }
    public ProjectStage Stage { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>Projects whose first transition into the stage within the calendar year falls in this month.</summary>
    public int Entered { get; set; }
    /// <summary>Projects that first reached this stage or a later main-line stage in this month (the funnel).</summary>
    public int Reached { get; set; }
}

/// <summary>
/// Per live project, its 招引单位 and the first dates the 履约 rule and the 项目盘子 ask about, so that the cohort of a
/// year and the year's pool are counted from one narrow row per project instead of lookups into transitions, tranches,
/// milestones and construction events.
/// </summary>
public class ProjectFigureFacts
{
    public Guid ProjectId { get; set; }
    public Guid DepartmentId { get; set; }
    /// <summary>First transition into 落位 or 到位.</summary>
    public DateOnly? LandedOn { get; set; }
    public DateOnly? FirstVerifiedFundsOn { get; set; }
    /// <summary>First completed milestone of the 开工建设 phase.</summary>
    public DateOnly? ConstructionStartedOn { get; set; }
    /// <summary>First completed milestone of the 投产运营 phase (moved in).</summary>
    public DateOnly? MovedInOn { get; set; }
    /// <summary>The construction event 开工 (there is one at most).</summary>
    public DateOnly? BuildStartedOn { get; set; }
    /// <summary>The construction event 竣工验收 (one at most).</summary>
    public DateOnly? BuildAcceptedOn { get; set; }
    /// <summary>The first 停缓建: before it, 开工 and 竣工验收 alone say where the project stands.</summary>
    public DateOnly? BuildSuspendedOn { get; set; }
}

/// <summary>
/// A project's first transition into 签约 within one calendar year: the project is in the 签约队列 (cohort) of every
/// window from 1 January of that year to a cut on or after <see cref="SignedOn"/> (docs/figures.md, 签约队列). One row per
/// live project and year it signed in, so that a year's cohort is read by index instead of searched in the transitions.
/// </summary>
public class ProjectSigning
{
    public Guid ProjectId { get; set; }
    public int Year { get; set; }
    public DateOnly SignedOn { get; set; }
    /// <summary>The project's 招引单位 (<see cref="Guid.Empty"/> for none), as in <see cref="ProjectFigureFacts"/>.</summary>
    public Guid DepartmentId { get; set; }
    /// <summary>The 履约 evidence of <see cref="ProjectFigureFacts"/>, repeated so that a year's cohort is counted from this row alone.</summary>
    public DateOnly? LandedOn { get; set; }
    public DateOnly? FirstVerifiedFundsOn { get; set; }
    public DateOnly? ConstructionStartedOn { get; set; }
    public DateOnly? MovedInOn { get; set; }
}

/// <summary>
/// Σ of what the cohort of one year owes and has brought, per 招引单位 and the month its projects first signed in that
/// year: the 正式投资合同 amounts by the contract's month (<see cref="CohortMoneyKind.Contracted"/>) and the verified tranches by the
/// arrival month (<see cref="CohortMoneyKind.Arrived"/>) — the two sides of 到位率 without reading the cohort's contracts and
/// tranches.
/// </summary>
public class CohortMonthTotal
{
    public Guid DepartmentId { get; set; }
    public int CohortYear { get; set; }
    public int CohortMonth { get; set; }
    public CohortMoneyKind Kind { get; set; }
    public CapitalSource Source { get; set; }
    /// <summary>The amount's currency (for <see cref="CohortMoneyKind.Contracted"/>: the contract's foreign currency, which keys both its amounts).</summary>
    public string Currency { get; set; } = "";
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>In cents, as <see cref="FundsMonthTotal.AmountCents"/>.</summary>
    public long AmountCents { get; set; }
    /// <summary>How many contracts or tranches the sum holds: a group of zero amounts still exists, as it does in the detail.</summary>
    public int Records { get; set; }
}

public enum CohortMoneyKind
{
    [Display(Name = "合同约定")]
    Contracted = 1,
    [Display(Name = "到位")]
    Arrived = 2,
}

/// <summary>
/// What one project adds to the summary rows. The database keeps the sums; on every save the rows of the projects
/// touched are computed before and after and the difference is added, so a row never needs a full recount.
/// </summary>
public static class FigureSummaryContribution
{
    public readonly record struct FundsKey(Guid DepartmentId, CapitalSource Source, string Currency, int Year, int Month);

    public readonly record struct StageKey(Guid DepartmentId, ProjectStage Stage, int Year, int Month);

    public readonly record struct CohortKey(Guid DepartmentId, int CohortYear, int CohortMonth, CohortMoneyKind Kind, CapitalSource Source, string Currency, int Year, int Month);

    /// <summary>The first transition into 签约 in each calendar year: the years whose cohort the project is in, and from when.</summary>
    public static IEnumerable<(int Year, DateOnly SignedOn)> FirstSignings(IEnumerable<(ProjectStage Stage, DateOnly On)> transitions) =>
        transitions.Where(t => t.Stage == ProjectStage.Signed)
            .GroupBy(t => t.On.Year)
            .Select(g => (g.Key, g.Min(t => t.On)));

    /// <summary>
    /// One project's contracted amounts (per foreign currency and month of its 正式投资合同) and verified tranches (per source,
    /// currency and arrival month), added with <paramref name="sign"/> under each cohort the project is in.
    /// </summary>
    public static void AddCohortMoney(IDictionary<CohortKey, (long Cents, int Records)> sums, Guid department, IEnumerable<(int Year, DateOnly SignedOn)> signings,
        IReadOnlyCollection<(string ForeignCurrency, int Year, int Month, decimal Domestic, decimal Foreign, int Contracts)> contracts,
        IReadOnlyCollection<(CapitalSource Source, string Currency, int Year, int Month, decimal Amount, int Tranches)> verifiedMonths, int sign)
    {
        foreach (var (cohortYear, signedOn) in signings)
        {
            foreach (var c in contracts)
            {
                Add(sums, new CohortKey(department, cohortYear, signedOn.Month, CohortMoneyKind.Contracted, CapitalSource.Domestic, c.ForeignCurrency, c.Year, c.Month), sign * Cents(c.Domestic), sign * c.Contracts);
                Add(sums, new CohortKey(department, cohortYear, signedOn.Month, CohortMoneyKind.Contracted, CapitalSource.Foreign, c.ForeignCurrency, c.Year, c.Month), sign * Cents(c.Foreign), sign * c.Contracts);
            }
            foreach (var t in verifiedMonths)
                Add(sums, new CohortKey(department, cohortYear, signedOn.Month, CohortMoneyKind.Arrived, t.Source, t.Currency, t.Year, t.Month), sign * Cents(t.Amount), sign * t.Tranches);
        }
    }

    private static void Add(IDictionary<CohortKey, (long Cents, int Records)> sums, CohortKey key, long cents, int records)
    {
        var (c, r) = sums.TryGetValue(key, out var value) ? value : (0, 0);
        sums[key] = (c + cents, r + records);
    }

    /// <summary>A verified tranche's amount in cents (money has two decimals).</summary>
    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);

    public static void AddFunds(IDictionary<FundsKey, long> sums, Guid department,
        IEnumerable<(CapitalSource Source, string Currency, int Year, int Month, decimal Amount)> verifiedMonths, int sign)
    {
        foreach (var row in verifiedMonths)
        {
            var key = new FundsKey(department, row.Source, row.Currency, row.Year, row.Month);
            sums[key] = sums.TryGetValue(key, out var sum) ? sum + sign * Cents(row.Amount) : sign * Cents(row.Amount);
        }
    }

    /// <summary>
    /// One project's entries (first transition into each main-line stage per calendar year) and first reaches (the
    /// first date of a transition into the stage or a later main-line stage), added with <paramref name="sign"/>.
    /// </summary>
    public static void AddStages(IDictionary<StageKey, (int Entered, int Reached)> counts, Guid department,
        IReadOnlyCollection<(ProjectStage Stage, DateOnly On)> transitions, int sign)
    {
        var mainLine = transitions.Where(t => t.Stage is >= ProjectStage.Reserve and <= ProjectStage.Funded).ToList();
        foreach (var entry in mainLine.GroupBy(t => (t.Stage, t.On.Year)))
        {
            var first = entry.Min(t => t.On);
            Add(counts, new StageKey(department, entry.Key.Stage, first.Year, first.Month), sign, 0);
        }
        foreach (var stage in ProjectNames.MainLine)
        {
            var reached = mainLine.Where(t => t.Stage >= stage).Select(t => (DateOnly?)t.On).Min();
            if (reached is { } on)
                Add(counts, new StageKey(department, stage, on.Year, on.Month), 0, sign);
        }
    }

    private static void Add(IDictionary<StageKey, (int Entered, int Reached)> counts, StageKey key, int entered, int reached)
    {
        var (e, r) = counts.TryGetValue(key, out var value) ? value : (0, 0);
        counts[key] = (e + entered, r + reached);
    }
}
