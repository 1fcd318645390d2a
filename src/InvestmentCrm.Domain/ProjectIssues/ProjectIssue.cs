using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;

namespace InvestmentCrm.ProjectIssues;

/// <summary>What a project's problem is about (docs/domain.md, "项目问题"): the four 保障专班's fields, and the rest.</summary>
public enum IssueCategory
{
    [Display(Name = "征收")]
    Expropriation = 1,
    [Display(Name = "手续")]
    Procedures = 2,
    [Display(Name = "涉法")]
    Legal = 3,
    [Display(Name = "政策")]
    Policy = 4,
    [Display(Name = "要素保障")]
    Factors = 5,
    [Display(Name = "其他")]
    Other = 9,
}

/// <summary>提出 → 受理 → 办理中 → 已解决 → 企业确认 → 销号; 退回 beside 提出.</summary>
public enum IssueStatus
{
    [Display(Name = "待受理")]
    Raised = 1,
    [Display(Name = "已受理")]
    Accepted = 2,
    [Display(Name = "办理中")]
    InProgress = 3,
    [Display(Name = "已解决待确认")]
    Solved = 4,
    [Display(Name = "企业已确认")]
    Confirmed = 5,
    [Display(Name = "已销号")]
    Closed = 6,
    [Display(Name = "已退回")]
    Returned = 7,
}

/// <summary>In what capacity a problem was raised.</summary>
public enum IssueRaiserRole
{
    [Display(Name = "招商专员")]
    Officer = 1,
    [Display(Name = "部门秘书")]
    DepartmentSecretary = 2,
    [Display(Name = "属地秘书")]
    LocalSecretary = 3,
    [Display(Name = "包保领导")]
    ResponsibleLeader = 4,
    [Display(Name = "调度办")]
    DispatchOffice = 5,
}

/// <summary>Where an overdue problem is taken up to.</summary>
public enum EscalationLevel
{
    [Display(Name = "项目建设指挥部")]
    Headquarters = 1,
    [Display(Name = "领导小组")]
    LeadingGroup = 2,
}

public enum IssueStepKind
{
    [Display(Name = "提出")]
    Raised = 1,
    [Display(Name = "交办")]
    Assigned = 2,
    [Display(Name = "受理")]
    Accepted = 3,
    [Display(Name = "办理进展")]
    Progress = 4,
    [Display(Name = "已解决")]
    Solved = 5,
    [Display(Name = "企业确认")]
    Confirmed = 6,
    [Display(Name = "企业未确认，重新办理")]
    Reopened = 7,
    [Display(Name = "退回")]
    Returned = 8,
    [Display(Name = "上提")]
    Escalated = 9,
    [Display(Name = "销号")]
    Closed = 10,
    [Display(Name = "协调会")]
    Coordination = 11,
}

/// <summary>
/// 项目问题: raised for a project, routed (交办) to a 保障专班 or a named 职能部门 with a due date, chased until solved, and
/// closed (销号) only after the company confirmed the solution (docs/domain.md, "凡事有交代，事事有回应，件件有着落").
/// Every step keeps who, when and what.
/// </summary>
public class ProjectIssue : AggregateRoot
{
    private readonly List<ProjectIssueStep> _steps = [];

    private ProjectIssue() { Title = ""; Description = ""; }

    /// <summary>Raises a problem and routes it to <paramref name="route"/> (see <see cref="IssueRouting.Route"/>).</summary>
    public ProjectIssue(Guid projectId, string title, string description, IssueCategory category, DispatchPhase? phase,
        IssueRaiserRole raisedAs, bool onBehalfOfCompany, DateOnly raisedOn, IssueRoute route, Guid raisedBy, DateTime now, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainException("请填写问题标题。");
        if (string.IsNullOrWhiteSpace(description))
            throw new DomainException("请描述问题的具体情况。");
        if (!Enum.IsDefined(category))
            throw new DomainException("请选择问题类别。");
        BusinessDates.EnsureDate(raisedOn, "提出日期");
        if (raisedOn > today)
            throw new DomainException("提出日期不能晚于今天。");
        if (route.DueOn < raisedOn)
            throw new DomainException($"办结时限 {route.DueOn:yyyy-MM-dd} 早于提出日期 {raisedOn:yyyy-MM-dd}。");
        (ProjectId, Title, Description, Category, PhaseWhenRaised, RaisedAs, OnBehalfOfCompany, RaisedOn, RaisedBy) =
            (projectId, title.Trim(), description.Trim(), category, phase, raisedAs, onBehalfOfCompany, raisedOn, raisedBy);
        Status = IssueStatus.Raised;
        AddStep(IssueStepKind.Raised, raisedOn, raisedBy, now, onBehalfOfCompany ? "代企业提出" : null, null);
        Assign(route, raisedOn, raisedBy, now);
    }

    public Guid ProjectId { get; private set; }
    public string Title { get; private set; }
    public string Description { get; private set; }
    public IssueCategory Category { get; private set; }
    /// <summary>The project's dispatch phase when the problem was raised.</summary>
    public DispatchPhase? PhaseWhenRaised { get; private set; }
    public IssueRaiserRole RaisedAs { get; private set; }
    public bool OnBehalfOfCompany { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public Guid RaisedBy { get; private set; }

    /// <summary>The unit the problem is routed to: a 保障专班 or the named 职能部门.</summary>
    public Guid AssignedDepartmentId { get; private set; }
    public DateOnly AssignedOn { get; private set; }
    /// <summary>First response (受理) promised by this day.</summary>
    public DateOnly ResponseDueOn { get; private set; }
    /// <summary>办结时限.</summary>
    public DateOnly DueOn { get; private set; }

    public IssueStatus Status { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? SolvedOn { get; private set; }
    public string? Solution { get; private set; }
    public DateOnly? ConfirmedOn { get; private set; }
    public Guid? ConfirmedBy { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public EscalationLevel? EscalatedTo { get; private set; }
    public DateOnly? EscalatedOn { get; private set; }
    public bool EscalatedAutomatically { get; private set; }

    /// <summary>Outside units coordinated for it (春城热力、市供电公司 …), as text.</summary>
    public string? CoordinationParties { get; private set; }

    public IReadOnlyList<ProjectIssueStep> Steps => _steps;

    /// <summary>Being handled: not yet solved, and not 退回 (a returned problem waits for 改派, with nobody holding it).</summary>
    public static readonly IssueStatus[] OpenStatuses = [IssueStatus.Raised, IssueStatus.Accepted, IssueStatus.InProgress];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>Open past its 办结时限 on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && IsPastDue(DueOn, today);

    /// <summary>The overdue rule for an open problem read as a projection (queries state it as <c>DueOn &lt; day</c>).</summary>
    public static bool IsPastDue(DateOnly dueOn, DateOnly day) => day > dueOn;

    /// <summary>Whether a problem was off the books by a day: solved, confirmed or closed on or before it (queries state it as three date comparisons).</summary>
    public static bool WasSolvedBy(DateOnly? solvedOn, DateOnly? confirmedOn, DateOnly? closedOn, DateOnly day) =>
        solvedOn <= day || confirmedOn <= day || closedOn <= day;

    public int OverdueDays(DateOnly today) => IsOverdue(today) ? today.DayNumber - DueOn.DayNumber : 0;

    /// <summary>Accepted within the promised time (null: not yet accepted).</summary>
    public bool? RespondedInTime => AcceptedOn is { } on ? on <= ResponseDueOn : null;

    /// <summary>交办 again (改派) to another unit — a returned problem, or one the dispatch office moves.</summary>
    public void Reassign(IssueRoute route, DateOnly on, Guid by, DateTime now, string? reason)
    {
        if (Status is not (IssueStatus.Raised or IssueStatus.Returned))
            throw new DomainException("只有待受理或已退回的问题可以改派。");
        Ensure(on, "改派日期");
        if (route.DueOn < on)
            throw new DomainException($"办结时限 {route.DueOn:yyyy-MM-dd} 早于改派日期 {on:yyyy-MM-dd}。");
        Status = IssueStatus.Raised;
        Assign(route, on, by, now, reason);
    }

    /// <summary>受理: the unit's first response.</summary>
    public void Accept(DateOnly on, Guid by, DateTime now, string? note)
    {
        if (Status != IssueStatus.Raised)
            throw new DomainException("只有待受理的问题可以受理。");
        Ensure(on, "受理日期");
        Status = IssueStatus.Accepted;
        AcceptedOn = on;
        AddStep(IssueStepKind.Accepted, on, by, now, note, AssignedDepartmentId);
    }

    /// <summary>退回: the unit cannot take it (wrong unit, not a problem of the project); the reason is required.</summary>
    public void Return(DateOnly on, Guid by, DateTime now, string? reason)
    {
        if (Status != IssueStatus.Raised)
            throw new DomainException("只有待受理的问题可以退回。");
        Require(reason, "退回须说明理由。");
        Ensure(on, "退回日期");
        Status = IssueStatus.Returned;
        AddStep(IssueStepKind.Returned, on, by, now, reason, AssignedDepartmentId);
    }

    /// <summary>办理进展: what was done.</summary>
    public void AddProgress(DateOnly on, Guid by, DateTime now, string? note)
    {
        if (Status is not (IssueStatus.Accepted or IssueStatus.InProgress))
            throw new DomainException("问题受理后才能登记办理进展。");
        Require(note, "请填写办理进展。");
        Ensure(on, "进展日期");
        Status = IssueStatus.InProgress;
        AddStep(IssueStepKind.Progress, on, by, now, note, AssignedDepartmentId);
    }

    /// <summary>协调: a 专题调度会 or other meeting with outside units, recorded as text.</summary>
    public void RecordCoordination(DateOnly on, string parties, string? note, Guid by, DateTime now)
    {
        if (Status is not (IssueStatus.Accepted or IssueStatus.InProgress))
            throw new DomainException("问题受理后、解决前才能登记协调。");
        Require(parties, "请填写参加协调的单位。");
        Ensure(on, "协调日期");
        CoordinationParties = CoordinationParties is null ? parties.Trim() : $"{CoordinationParties}；{parties.Trim()}";
        AddStep(IssueStepKind.Coordination, on, by, now, string.IsNullOrWhiteSpace(note) ? parties.Trim() : $"{parties.Trim()}：{note.Trim()}", null);
    }

    /// <summary>已解决: with the solution; the company is asked to confirm it.</summary>
    public void Solve(DateOnly on, Guid by, DateTime now, string? solution)
    {
        if (Status is not (IssueStatus.Accepted or IssueStatus.InProgress))
            throw new DomainException("问题受理后才能办结。");
        Require(solution, "请填写解决情况。");
        Ensure(on, "解决日期");
        if (on < AcceptedOn)
            throw new DomainException("解决日期不能早于受理日期。");
        Status = IssueStatus.Solved;
        SolvedOn = on;
        Solution = solution!.Trim();
        AddStep(IssueStepKind.Solved, on, by, now, Solution, AssignedDepartmentId);
    }

    /// <summary>企业确认, recorded by the project's secretary: satisfied, or not — then the problem is handled again.</summary>
    public void RecordCompanyAnswer(bool satisfied, DateOnly on, Guid by, DateTime now, string? feedback)
    {
        if (Status != IssueStatus.Solved)
            throw new DomainException("问题解决后才能登记企业确认。");
        Ensure(on, "确认日期");
        if (on < SolvedOn)
            throw new DomainException("确认日期不能早于解决日期。");
        if (satisfied)
        {
            Status = IssueStatus.Confirmed;
            ConfirmedOn = on;
            ConfirmedBy = by;
            AddStep(IssueStepKind.Confirmed, on, by, now, feedback, null);
            return;
        }
        Require(feedback, "企业未确认的，请写明企业的意见。");
        Status = IssueStatus.InProgress;
        SolvedOn = null;
        Solution = null;
        AddStep(IssueStepKind.Reopened, on, by, now, feedback, null);
    }

    /// <summary>销号: only after the company confirmed.</summary>
    public void Close(DateOnly on, Guid by, DateTime now, string? note)
    {
        if (Status != IssueStatus.Confirmed)
            throw new DomainException("企业确认解决后才能销号。");
        Ensure(on, "销号日期");
        Status = IssueStatus.Closed;
        ClosedOn = on;
        AddStep(IssueStepKind.Closed, on, by, now, note, null);
    }

    /// <summary>上提 an overdue problem to the 指挥部 or the 领导小组 (by hand with a reason, or by the daily check).</summary>
    public void Escalate(EscalationLevel level, DateOnly on, Guid? by, DateTime now, string? reason, bool automatically = false)
    {
        if (!Enum.IsDefined(level))
            throw new DomainException("请选择上提到指挥部还是领导小组。");
        if (!IsOverdue(on))
            throw new DomainException("只有超过办结时限仍未解决的问题可以上提。");
        if (EscalatedTo >= level)
            throw new DomainException($"该问题已上提至{EscalatedTo!.Value.ToDisplay()}。");
        if (!automatically)
            Require(reason, "上提须说明理由。");
        EscalatedTo = level;
        EscalatedOn = on;
        EscalatedAutomatically = automatically;
        AddStep(IssueStepKind.Escalated, on, by, now, $"上提至{level.ToDisplay()}" + (string.IsNullOrWhiteSpace(reason) ? "" : $"：{reason.Trim()}"), null);
    }

    private void Assign(IssueRoute route, DateOnly on, Guid by, DateTime now, string? reason = null)
    {
        (AssignedDepartmentId, AssignedOn, ResponseDueOn, DueOn) = (route.DepartmentId, on, route.ResponseDueOn, route.DueOn);
        AddStep(IssueStepKind.Assigned, on, by, now, reason, route.DepartmentId);
    }

    private void Ensure(DateOnly on, string label)
    {
        BusinessDates.EnsureDate(on, label);
        if (on < RaisedOn)
            throw new DomainException($"{label}不能早于提出日期 {RaisedOn:yyyy-MM-dd}。");
    }

    private static void Require(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainException(message);
    }

    private void AddStep(IssueStepKind kind, DateOnly on, Guid? by, DateTime now, string? note, Guid? departmentId) =>
        _steps.Add(new ProjectIssueStep(_steps.Count + 1, kind, on, by, now, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), departmentId));
}

/// <summary>One step of a problem's handling: what, on which day, by whom, recorded when.</summary>
public class ProjectIssueStep : Entity
{
    private ProjectIssueStep() { }

    internal ProjectIssueStep(int sequence, IssueStepKind kind, DateOnly on, Guid? by, DateTime recordedAt, string? note, Guid? departmentId) =>
        (Sequence, Kind, On, By, RecordedAt, Note, DepartmentId) = (sequence, kind, on, by, recordedAt, note, departmentId);

    public Guid ProjectIssueId { get; private set; }
    /// <summary>1, 2, 3 … in the order the steps were taken (several can share a timestamp).</summary>
    public int Sequence { get; private set; }
    public IssueStepKind Kind { get; private set; }
    public DateOnly On { get; private set; }
    public Guid? By { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The unit the step concerns (交办 to, 受理/退回/办理 by).</summary>
    public Guid? DepartmentId { get; private set; }
}
