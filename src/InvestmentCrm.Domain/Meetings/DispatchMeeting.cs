using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Meetings;

public enum MeetingKind
{
    [Display(Name = "月度重点项目运行调度会")]
    Monthly = 1,
    [Display(Name = "专题调度会")]
    Special = 2,
    [Display(Name = "周调度会")]
    Weekly = 3,
}

/// <summary>筹备 → 已召开 → 快报已发.</summary>
public enum MeetingStatus
{
    [Display(Name = "筹备")]
    Preparing = 1,
    [Display(Name = "已召开")]
    Held = 2,
    [Display(Name = "快报已发")]
    BulletinSent = 3,
}

/// <summary>Why a project is on the agenda (several at once).</summary>
[Flags]
public enum AgendaReasons
{
    [Display(Name = "无")]
    None = 0,
    [Display(Name = "投资滞后序时进度")]
    BehindSchedule = 1,
    [Display(Name = "节点逾期")]
    OverdueMilestone = 2,
    [Display(Name = "有未解决问题")]
    OpenIssues = 4,
    [Display(Name = "问题逾期")]
    OverdueIssues = 8,
    [Display(Name = "新签约")]
    NewlySigned = 16,
    [Display(Name = "新落位")]
    NewlyLanded = 32,
    /// <summary>Put on the agenda by the dispatch office.</summary>
    [Display(Name = "调度办增列")]
    AddedByHand = 64,
    /// <summary>The project of a problem a 专题调度会 was called for.</summary>
    [Display(Name = "专题调度")]
    SpecialSubject = 128,
}

/// <summary>
/// A 调度会 (docs/domain.md, "调度会"): its agenda of projects with their reporters, the minutes and decisions per item, and —
/// once the 快报 is sent — a frozen copy of it that later changes of the records do not touch.
/// </summary>
public class DispatchMeeting : AggregateRoot
{
    private readonly List<MeetingAgendaItem> _items = [];
    private readonly List<MeetingLinkedIssue> _linkedIssues = [];
    private readonly List<MeetingAttendee> _attendeeUsers = [];

    private DispatchMeeting() { Title = ""; }

    public DispatchMeeting(MeetingKind kind, string title, DateOnly date, string? place, Guid? chairId)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException("请选择会议类型。");
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainException("请填写会议名称。");
        (Kind, Title, Date, Place, ChairId) = (kind, title.Trim(), BusinessDates.EnsureDate(date, "会议日期"), Blank(place), chairId);
        Status = MeetingStatus.Preparing;
    }

    public MeetingKind Kind { get; private set; }
    public string Title { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Place { get; private set; }
    public Guid? ChairId { get; private set; }
    /// <summary>Who else attended: outside units (春城热力、市供电公司 …) and people without an account, as text.</summary>
    public string? Attendees { get; private set; }

    /// <summary>The district's people who attended, as users.</summary>
    public IReadOnlyList<MeetingAttendee> AttendeeUsers => _attendeeUsers;
    public MeetingStatus Status { get; private set; }
    public DateOnly? BulletinSentOn { get; private set; }
    /// <summary>The 领导小组 members the 快报 went to, as text.</summary>
    public string? BulletinRecipients { get; private set; }

    public IReadOnlyList<MeetingAgendaItem> Items => [.. _items.OrderBy(i => i.Position)];

    /// <summary>The problems a 专题调度会 was called for.</summary>
    public IReadOnlyList<MeetingLinkedIssue> LinkedIssues => _linkedIssues;

    public bool IsFrozen => Status == MeetingStatus.BulletinSent;

    /// <param name="attendeeUserIds">The users who attended (null: unchanged).</param>
    public void Describe(string title, DateOnly date, string? place, Guid? chairId, string? attendees, IReadOnlyCollection<Guid>? attendeeUserIds = null)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainException("请填写会议名称。");
        (Title, Date, Place, ChairId, Attendees) = (title.Trim(), BusinessDates.EnsureDate(date, "会议日期"), Blank(place), chairId, Blank(attendees));
        if (attendeeUserIds is null)
            return;
        _attendeeUsers.RemoveAll(a => !attendeeUserIds.Contains(a.UserId));
        foreach (var user in attendeeUserIds.Distinct().Where(u => _attendeeUsers.All(a => a.UserId != u)))
            _attendeeUsers.Add(new MeetingAttendee(user));
    }

    /// <summary>Puts a project on the agenda (at the end), with its reporter: a person (包保领导) or a department (牵头部门).</summary>
    public MeetingAgendaItem AddItem(Guid projectId, Guid? reporterUserId, Guid? reporterDepartmentId, AgendaReasons reasons)
    {
        EnsureOpen();
        if (_items.Any(i => i.ProjectId == projectId))
            throw new DomainException("该项目已在议程中。");
        var item = new MeetingAgendaItem(projectId, _items.Count == 0 ? 1 : _items.Max(i => i.Position) + 1, reporterUserId, reporterDepartmentId, reasons);
        _items.Add(item);
        return item;
    }

    /// <summary>Links a problem to the meeting (a 专题调度会 is called for problems) and puts its project on the agenda.</summary>
    public void LinkIssue(Guid issueId, Guid projectId, Guid? reporterUserId, Guid? reporterDepartmentId)
    {
        EnsureOpen();
        if (_linkedIssues.Any(l => l.ProjectIssueId == issueId))
            return;
        _linkedIssues.Add(new MeetingLinkedIssue(issueId));
        if (_items.All(i => i.ProjectId != projectId))
            AddItem(projectId, reporterUserId, reporterDepartmentId, AgendaReasons.SpecialSubject);
    }

    public void DropItem(Guid itemId)
    {
        EnsureOpen();
        var item = Item(itemId);
        if (item.Decisions.Count > 0)
            throw new DomainException("该议题已有决定事项，不能移出议程。");
        _items.Remove(item);
        var position = 1;
        foreach (var rest in _items.OrderBy(i => i.Position))
            rest.Position = position++;
    }

    /// <summary>Moves an item one place up (−1) or down (+1) in the order the dispatch office sets.</summary>
    public void MoveItem(Guid itemId, int direction)
    {
        EnsureOpen();
        var ordered = _items.OrderBy(i => i.Position).ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        if (index < 0)
            throw new NotFoundException("议题不存在。");
        var other = index + Math.Sign(direction);
        if (other < 0 || other >= ordered.Count || direction == 0)
            return;
        (ordered[index].Position, ordered[other].Position) = (ordered[other].Position, ordered[index].Position);
    }

    public void RecordMinutes(Guid itemId, string? minutes)
    {
        EnsureOpen();
        Item(itemId).Minutes = Blank(minutes);
    }

    /// <summary>A decision on an item; it may hand a task to a unit with a due date (and the problem it opened).</summary>
    public MeetingDecision Decide(Guid itemId, string text, Guid? responsibleDepartmentId, DateOnly? dueOn, Guid? projectIssueId)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainException("请填写决定事项。");
        if (dueOn is { } due && due < Date)
            throw new DomainException($"完成时限 {due:yyyy-MM-dd} 早于会议日期 {Date:yyyy-MM-dd}。");
        var decision = new MeetingDecision(text.Trim(), responsibleDepartmentId, dueOn, projectIssueId);
        Item(itemId).Decisions.Add(decision);
        return decision;
    }

    /// <summary>已召开: on or after its date.</summary>
    public void MarkHeld(DateOnly today)
    {
        if (Status != MeetingStatus.Preparing)
            throw new DomainException("会议已召开。");
        if (Date > today)
            throw new DomainException("会议日期未到，不能标记为已召开。");
        Status = MeetingStatus.Held;
    }

    /// <summary>
    /// 快报已发: nothing of the meeting changes afterwards, and the documents as sent are kept beside it, unchanged (a
    /// frozen copy: a later change of the records does not reach them).
    /// </summary>
    public MeetingBulletin SendBulletin(string recipients, DateOnly on, byte[] document, byte[] workbook)
    {
        if (Status != MeetingStatus.Held)
            throw new DomainException(Status == MeetingStatus.Preparing ? "会议召开后才能发送快报。" : "快报已发送。");
        if (string.IsNullOrWhiteSpace(recipients))
            throw new DomainException("请填写快报的接收人（领导小组成员）。");
        if (on < Date)
            throw new DomainException("快报发送日期不能早于会议日期。");
        var bulletin = new MeetingBulletin(Id, on, recipients.Trim(), document, workbook);
        (BulletinRecipients, BulletinSentOn, Status) = (bulletin.Recipients, on, MeetingStatus.BulletinSent);
        return bulletin;
    }

    private MeetingAgendaItem Item(Guid itemId) => _items.FirstOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("议题不存在。");

    private void EnsureOpen()
    {
        if (IsFrozen)
            throw new DomainException("快报已发送，会议记录不能再修改。");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The 快报 of a meeting as it was sent: the .docx and the .xlsx, never regenerated.</summary>
public class MeetingBulletin : Entity
{
    private MeetingBulletin() { Recipients = ""; Document = []; Workbook = []; }

    internal MeetingBulletin(Guid dispatchMeetingId, DateOnly sentOn, string recipients, byte[] document, byte[] workbook)
    {
        if (document.Length == 0 || workbook.Length == 0)
            throw new DomainException("快报文件为空，未发送。");
        (DispatchMeetingId, SentOn, Recipients, Document, Workbook) = (dispatchMeetingId, sentOn, recipients, document, workbook);
    }

    public Guid DispatchMeetingId { get; private set; }
    public DateOnly SentOn { get; private set; }
    public string Recipients { get; private set; }
    /// <summary>快报 (.docx).</summary>
    public byte[] Document { get; private set; }
    /// <summary>三项清单 (.xlsx).</summary>
    public byte[] Workbook { get; private set; }
}

/// <summary>A user who attended a meeting.</summary>
public class MeetingAttendee : Entity
{
    private MeetingAttendee() { }

    internal MeetingAttendee(Guid userId) => UserId = userId;

    public Guid DispatchMeetingId { get; private set; }
    public Guid UserId { get; private set; }
}

/// <summary>A problem a 专题调度会 was called for.</summary>
public class MeetingLinkedIssue : Entity
{
    private MeetingLinkedIssue() { }

    internal MeetingLinkedIssue(Guid projectIssueId) => ProjectIssueId = projectIssueId;

    public Guid DispatchMeetingId { get; private set; }
    public Guid ProjectIssueId { get; private set; }
}

/// <summary>One project on a meeting's agenda: who reports it, why it is there, and what was said and decided.</summary>
public class MeetingAgendaItem : Entity
{
    private MeetingAgendaItem() { }

    internal MeetingAgendaItem(Guid projectId, int position, Guid? reporterUserId, Guid? reporterDepartmentId, AgendaReasons reasons) =>
        (ProjectId, Position, ReporterUserId, ReporterDepartmentId, Reasons) = (projectId, position, reporterUserId, reporterDepartmentId, reasons);

    public Guid DispatchMeetingId { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Position { get; internal set; }
    public Guid? ReporterUserId { get; private set; }
    public Guid? ReporterDepartmentId { get; private set; }
    public AgendaReasons Reasons { get; private set; }
    public string? Minutes { get; internal set; }
    public List<MeetingDecision> Decisions { get; private set; } = [];
}

/// <summary>What the meeting decided on an item; a task with its unit and due date, or the 项目问题 it opened.</summary>
public class MeetingDecision : Entity
{
    private MeetingDecision() { Text = ""; }

    internal MeetingDecision(string text, Guid? responsibleDepartmentId, DateOnly? dueOn, Guid? projectIssueId) =>
        (Text, ResponsibleDepartmentId, DueOn, ProjectIssueId) = (text, responsibleDepartmentId, dueOn, projectIssueId);

    public Guid MeetingAgendaItemId { get; private set; }
    public string Text { get; private set; }
    public Guid? ResponsibleDepartmentId { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public Guid? ProjectIssueId { get; private set; }
}

/// <summary>
/// Which projects a meeting takes up and who reports them (docs/domain.md, "调度会"): a key project of the year that is
/// behind 序时进度, has an overdue milestone, or open problems; any project signed or landed since the last meeting, or with
/// an overdue problem. A key project is reported by its 包保领导, any other by its 牵头部门 (招引单位).
/// </summary>
public static class AgendaRules
{
    public sealed record ProjectFacts(Guid ProjectId, bool IsKeyProject, Guid? ResponsibleLeaderId, Guid? LeadDepartmentId,
        bool BehindSchedule, bool OverdueMilestone, int OpenIssues, int OverdueIssues, bool SignedSinceLast, bool LandedSinceLast);

    public static AgendaReasons Reasons(ProjectFacts p)
    {
        var reasons = AgendaReasons.None;
        if (p.IsKeyProject && p.BehindSchedule) reasons |= AgendaReasons.BehindSchedule;
        if (p.IsKeyProject && p.OverdueMilestone) reasons |= AgendaReasons.OverdueMilestone;
        if (p.IsKeyProject && p.OpenIssues > 0) reasons |= AgendaReasons.OpenIssues;
        if (p.OverdueIssues > 0) reasons |= AgendaReasons.OverdueIssues;
        if (p.SignedSinceLast) reasons |= AgendaReasons.NewlySigned;
        if (p.LandedSinceLast) reasons |= AgendaReasons.NewlyLanded;
        return reasons;
    }

    /// <summary>The reporter: the 包保领导 of a key project (if it has one), else the 牵头部门.</summary>
    public static (Guid? User, Guid? Department) Reporter(ProjectFacts p) => Reporter(p.IsKeyProject, p.ResponsibleLeaderId, p.LeadDepartmentId);

    /// <summary>The same rule for a project put on the agenda otherwise (by hand, for a 专题调度会).</summary>
    public static (Guid? User, Guid? Department) Reporter(bool isKeyProject, Guid? responsibleLeaderId, Guid? leadDepartmentId) =>
        isKeyProject && responsibleLeaderId is { } leader ? (leader, null) : (null, leadDepartmentId);

    /// <summary>The reasons as the agenda shows them, each by its label.</summary>
    public static IReadOnlyList<string> Labels(AgendaReasons reasons) =>
        [.. Enum.GetValues<AgendaReasons>().Where(r => r != AgendaReasons.None && reasons.HasFlag(r)).Select(r => r.ToDisplay())];
}
