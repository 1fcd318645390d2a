using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.ProjectIssues;

public sealed record OpenIssueBriefDto(Guid Id, string Title, IssueCategory Category, int AgeDays, bool Overdue);

/// <summary>One project a 包保领导 follows: what is next, when someone last went, what is stuck, and what came in this year.</summary>
public sealed record ResponsibleProjectDto(
    Guid Id, string Name, ProjectStage Stage, DispatchPhase? Phase, bool IsGreenChannel,
    string? NextMilestone, DateOnly? NextMilestoneOn, int? NextMilestoneDays, DateOnly? LastVisitOn,
    int OpenIssues, IReadOnlyList<OpenIssueBriefDto> OldestIssues, decimal ArrivedDomesticYuanThisYear);

/// <summary>我的包保项目 (docs/domain.md, "包保"): the projects whose 包保领导 the reader is.</summary>
public sealed class ResponsibleProjectsAppService(ICrmDbContext db, DataScope scope, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<ResponsibleProjectDto>> MineAsync(CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } me)
            return [];
        var today = clock.Today();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var projects = await (await scope.ProjectsAsync(ct)).AsNoTracking()
            .Where(p => p.ResponsibleLeaderId == me)
            .Select(p => new
            {
                p.Id, p.Name, p.Stage, p.DispatchPhase, p.IsGreenChannel,
                Next = p.Milestones.Where(m => m.ActualDate == null).OrderBy(m => m.PlannedDate).Select(m => new { m.Title, m.PlannedDate }).FirstOrDefault(),
                LastVisit = db.Activities.Where(a => a.ProjectId == p.Id && a.Date <= today).Max(a => (DateOnly?)a.Date),
                Arrived = db.FundsTranches.Where(t => t.ProjectId == p.Id && t.Verification == VerificationStatus.Verified && t.Source == CapitalSource.Domestic
                    && t.ArrivedOn >= yearStart && t.ArrivedOn <= today).Sum(t => (decimal?)t.Amount.Amount) ?? 0m,
            })
            .ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var issues = await db.ProjectIssues.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => ids.Contains(i.ProjectId) && ProjectIssue.OpenStatuses.Contains(i.Status))
            .Select(i => new { i.Id, i.ProjectId, i.Title, i.Category, i.RaisedOn, i.DueOn })
            .ToListAsync(ct);
        var byProject = issues.ToLookup(i => i.ProjectId);
        // What needs the leader first: projects with open problems, then the nearest (or most overdue) milestone, then by name.
        return [.. projects.OrderByDescending(p => byProject[p.Id].Any()).ThenBy(p => p.Next?.PlannedDate ?? DateOnly.MaxValue).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ResponsibleProjectDto(p.Id, p.Name, p.Stage, p.DispatchPhase, p.IsGreenChannel,
            p.Next?.Title, p.Next?.PlannedDate, p.Next is { } n ? n.PlannedDate.DayNumber - today.DayNumber : null, p.LastVisit,
            byProject[p.Id].Count(),
            [.. byProject[p.Id].OrderBy(i => i.RaisedOn).Take(3).Select(i => new OpenIssueBriefDto(i.Id, i.Title, i.Category, today.DayNumber - i.RaisedOn.DayNumber, ProjectIssue.IsPastDue(i.DueOn, today)))],
            p.Arrived))];
    }
}
