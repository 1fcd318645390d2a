using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

/// <summary>
/// 走访洽谈 beyond one project: visits to a company that has no project yet (叩门拜访, 扫楼) and 我的待办 — the next steps
/// the user agreed, marked done with their outcome or reopened.
/// </summary>
public sealed class ActivityAppService(ICrmDbContext db, DataScope scope, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>How long a done follow-up stays on 我的待办 (to be reopened if it was not really done).</summary>
    public const int DoneShownDays = 30;

    /// <summary>A new visit from the form's input, the user and the named colleagues as participants; not yet added.</summary>
    internal async Task<Activity> NewVisitAsync(VisitInput input, Guid? companyId, Guid? projectId, CancellationToken ct)
    {
        BusinessDates.EnsureDate(input.Date, "走访日期");
        if (input.NextStepDue is { } due && due < input.Date)
            throw new DomainException("下一步的完成日期不能早于走访日期。");
        var activity = new Activity(input.Date, input.Type, input.Summary, companyId, projectId)
        {
            Outcome = input.Outcome.NullIfBlank(),
            NextStep = input.NextStep.NullIfBlank(),
            NextStepDue = input.NextStepDue,
        };
        if (currentUser.UserId is { } me)
            activity.AddParticipant(me);
        var others = (input.Participants ?? []).Distinct().ToList();
        if (await db.Users.CountAsync(u => others.Contains(u.Id) && !u.IsIntegration, ct) != others.Count)
            throw new DomainException("所选参与人不存在。");
        foreach (var participant in others)
            activity.AddParticipant(participant);
        return activity;
    }

    /// <summary>A visit to a company in the reader's scope, with no project (yet); null when the company is not readable.</summary>
    public async Task<Guid?> LogCompanyVisitAsync(Guid companyId, VisitInput input, CancellationToken ct = default)
    {
        if (!await (await scope.CompaniesAsync(ct)).AnyAsync(c => c.Id == companyId, ct))
            return null;
        var activity = await NewVisitAsync(input, companyId, null, ct);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity.Id;
    }

    /// <summary>我的待办: open next steps of visits the user logged or took part in (overdue first), then the recently done.</summary>
    public async Task<IReadOnlyList<FollowUpDto>> MyFollowUpsAsync(CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } me)
            return [];
        var today = clock.Today();
        var doneSince = today.AddDays(-DoneShownDays);
        var rows = await (await scope.ActivitiesAsync(ct))
            .Where(a => a.NextStepDue != null && a.NextStep != null && (a.CreatedBy == me || a.Participants.Any(p => p.UserId == me))
                && (a.FollowUpDoneOn == null || a.FollowUpDoneOn >= doneSince))
            .OrderBy(a => a.FollowUpDoneOn != null).ThenBy(a => a.NextStepDue)
            .Select(a => new
            {
                a.Id, a.ProjectId, a.CompanyId, a.Date, a.Summary, a.NextStep, a.NextStepDue, a.FollowUpDoneOn, a.FollowUpOutcome,
                Project = db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Name).FirstOrDefault(),
                Company = db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync(ct);
        return rows.Select(r => new FollowUpDto(r.Id, r.ProjectId, r.Project, r.CompanyId, r.Company, r.Date, r.Summary, r.NextStep!, r.NextStepDue!.Value,
                r.FollowUpDoneOn is null && r.NextStepDue < today, r.FollowUpDoneOn, r.FollowUpOutcome))
            .ToList();
    }

    /// <summary>办结 a follow-up; false when the visit is not readable.</summary>
    public async Task<bool> CompleteFollowUpAsync(Guid activityId, FollowUpCompletionInput input, CancellationToken ct = default)
    {
        var activity = await OwnFollowUpAsync(activityId, ct);
        if (activity is null)
            return false;
        if (BusinessDates.EnsureDate(input.DoneOn, "办结日期") > clock.Today())
            throw new DomainException("办结日期不能晚于今天。");
        activity.CompleteFollowUp(input.DoneOn, input.Outcome);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Reopens a follow-up marked done; false when the visit is not readable.</summary>
    public async Task<bool> ReopenFollowUpAsync(Guid activityId, CancellationToken ct = default)
    {
        var activity = await OwnFollowUpAsync(activityId, ct);
        if (activity is null)
            return false;
        activity.ReopenFollowUp();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>更正 of a visit in scope with the reason; false when not readable.</summary>
    public async Task<bool> CorrectVisitAsync(Guid activityId, VisitCorrectionInput input, CancellationToken ct = default)
    {
        var activity = await (await scope.ActivitiesAsync(ct)).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
            return false;
        var v = input.Visit;
        activity.Correct(BusinessDates.EnsureDate(v.Date, "走访日期"), v.Type, v.Summary, v.Outcome, v.NextStep, v.NextStepDue, input.Reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>撤回 of a visit in scope with the reason; false when not readable.</summary>
    public async Task<bool> WithdrawVisitAsync(Guid activityId, string? reason, CancellationToken ct = default)
    {
        var activity = await (await scope.ActivitiesAsync(ct)).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
            return false;
        activity.NoteWithdrawal(reason);
        db.Activities.Remove(activity); // soft
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A readable visit whose follow-up is the user's: they logged it or took part.</summary>
    private async Task<Activity?> OwnFollowUpAsync(Guid activityId, CancellationToken ct)
    {
        var activity = await (await scope.ActivitiesAsync(ct)).Include(a => a.Participants).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
            return null;
        var me = currentUser.UserId;
        if (activity.CreatedBy != me && activity.Participants.All(p => p.UserId != me))
            throw new UnauthorizedAccessException("只有记录人或参与人可以办结或重新打开这项待办。");
        return activity;
    }
}
