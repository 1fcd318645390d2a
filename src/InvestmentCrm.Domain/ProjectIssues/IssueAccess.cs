using System.ComponentModel.DataAnnotations;

namespace InvestmentCrm.ProjectIssues;

/// <summary>What can be done to a problem.</summary>
public enum IssueAction
{
    [Display(Name = "受理")]
    Accept = 1,
    [Display(Name = "退回")]
    Return = 2,
    [Display(Name = "登记进展")]
    Progress = 3,
    [Display(Name = "登记协调")]
    Coordinate = 4,
    [Display(Name = "办结")]
    Solve = 5,
    [Display(Name = "登记企业确认")]
    AnswerForCompany = 6,
    [Display(Name = "销号")]
    Close = 7,
    [Display(Name = "改派")]
    Reassign = 8,
    [Display(Name = "上提")]
    Escalate = 9,
}

/// <summary>Who acts: the user, their department and the problem permissions their roles give (docs/security.md).</summary>
public sealed record IssueActor(Guid UserId, Guid? DepartmentId, bool CanRaise, bool CanHandle, bool CanDispatch);

/// <summary>The people a project names: 包保领导 and the two secretaries (双秘书).</summary>
public sealed record ProjectPeople(Guid? ResponsibleLeaderId, Guid? DepartmentSecretaryId, Guid? LocalSecretaryId)
{
    public bool IsSecretary(Guid userId) => DepartmentSecretaryId == userId || LocalSecretaryId == userId;
}

/// <summary>
/// Who may do what to a problem (docs/security.md, "项目问题"): the unit it is routed to handles it (受理, 退回, 进展, 办结);
/// the project's secretaries answer for the company (企业确认) — 凡事有交代; the 包保领导 follows it (进展, 协调, 上提); the
/// dispatch office may do everything, and alone re-routes and closes (销号).
/// </summary>
public static class IssueAccess
{
    public static bool Allows(IssueActor actor, IssueAction action, ProjectIssue issue, ProjectPeople people)
    {
        if (actor.CanDispatch)
            return true;
        var handles = actor.CanHandle && actor.DepartmentId == issue.AssignedDepartmentId;
        var leads = people.ResponsibleLeaderId == actor.UserId;
        var secretary = actor.CanRaise && people.IsSecretary(actor.UserId);
        return action switch
        {
            IssueAction.Accept or IssueAction.Return or IssueAction.Solve => handles,
            IssueAction.Progress or IssueAction.Coordinate => handles || leads,
            IssueAction.AnswerForCompany => secretary,
            IssueAction.Escalate => leads || secretary,
            _ => false,
        };
    }

    /// <summary>The actions open to the actor on the problem as it stands (what the page offers).</summary>
    public static IReadOnlyList<IssueAction> Offered(IssueActor actor, ProjectIssue issue, ProjectPeople people, DateOnly today) =>
        [.. Enum.GetValues<IssueAction>().Where(a => Applies(a, issue, today) && Allows(actor, a, issue, people))];

    /// <summary>The capacity a problem is raised in: the actor's place on the project, else by role.</summary>
    public static IssueRaiserRole RaisedAs(IssueActor actor, ProjectPeople people) =>
        people.DepartmentSecretaryId == actor.UserId ? IssueRaiserRole.DepartmentSecretary
        : people.LocalSecretaryId == actor.UserId ? IssueRaiserRole.LocalSecretary
        : people.ResponsibleLeaderId == actor.UserId ? IssueRaiserRole.ResponsibleLeader
        : actor.CanDispatch ? IssueRaiserRole.DispatchOffice
        : IssueRaiserRole.Officer;

    private static bool Applies(IssueAction action, ProjectIssue issue, DateOnly today) => action switch
    {
        IssueAction.Accept or IssueAction.Return => issue.Status == IssueStatus.Raised,
        IssueAction.Progress or IssueAction.Solve or IssueAction.Coordinate => issue.Status is IssueStatus.Accepted or IssueStatus.InProgress,
        IssueAction.AnswerForCompany => issue.Status == IssueStatus.Solved,
        IssueAction.Close => issue.Status == IssueStatus.Confirmed,
        IssueAction.Reassign => issue.Status is IssueStatus.Raised or IssueStatus.Returned,
        IssueAction.Escalate => issue.IsOverdue(today) && issue.EscalatedTo != EscalationLevel.LeadingGroup,
        _ => false,
    };
}
