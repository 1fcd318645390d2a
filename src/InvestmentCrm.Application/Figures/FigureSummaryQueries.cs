using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

/// <summary>
/// The 全部-scope reads from the summary rows (<see cref="FundsMonthTotal"/>, <see cref="StageMonthCount"/>,
/// <see cref="ProjectFigureFacts"/>): whole months come from the sums; a period that ends mid-month subtracts the detail
/// after its last day to the end of that month (usually a few rows, none when the as-of date is today), so the result equals the detail queries of
/// <see cref="FigureQueries"/> row for row. Rows come keyed by every department (attribution picks a subtree), and
/// live projects are the facts' rows, so callers use these only when the reader's data scope is 全部.
/// </summary>
internal sealed class FigureSummaryQueries(ICrmDbContext db)
{
    private static readonly ProjectStage[] MainLine = ProjectNames.MainLine;

    private static DateOnly MonthEnd(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    private static int MonthNumber(int year, int month) => year * 12 + month - 1;

    /// <summary>Whether each part of the window starts on a month's first day (the summary has no days) and the parts do not overlap.</summary>
    public static bool CanReadFunds(DateWindow w) =>
        w.Start.Day == 1 && (w.EarlierStart > w.EarlierEnd || (w.EarlierStart.Day == 1 && w.EarlierEnd < w.Start));

    /// <summary>Stage entries are summarised per calendar year: each part must start on 1 January and end within that year.</summary>
    public static bool CanReadStageEntries(DateWindow w) =>
        w.Start is { Month: 1, Day: 1 } && w.Cut.Year <= w.Start.Year
        && (w.EarlierStart > w.EarlierCut || (w.EarlierStart is { Month: 1, Day: 1 } && w.EarlierCut.Year == w.EarlierStart.Year && w.EarlierStart.Year != w.Start.Year));

    /// <summary>As <see cref="FigureQueries.VerifiedFundsAsync(IQueryable{KeyedProject}, DateWindow, CancellationToken)"/>.</summary>
    public async Task<List<FundsRow>> VerifiedFundsAsync(DateWindow w, CancellationToken ct)
    {
        // The parts as date ranges: [Start, Cut], [EarlierStart, EarlierCut] and (EarlierCut, EarlierEnd].
        var parts = new List<(int Part, DateOnly From, DateOnly To)> { (WindowPart.Current, w.Start, w.Cut) };
        if (w.EarlierStart <= w.EarlierEnd)
        {
            parts.Add((WindowPart.EarlierToDate, w.EarlierStart, w.EarlierCut < w.EarlierEnd ? w.EarlierCut : w.EarlierEnd));
            var restFrom = w.EarlierCut.AddDays(1) > w.EarlierStart ? w.EarlierCut.AddDays(1) : w.EarlierStart;
            parts.Add((WindowPart.EarlierRest, restFrom, w.EarlierEnd));
        }
        parts.RemoveAll(p => p.From > p.To);
        if (parts.Count == 0)
            return [];

        var wholeMonths = new Dictionary<int, int>();        // month number → part
        var added = new List<(int Part, DateOnly From, DateOnly To)>();
        var subtracted = new List<(int Part, DateOnly From, DateOnly To)>();
        foreach (var (part, from, to) in parts)
        {
            var first = from;
            if (from.Day != 1)
            {
                // A part that starts mid-month (the rest of the earlier year) reads its first days from the detail.
                var headEnd = MonthEnd(from) < to ? MonthEnd(from) : to;
                added.Add((part, from, headEnd));
                first = headEnd.AddDays(1);
            }
            if (first > to)
                continue;
            for (var m = MonthNumber(first.Year, first.Month); m <= MonthNumber(to.Year, to.Month); m++)
                wholeMonths[m] = part;
            if (to != MonthEnd(to))
                subtracted.Add((part, to.AddDays(1), MonthEnd(to)));
        }

        var fromYear = parts.Min(p => p.From.Year);
        var toYear = parts.Max(p => p.To.Year);
        var sums = await db.FundsMonthTotals.AsNoTracking()
            .Where(t => t.Year >= fromYear && t.Year <= toYear && t.AmountCents != 0)
            .ToListAsync(ct);
        var rows = sums
            .Where(t => wholeMonths.ContainsKey(MonthNumber(t.Year, t.Month)))
            .Select(t => new FundsRow(t.DepartmentId, t.Source, t.Currency, t.Year, t.Month, t.AmountCents / 100m, wholeMonths[MonthNumber(t.Year, t.Month)]))
            .ToList();
        // The earlier year's tail to subtract and the head of its rest are the same days: read each range once.
        var days = new Dictionary<(DateOnly, DateOnly), List<FundsRow>>();
        foreach (var (part, from, to, sign) in added.Select(a => (a.Part, a.From, a.To, 1)).Concat(subtracted.Select(d => (d.Part, d.From, d.To, -1))))
        {
            if (!days.TryGetValue((from, to), out var detail))
                days[(from, to)] = detail = await FundsOfDaysAsync(from, to, ct);
            rows.AddRange(detail.Select(r => r with { Part = part, Amount = sign * r.Amount }));
        }
        return rows
            .GroupBy(r => (Key: r.Key ?? Guid.Empty, r.Source, r.Currency, r.Year, r.Month, r.Part))
            .Select(g => new FundsRow(g.Key.Key, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(r => r.Amount), g.Key.Part))
            .Where(r => r.Amount != 0)
            .ToList();
    }

    /// <summary>
    /// Verified tranches of a few days, keyed through the projects' facts (live projects only). The key is a lookup per
    /// project-month group, not a join: a join makes PostgreSQL hash all facts for a handful of rows.
    /// </summary>
    private async Task<List<FundsRow>> FundsOfDaysAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var rows = await db.FundsTranches
            .Where(t => t.Verification == VerificationStatus.Verified && t.ArrivedOn >= first && t.ArrivedOn <= last)
            .GroupBy(t => new { t.ProjectId, t.Source, t.Amount.Currency, t.ArrivedOn.Year, t.ArrivedOn.Month })
            .Select(g => new
            {
                g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, Amount = g.Sum(t => t.Amount.Amount),
                DepartmentId = db.ProjectFigureFacts.Where(f => f.ProjectId == g.Key.ProjectId).Select(f => (Guid?)f.DepartmentId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.DepartmentId is not null)
            .Select(r => new FundsRow(r.DepartmentId, r.Source, r.Currency, r.Year, r.Month, r.Amount))
            .ToList();
    }

    /// <summary>
    /// Whether the cohort is a calendar year's up to a cut within that year — what <see cref="ProjectSigning"/> and
    /// <see cref="CohortMonthTotal"/> hold (a project's first signing of each year); other windows read the facts and the detail.
    /// </summary>
    public static bool CanReadCohort(DateOnly start, DateOnly cut) => start is { Month: 1, Day: 1 } && cut.Year == start.Year;

    /// <summary>
    /// As <see cref="FigureQueries.CohortCountsAsync"/>: the cohort and its 履约 projects per key — a year's cohort from its
    /// signings (which carry the evidence), any other window from the projects' facts.
    /// </summary>
    public Task<List<CohortRow>> CohortCountsAsync(DateOnly start, DateOnly cut, DateOnly asOf, FigureRules rules, CancellationToken ct)
    {
        var landing = rules.FulfilmentRequiresLanding;
        var (byFunds, byConstruction, byMoveIn) = (rules.FulfilmentByVerifiedFunds, rules.FulfilmentByConstructionStart, rules.FulfilmentByMoveIn);
        var anyEvidence = byFunds || byConstruction || byMoveIn;
        // Other windows bring the facts of their cohort in the signings' shape: one 履约 test for both.
        var cohort = CanReadCohort(start, cut)
            ? db.ProjectSignings.Where(s => s.Year == start.Year && s.SignedOn <= cut)
            : Cohort(start, cut).Select(f => new ProjectSigning
            {
                DepartmentId = f.DepartmentId, LandedOn = f.LandedOn, FirstVerifiedFundsOn = f.FirstVerifiedFundsOn,
                ConstructionStartedOn = f.ConstructionStartedOn, MovedInOn = f.MovedInOn,
            });
        return cohort
            .GroupBy(s => s.DepartmentId)
            .Select(g => new CohortRow(g.Key, g.Count(), g.Count(s =>
                (!landing || s.LandedOn <= asOf)
                && (!anyEvidence
                    || (byFunds && s.FirstVerifiedFundsOn <= asOf)
                    || (byConstruction && s.ConstructionStartedOn <= asOf)
                    || (byMoveIn && s.MovedInOn <= asOf)))))
            .ToListAsync(ct);
    }

    /// <summary>
    /// As <see cref="FigureQueries.ContractedAsync"/>: a year's cohort from <see cref="CohortMonthTotal"/> (whole months of
    /// signing and of contracts, less the few after the cut in its month), any other window keyed through the facts.
    /// </summary>
    public async Task<List<ContractRow>> ContractedAsync(DateOnly start, DateOnly cut, CancellationToken ct)
    {
        if (!CanReadCohort(start, cut))
            return await (from f in Cohort(start, cut)
                          join c in db.Contracts on f.ProjectId equals c.ProjectId
                          where c.Kind == ContractKind.FormalInvestment && c.SignedOn <= cut
                          group c by new { f.DepartmentId, c.ContractedForeign.Currency, c.SignedOn.Year, c.SignedOn.Month } into g
                          select new ContractRow(g.Key.DepartmentId, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(c => c.ContractedDomestic.Amount), g.Sum(c => c.ContractedForeign.Amount)))
                .ToListAsync(ct);

        var (year, cutMonth, monthEnd) = (start.Year, cut.Month, MonthEnd(cut));
        var rows = (await db.CohortMonthTotals.AsNoTracking()
                .Where(t => t.Kind == CohortMoneyKind.Contracted && t.CohortYear == year && t.CohortMonth <= cutMonth
                    && (t.Year < year || (t.Year == year && t.Month <= cutMonth)) && t.Records != 0)
                .GroupBy(t => new { t.DepartmentId, t.Source, t.Currency, t.Year, t.Month })
                .Select(g => new { g.Key.DepartmentId, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, Cents = g.Sum(t => t.AmountCents), Records = g.Sum(t => t.Records) })
                .ToListAsync(ct))
            .Select(t => new ContractPart(t.DepartmentId, t.Currency, t.Year, t.Month,
                t.Source == CapitalSource.Domestic ? t.Cents / 100m : 0, t.Source == CapitalSource.Foreign ? t.Cents / 100m : 0,
                t.Source == CapitalSource.Domestic ? t.Records : 0))
            .ToList();
        if (cut != monthEnd)
        {
            // Projects that first signed after the cut in its month, and the cohort's contracts signed after the cut.
            var lateProjects = await (from s in db.ProjectSignings
                                      where s.Year == year && s.SignedOn > cut && s.SignedOn <= monthEnd
                                      join c in db.Contracts on s.ProjectId equals c.ProjectId
                                      where c.Kind == ContractKind.FormalInvestment && c.SignedOn <= monthEnd
                                      group c by new { s.DepartmentId, c.ContractedForeign.Currency, c.SignedOn.Year, c.SignedOn.Month } into g
                                      select new ContractPart(g.Key.DepartmentId, g.Key.Currency, g.Key.Year, g.Key.Month,
                                          -g.Sum(c => c.ContractedDomestic.Amount), -g.Sum(c => c.ContractedForeign.Amount), -g.Count()))
                .ToListAsync(ct);
            var lateContracts = await (from c in db.Contracts
                                       where c.Kind == ContractKind.FormalInvestment && c.SignedOn > cut && c.SignedOn <= monthEnd // the (Kind, SignedOn) index
                                       join s in db.ProjectSignings on new { c.ProjectId, Year = year } equals new { s.ProjectId, s.Year }
                                       where s.SignedOn <= cut
                                       group c by new { s.DepartmentId, c.ContractedForeign.Currency, c.SignedOn.Year, c.SignedOn.Month } into g
                                       select new ContractPart(g.Key.DepartmentId, g.Key.Currency, g.Key.Year, g.Key.Month,
                                           -g.Sum(c => c.ContractedDomestic.Amount), -g.Sum(c => c.ContractedForeign.Amount), -g.Count()))
                .ToListAsync(ct);
            rows.AddRange(lateProjects);
            rows.AddRange(lateContracts);
        }
        return rows
            .GroupBy(r => (r.DepartmentId, r.Currency, r.Year, r.Month))
            .Where(g => g.Sum(r => r.Contracts) > 0)
            .Select(g => new ContractRow(g.Key.DepartmentId, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(r => r.Domestic), g.Sum(r => r.Foreign)))
            .ToList();
    }

    private sealed record ContractPart(Guid DepartmentId, string Currency, int Year, int Month, decimal Domestic, decimal Foreign, int Contracts);

    private sealed record FundsPart(Guid DepartmentId, CapitalSource Source, string Currency, int Year, int Month, decimal Amount, int Tranches);

    /// <summary>
    /// As the cohort's <see cref="FigureQueries.VerifiedFundsAsync(IQueryable{KeyedProject}, DateOnly, DateOnly, CancellationToken)"/>:
    /// a year's cohort from <see cref="CohortMonthTotal"/> (whole months of signing and of arrival, less the few after the cut
    /// and after the last arrival day in their months), any other window keyed through the facts.
    /// </summary>
    public async Task<List<FundsRow>> CohortFundsAsync(DateOnly start, DateOnly cut, DateOnly arrivedFrom, DateOnly arrivedTo, CancellationToken ct)
    {
        if (!CanReadCohort(start, cut) || arrivedFrom.Day != 1 || arrivedFrom > arrivedTo)
            return await (from t in db.FundsTranches
                          where t.Verification == VerificationStatus.Verified && t.ArrivedOn >= arrivedFrom && t.ArrivedOn <= arrivedTo
                          join f in Cohort(start, cut) on t.ProjectId equals f.ProjectId
                          group t by new { f.DepartmentId, t.Source, t.Amount.Currency, t.ArrivedOn.Year, t.ArrivedOn.Month } into g
                          select new FundsRow(g.Key.DepartmentId, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(t => t.Amount.Amount), WindowPart.Current))
                .ToListAsync(ct);

        var (year, cutMonth, monthEnd, arrivalEnd) = (start.Year, cut.Month, MonthEnd(cut), MonthEnd(arrivedTo));
        var (firstMonth, lastMonth) = (MonthNumber(arrivedFrom.Year, arrivedFrom.Month), MonthNumber(arrivedTo.Year, arrivedTo.Month));
        var arrived = db.CohortMonthTotals.AsNoTracking().Where(t => t.Kind == CohortMoneyKind.Arrived && t.CohortYear == year);
        // Arrivals within one year (the usual window) are one range of the key.
        arrived = arrivedFrom.Year == arrivedTo.Year
            ? arrived.Where(t => t.Year == arrivedFrom.Year && t.Month >= arrivedFrom.Month && t.Month <= arrivedTo.Month)
            : arrived.Where(t => t.Year * 12 + t.Month - 1 >= firstMonth && t.Year * 12 + t.Month - 1 <= lastMonth);
        var rows = await arrived
            .Where(t => t.CohortMonth <= cutMonth && t.Records != 0)
            .GroupBy(t => new { t.DepartmentId, t.Source, t.Currency, t.Year, t.Month })
            .Select(g => new FundsPart(g.Key.DepartmentId, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(t => t.AmountCents) / 100m, g.Sum(t => t.Records)))
            .ToListAsync(ct);
        if (cut != monthEnd)
            // Projects that first signed after the cut in its month: their tranches of the whole arrival months.
            rows.AddRange(await (from s in db.ProjectSignings
                                 where s.Year == year && s.SignedOn > cut && s.SignedOn <= monthEnd
                                 join t in db.FundsTranches on s.ProjectId equals t.ProjectId
                                 where t.Verification == VerificationStatus.Verified && t.ArrivedOn >= arrivedFrom && t.ArrivedOn <= arrivalEnd
                                 group t by new { s.DepartmentId, t.Source, t.Amount.Currency, t.ArrivedOn.Year, t.ArrivedOn.Month } into g
                                 select new FundsPart(g.Key.DepartmentId, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, -g.Sum(t => t.Amount.Amount), -g.Count()))
                .ToListAsync(ct));
        if (arrivedTo != arrivalEnd)
            // The cohort's tranches that arrived after the last day in its month.
            rows.AddRange(await (from t in db.FundsTranches
                                 where t.Verification == VerificationStatus.Verified && t.ArrivedOn > arrivedTo && t.ArrivedOn <= arrivalEnd
                                 join s in db.ProjectSignings on new { t.ProjectId, Year = year } equals new { s.ProjectId, s.Year }
                                 where s.SignedOn <= cut
                                 group t by new { s.DepartmentId, t.Source, t.Amount.Currency, t.ArrivedOn.Year, t.ArrivedOn.Month } into g
                                 select new FundsPart(g.Key.DepartmentId, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, -g.Sum(t => t.Amount.Amount), -g.Count()))
                .ToListAsync(ct));
        return rows
            .GroupBy(r => (r.DepartmentId, r.Source, r.Currency, r.Year, r.Month))
            .Where(g => g.Sum(r => r.Tranches) > 0)
            .Select(g => new FundsRow(g.Key.DepartmentId, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(r => r.Amount), WindowPart.Current))
            .ToList();
    }

    /// <summary>
    /// Cohort C(P) as facts rows: live projects that entered 签约 in [start, cut], as <see cref="FigureQueries.Cohort"/>, for
    /// windows other than a year's (those read <see cref="ProjectSigning"/>).
    /// </summary>
    private IQueryable<ProjectFigureFacts> Cohort(DateOnly start, DateOnly cut) =>
        db.ProjectFigureFacts.Where(f => db.ProjectStageTransitions.Any(t => t.ProjectId == f.ProjectId && t.ToStage == ProjectStage.Signed
            && t.EffectiveDate >= start && t.EffectiveDate <= cut));

    /// <summary>As <see cref="FigureQueries.StageEntriesAsync"/>, for windows that <see cref="CanReadStageEntries"/>.</summary>
    public async Task<List<StageRow>> StageEntriesAsync(DateWindow w, CancellationToken ct)
    {
        var parts = new List<(int Part, DateOnly From, DateOnly To)> { (WindowPart.Current, w.Start, w.Cut) };
        if (w.EarlierStart <= w.EarlierCut)
            parts.Add((WindowPart.EarlierToDate, w.EarlierStart, w.EarlierCut));
        parts.RemoveAll(p => p.From > p.To);
        if (parts.Count == 0)
            return [];

        // The parts lie in different calendar years: the year tells a part's sums apart (no more than two parts).
        var (firstYear, firstLastMonth) = (parts[0].From.Year, parts[0].To.Month);
        var (secondYear, secondLastMonth) = parts.Count > 1 ? (parts[1].From.Year, parts[1].To.Month) : (0, 0);
        var counts = await db.StageMonthCounts.AsNoTracking()
            .Where(c => ((c.Year == firstYear && c.Month <= firstLastMonth) || (c.Year == secondYear && c.Month <= secondLastMonth)) && c.Entered != 0)
            .GroupBy(c => new { c.DepartmentId, c.Stage, c.Year })
            .Select(g => new { g.Key.DepartmentId, g.Key.Stage, g.Key.Year, Entered = g.Sum(c => c.Entered) })
            .ToListAsync(ct);
        var rows = new List<StageRow>();
        foreach (var (part, from, to) in parts)
        {
            rows.AddRange(counts.Where(c => c.Year == from.Year)
                .Select(c => new StageRow(c.DepartmentId, c.Stage, c.Entered, part)));
            if (to == MonthEnd(to))
                continue;
            // Entries counted in the last month but first made after the last day: their first entry of the year is
            // after `to`, i.e. no entry into the same stage from the year's start to `to`.
            var (yearStart, last, after, monthEnd) = (from, to, to.AddDays(1), MonthEnd(to));
            var later = await db.ProjectStageTransitions
                .Where(t => MainLine.Contains(t.ToStage) && t.EffectiveDate >= after && t.EffectiveDate <= monthEnd
                    && !db.ProjectStageTransitions.Any(e => e.ProjectId == t.ProjectId && e.ToStage == t.ToStage && e.EffectiveDate >= yearStart && e.EffectiveDate <= last))
                .Select(t => new { t.ProjectId, t.ToStage })
                .Distinct()
                .Select(x => new
                {
                    x.ToStage,
                    DepartmentId = db.ProjectFigureFacts.Where(f => f.ProjectId == x.ProjectId).Select(f => (Guid?)f.DepartmentId).FirstOrDefault(),
                })
                .ToListAsync(ct);
            rows.AddRange(later.Where(l => l.DepartmentId is not null).Select(l => new StageRow(l.DepartmentId, l.ToStage, -1, part)));
        }
        return rows
            .GroupBy(r => (Key: r.Key ?? Guid.Empty, r.Stage, r.Part))
            .Select(g => new StageRow(g.Key.Key, g.Key.Stage, g.Sum(r => r.Count), g.Key.Part))
            .Where(r => r.Count != 0)
            .ToList();
    }

    /// <summary>As <see cref="FigureQueries.FurthestStagesAsync"/>: per key, projects whose furthest main-line stage by the as-of date is each stage.</summary>
    public async Task<List<StageRow>> FurthestStagesAsync(DateOnly asOf, CancellationToken ct)
    {
        var (year, month) = (asOf.Year, asOf.Month);
        var reached = (await db.StageMonthCounts.AsNoTracking()
                .Where(c => (c.Year < year || (c.Year == year && c.Month <= month)) && c.Reached != 0)
                .GroupBy(c => new { c.DepartmentId, c.Stage })
                .Select(g => new { g.Key.DepartmentId, g.Key.Stage, Count = g.Sum(c => c.Reached) })
                .ToListAsync(ct))
            .ToDictionary(r => (r.DepartmentId, r.Stage), r => r.Count);
        if (asOf != MonthEnd(asOf))
        {
            // Projects that reach a stage later in the as-of month are in the month's counts: take them out. A project
            // newly reaches every stage above the furthest it had by the as-of date, up to the furthest in the rest of the month.
            var (after, monthEnd) = (asOf.AddDays(1), MonthEnd(asOf));
            var later = (await db.ProjectStageTransitions
                    .Where(t => MainLine.Contains(t.ToStage) && t.EffectiveDate >= after && t.EffectiveDate <= monthEnd) // the (ToStage, EffectiveDate) index
                    .GroupBy(t => t.ProjectId)
                    .Select(g => new
                    {
                        ProjectId = g.Key,
                        Later = g.Max(t => t.ToStage),
                        DepartmentId = db.ProjectFigureFacts.Where(f => f.ProjectId == g.Key).Select(f => (Guid?)f.DepartmentId).FirstOrDefault(),
                    })
                    .ToListAsync(ct))
                .Where(l => l.DepartmentId is not null)
                .ToList();
            var ids = later.Select(l => l.ProjectId).ToList();
            var before = ids.Count == 0 ? [] : await db.ProjectStageTransitions
                .Where(t => ids.Contains(t.ProjectId) && t.EffectiveDate <= asOf && t.ToStage <= ProjectStage.Funded)
                .GroupBy(t => t.ProjectId)
                .Select(g => new { ProjectId = g.Key, Stage = g.Max(t => t.ToStage) })
                .ToDictionaryAsync(b => b.ProjectId, b => (ProjectStage?)b.Stage, ct);
            foreach (var project in later)
                foreach (var stage in MainLine.Where(s => s <= project.Later && (before.GetValueOrDefault(project.ProjectId) is not { } had || s > had)))
                {
                    var key = (project.DepartmentId!.Value, stage);
                    reached[key] = reached.GetValueOrDefault(key) - 1;
                }
        }
        // Reached(s) counts projects at s or beyond; the furthest stage is s for Reached(s) − Reached(next).
        var rows = new List<StageRow>();
        foreach (var department in reached.Keys.Select(k => k.DepartmentId).Distinct())
            for (var i = 0; i < MainLine.Length; i++)
            {
                var here = reached.GetValueOrDefault((department, MainLine[i]));
                var next = i + 1 < MainLine.Length ? reached.GetValueOrDefault((department, MainLine[i + 1])) : 0;
                if (here - next != 0)
                    rows.Add(new StageRow(department, MainLine[i], here - next));
            }
        return rows;
    }
}
