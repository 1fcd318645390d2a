using DataScope = InvestmentCrm.Authorization.DataScope;
using InvestmentCrm.Organization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

/// <summary>领导驾驶舱: the year's figures of 全区 or a department subtree with funnel, trend, ranking and late key projects, cached by data version.</summary>
public sealed class CockpitAppService(ICrmDbContext db, FiguresEngine engine, DataScope scope, FiguresCache? cache = null)
{
    private const int BehindScheduleShown = 10;
    private static readonly Figure[] CampaignCounts = [.. FigureCatalog.StageCounts, Figure.StrategicInvestorCount];

    /// <summary>领导驾驶舱 for a year (default: the as-of date's), 全区 or one department's subtree.</summary>
    public async Task<CockpitDto> GetCockpitAsync(int? year, DateOnly? asOf, Guid? departmentId, CancellationToken ct = default)
    {
        var date = engine.AsOf(asOf);
        var shownYear = year ?? date.Year;
        // engine.Today is part of the key: the list of years offered depends on it.
        return await cache.CachedAsync(db, scope, $"cockpit|{shownYear}|{date:O}|{departmentId}|{engine.Today:O}",
            () => ComputeCockpitAsync(shownYear, date, departmentId, ct), ct);
    }

    private async Task<CockpitDto> ComputeCockpitAsync(int year, DateOnly date, Guid? departmentId, CancellationToken ct)
    {
        await using var connection = await db.HoldConnectionAsync(ct);
        var period = FigurePeriod.Year(year);
        var figureScope = departmentId is { } id ? FigureScope.Department(id) : FigureScope.District;
        var (figures, org, resolved, rules, data, lastYearWhole) = await engine.ComputeCoreAsync(figureScope, period, date, ct, earlierWholeYear: true);

        var funnel = Funnel(await resolved.Rows.FurthestStagesAsync(date, ct), resolved.Attribution);
        var monthly = Enumerable.Range(1, 12).Select(month => new MonthlyArrivalDto(
                month,
                new DateOnly(period.Start.Year, month, 1) <= FiguresEngine.Cut(period, date)
                    ? Figure.DomesticFunds.ToDisplayUnit(FiguresEngine.DomesticSum(data.Funds.Where(f => f.Month == month), resolved.Attribution))
                    : null,
                Figure.DomesticFunds.ToDisplayUnit(FiguresEngine.DomesticSum(lastYearWhole.Where(f => f.Month == month), resolved.Attribution))))
            .ToList();

        var ranking = await engine.RankAsync(org, org.ChildrenOf(departmentId ?? org.Roots.FirstOrDefault()?.Id).ToList(), period, figures.TimeProgress, rules, data, ct);
        var behind = await BehindScheduleAsync(resolved.Projects, org, period.Start.Year, date, rules, ct);
        var campaigns = await CampaignProgressAsync(resolved, period, date, rules, figureScope, ct);
        var firstTargetYear = await db.Targets.MinAsync(t => (int?)t.PeriodStart.Year, ct) ?? engine.Today.Year;
        var years = Enumerable.Range(Math.Min(firstTargetYear, period.Start.Year), Math.Max(engine.Today.Year, period.Start.Year) - Math.Min(firstTargetYear, period.Start.Year) + 1)
            .Reverse().ToList();
        return new CockpitDto(figures, funnel, monthly, ranking, behind, campaigns, years);
    }

    /// <summary>
    /// Projects of the scope that have reached at least each main-line stage by the as-of date; conversion = this step ÷
    /// the previous. The rows may hold every department (summary tables): the attribution keeps the scope's own.
    /// </summary>
    private static List<FunnelStepDto> Funnel(List<StageRow> furthest, FigureAttribution attribution)
    {
        var steps = new List<FunnelStepDto>();
        int? previous = null;
        foreach (var stage in ProjectNames.MainLine)
        {
            var reached = (int)attribution.Sum(furthest.Where(r => r.Stage >= stage), r => r.Key, r => r.Count, 0);
            steps.Add(new FunnelStepDto(stage, reached, previous is > 0 ? reached * 100m / previous.Value : null));
            previous = reached;
        }
        return steps;
    }

    /// <summary>
    /// Key projects of the year (the year's record says 重点, or without one planned 内资 at or above the year's threshold —
    /// <see cref="ProjectPool.IsKeyProject"/>) that are
    /// late at the as-of date: a milestone past its planned date and not done, or the agreed landing date passed
    /// without 落位. Projects suspended or terminated at that date are left out.
    /// </summary>
    private async Task<List<BehindScheduleDto>> BehindScheduleAsync(IQueryable<Project> projects, DepartmentTree org, int year, DateOnly date,
        FigureRules rules, CancellationToken ct)
    {
        var threshold = rules.KeyProjectThresholdYuan;
        var keyProjects = projects
            .Where(p => (p.YearFlags.Any(f => f.Year == year && f.IsKeyProject)
                    || (!p.YearFlags.Any(f => f.Year == year) && p.PlannedDomestic.Amount >= threshold))
                // Not suspended or terminated at the as-of date: no side-state move by then without a later move back.
                && !db.ProjectStageTransitions.Any(side => side.ProjectId == p.Id && side.EffectiveDate <= date
                    && (side.ToStage == ProjectStage.Suspended || side.ToStage == ProjectStage.Terminated)
                    && !db.ProjectStageTransitions.Any(back => back.ProjectId == p.Id && back.EffectiveDate <= date
                        && back.EffectiveDate > side.EffectiveDate && back.ToStage <= ProjectStage.Funded)))
            .Select(p => p.Id);

        // Two simple top-N queries (the most overdue by each reason); a project's due date is the earlier of the two,
        // so the overall top N is always within the union of the two top-N lists.
        var milestoneDue = await EarliestOverdueMilestonesAsync(keyProjects, date, ct);
        var landingDue = await db.Contracts
            .Where(c => c.Kind == ContractKind.FormalInvestment && c.SignedOn <= date && c.AgreedLandingDate < date && keyProjects.Contains(c.ProjectId)
                && !db.ProjectStageTransitions.Any(t => t.ProjectId == c.ProjectId
                    && (t.ToStage == ProjectStage.Landed || t.ToStage == ProjectStage.Funded) && t.EffectiveDate <= date))
            .GroupBy(c => c.ProjectId)
            .Select(g => new { ProjectId = g.Key, Due = g.Min(c => c.AgreedLandingDate!.Value) })
            .OrderBy(x => x.Due).Take(BehindScheduleShown)
            .ToListAsync(ct);
        var due = milestoneDue.Select(m => (m.ProjectId, m.Due, ByMilestone: true))
            .Concat(landingDue.Select(l => (l.ProjectId, l.Due, ByMilestone: false)))
            .GroupBy(x => x.ProjectId)
            .Select(g => g.OrderBy(x => x.Due).ThenByDescending(x => x.ByMilestone).First())
            .ToList();
        if (due.Count == 0)
            return [];
        var dueIds = due.Select(d => d.ProjectId).ToList();
        var names = await db.Projects.AsNoTracking().Where(p => dueIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.LeadDepartmentId, p.ResponsibleLeaderId })
            .ToDictionaryAsync(p => p.Id, ct);
        var rows = due
            .Select(d => new { d.ProjectId, d.Due, d.ByMilestone, Project = names[d.ProjectId] })
            .OrderBy(d => d.Due).ThenBy(d => d.Project.Name, StringComparer.Ordinal)
            .Take(BehindScheduleShown)
            .Select(d => new { Id = d.ProjectId, d.Project.Name, d.Project.LeadDepartmentId, d.Project.ResponsibleLeaderId, d.Due, d.ByMilestone })
            .ToList();

        var ids = rows.Select(r => r.Id).ToList();
        var milestones = (await db.ProjectMilestones.AsNoTracking()
                .Where(m => ids.Contains(m.ProjectId) && m.PlannedDate < date && (m.ActualDate == null || m.ActualDate > date))
                .Select(m => new { m.ProjectId, m.Title, m.PlannedDate })
                .ToListAsync(ct))
            .GroupBy(m => m.ProjectId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.PlannedDate).First().Title);
        var leaderIds = rows.Where(r => r.ResponsibleLeaderId != null).Select(r => r.ResponsibleLeaderId!.Value).Distinct().ToList();
        var leaders = await db.Users.Where(u => leaderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        return rows.Select(r => new BehindScheduleDto(r.Id, r.Name, org.NameOf(r.LeadDepartmentId),
                r.ResponsibleLeaderId is { } leader ? leaders.GetValueOrDefault(leader) : null,
                r.ByMilestone ? $"里程碑“{milestones.GetValueOrDefault(r.Id, "未命名")}”逾期未完成" : "已过合同约定落位日期，尚未落位",
                r.Due, date.DayNumber - r.Due.DayNumber))
            .ToList();
    }

    /// <summary>
    /// The key projects with the earliest overdue milestones: milestones are read in planned-date order (an index scan
    /// that stops early) until <see cref="BehindScheduleShown"/> projects are found and every tie of the last one is in.
    /// </summary>
    private async Task<List<(Guid ProjectId, DateOnly Due)>> EarliestOverdueMilestonesAsync(IQueryable<Guid> keyProjects, DateOnly date, CancellationToken ct)
    {
        var overdue = db.ProjectMilestones
            .Where(m => m.PlannedDate < date && (m.ActualDate == null || m.ActualDate > date) && keyProjects.Contains(m.ProjectId))
            .OrderBy(m => m.PlannedDate).ThenBy(m => m.ProjectId)
            .Select(m => new { m.ProjectId, m.PlannedDate });
        for (var take = BehindScheduleShown * 5; ; take *= 4)
        {
            var rows = await overdue.Take(take).ToListAsync(ct);
            var first = new Dictionary<Guid, DateOnly>();
            foreach (var row in rows)
                first.TryAdd(row.ProjectId, row.PlannedDate);
            var boundary = first.Count >= BehindScheduleShown ? first.Values.Order().ElementAt(BehindScheduleShown - 1) : DateOnly.MaxValue;
            if (rows.Count < take || rows[^1].PlannedDate > boundary)
                return first.Where(f => f.Value <= boundary).Select(f => (f.Key, f.Value)).ToList();
        }
    }

    /// <summary>攻坚行动 overlapping the period, with their own period and targets (储备 / 签约 / 战略投资者).</summary>
    private async Task<List<CampaignProgressDto>> CampaignProgressAsync(FiguresEngine.ResolvedScope resolved, FigurePeriod period, DateOnly date, FigureRules rules,
        FigureScope figureScope, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Start <= period.End && c.End >= period.Start)
            .OrderBy(c => c.Start)
            .ToListAsync(ct);
        var result = new List<CampaignProgressDto>();
        foreach (var campaign in campaigns)
        {
            var campaignPeriod = new FigurePeriod(PeriodKind.Campaign, campaign.Start, campaign.End, campaign.Name, campaign.Id);
            var targets = await engine.TargetsAsync(figureScope, campaignPeriod, ct);
            // A campaign shows the counts it has targets for; without any, the three of docs/domain.md. Only their stages are read.
            var shownFigures = CampaignCounts.Where(f => FiguresEngine.TargetProblem(targets.TryGetValue(f.Metric(), out var value) ? value : null) is null).ToList();
            if (shownFigures.Count == 0)
                shownFigures = [Figure.ReserveCount, Figure.SignedCount, Figure.StrategicInvestorCount];
            var stages = shownFigures.Select(f => f.Stage()).OfType<ProjectStage>().ToArray();
            var data = (await FiguresEngine.LoadAsync(resolved, campaignPeriod, null, date, rules, FiguresEngine.PeriodParts.Counts, false, ct, stages)).Current;
            var set = FiguresEngine.Build(figureScope, resolved.Name, campaignPeriod, date, rules, ExchangeRateTable.Empty(), data, null, targets, resolved.Attribution);
            var shown = set.Figures.Where(f => shownFigures.Contains(f.Figure)).ToList();
            result.Add(new CampaignProgressDto(campaign.Id, campaign.Name, campaign.Start, campaign.End, shown));
        }
        return result;
    }
}
