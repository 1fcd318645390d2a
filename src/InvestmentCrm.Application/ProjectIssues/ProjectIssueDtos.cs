using InvestmentCrm.Projects;

namespace InvestmentCrm.ProjectIssues;

/// <summary>A problem as raised: the category is confirmed by the user (the form suggests one); a department is named where the category has no 专班.</summary>
public sealed record RaiseIssueInput(
    Guid ProjectId, string? Title, string? Description, IssueCategory? Category, Guid? DepartmentId = null, DateOnly? DueOn = null,
    DateOnly? RaisedOn = null, bool OnBehalfOfCompany = false);

/// <summary>One step on a problem. <see cref="Satisfied"/> for 企业确认, <see cref="Level"/> for 上提, department and due date for 改派.</summary>
public sealed record IssueActionInput(
    IssueAction Action, DateOnly? On = null, string? Note = null, bool? Satisfied = null, EscalationLevel? Level = null,
    Guid? DepartmentId = null, DateOnly? DueOn = null, string? Parties = null);

/// <summary>What the raise form shows while typing: the suggested category and where it would go.</summary>
public sealed record IssueSuggestionDto(IssueCategory? Category, Guid? DepartmentId, string? DepartmentName, bool NeedsDepartment, DateOnly ResponseDueOn, DateOnly DueOn);

public enum IssueListFilter
{
    [System.ComponentModel.DataAnnotations.Display(Name = "未办结")]
    Open = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "已逾期")]
    Overdue = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "待企业确认")]
    AwaitingConfirmation = 3,
    [System.ComponentModel.DataAnnotations.Display(Name = "已上提")]
    Escalated = 4,
    [System.ComponentModel.DataAnnotations.Display(Name = "已确认/销号")]
    Done = 5,
    [System.ComponentModel.DataAnnotations.Display(Name = "全部")]
    All = 9,
}

public sealed record IssueListQuery(
    IssueListFilter Show = IssueListFilter.Open, IssueCategory? Category = null, Guid? DepartmentId = null, Guid? ProjectId = null,
    int? Year = null, int Page = 1, int PageSize = 20);

public sealed record IssueListItemDto(
    Guid Id, Guid ProjectId, string ProjectName, string Title, IssueCategory Category, IssueStatus Status, Guid DepartmentId, string Department,
    DateOnly RaisedOn, DateOnly DueOn, int AgeDays, bool Overdue, int OverdueDays, EscalationLevel? EscalatedTo);

public sealed record IssueStepDto(IssueStepKind Kind, DateOnly On, string? By, string? Department, string? Note, DateTime RecordedAt);

public sealed record IssueDetailDto
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public required string ProjectName { get; init; }
    /// <summary>Whether the reader may open the project (a 专班 member may see a problem routed to them but not the project).</summary>
    public bool ProjectVisible { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public IssueCategory Category { get; init; }
    public DispatchPhase? PhaseWhenRaised { get; init; }
    public IssueRaiserRole RaisedAs { get; init; }
    public bool OnBehalfOfCompany { get; init; }
    public DateOnly RaisedOn { get; init; }
    public string? RaisedBy { get; init; }
    public Guid AssignedDepartmentId { get; init; }
    public required string AssignedDepartment { get; init; }
    public DateOnly ResponseDueOn { get; init; }
    public DateOnly DueOn { get; init; }
    public IssueStatus Status { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public bool? RespondedInTime { get; init; }
    public DateOnly? SolvedOn { get; init; }
    public string? Solution { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public EscalationLevel? EscalatedTo { get; init; }
    public DateOnly? EscalatedOn { get; init; }
    public bool EscalatedAutomatically { get; init; }
    public string? CoordinationParties { get; init; }
    public bool Overdue { get; init; }
    public int OverdueDays { get; init; }
    public string? ResponsibleLeader { get; init; }
    public string? DepartmentSecretary { get; init; }
    public string? LocalSecretary { get; init; }
    public Guid ConcurrencyStamp { get; init; }
    public required IReadOnlyList<IssueStepDto> Steps { get; init; }
    /// <summary>What the reader may do now.</summary>
    public required IReadOnlyList<IssueAction> Actions { get; init; }
}

/// <summary>How one category of problems is routed (the settings page).</summary>
public sealed record IssueRouteDto(IssueCategory Category, Guid? TaskForceDepartmentId, string? TaskForceDepartment, int ResponseDays, int DueDays, int EscalateAfterDays);

public sealed record IssueRouteInput(IssueCategory Category, Guid? TaskForceDepartmentId, int ResponseDays, int DueDays, int EscalateAfterDays);

public sealed record IssueKeywordDto(Guid Id, string Keyword, IssueCategory Category);

/// <summary>The departments and projects a problem form offers.</summary>
public sealed record IssueFormOptionsDto(IReadOnlyList<(Guid Id, string Name)> Departments, IReadOnlyList<(Guid Id, string Name)> Projects);
