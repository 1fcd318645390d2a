using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Projects;

/// <summary>走访/洽谈 — a visit, pitch or call, with the follow-up it leads to.</summary>
public class Activity : AggregateRoot, ISoftDelete, IDepartmentOwned
{
    private readonly List<ActivityParticipant> _participants = [];

    private Activity() { Summary = ""; }

    public Activity(DateOnly date, ActivityType type, string summary, Guid? companyId, Guid? projectId)
    {
        Summary = string.IsNullOrWhiteSpace(summary) ? throw new DomainException("走访/洽谈内容不能为空。") : summary.Trim();
        (Date, Type, CompanyId, ProjectId) = (date, type, companyId, projectId);
    }

    /// <summary>更正 of what was recorded, with the reason (the company and project stay).</summary>
    public void Correct(DateOnly date, ActivityType type, string summary, string? outcome, string? nextStep, DateOnly? nextStepDue, string? reason)
    {
        var note = Corrections.Note("更正", reason);
        if (string.IsNullOrWhiteSpace(summary)) throw new DomainException("走访/洽谈内容不能为空。");
        if (nextStepDue is { } due && due < date) throw new DomainException("下一步的完成日期不能早于走访日期。");
        (Date, Type, Summary, Outcome, NextStep, NextStepDue, CorrectionNote) =
            (date, type, summary.Trim(), string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim(), string.IsNullOrWhiteSpace(nextStep) ? null : nextStep.Trim(), nextStepDue, note);
    }

    /// <summary>撤回 with the reason (the caller deletes it, softly).</summary>
    public void NoteWithdrawal(string? reason) => CorrectionNote = Corrections.Note("撤回", reason);

    /// <summary>The last 更正/撤回 and why (<see cref="Corrections"/>).</summary>
    public string? CorrectionNote { get; private set; }

    public DateOnly Date { get; private set; }
    public ActivityType Type { get; private set; }
    public Guid? CompanyId { get; private set; }
    public Guid? ProjectId { get; private set; }
    /// <summary>载体 visited (building, plot), free text until the carrier module exists.</summary>
    public string? Carrier { get; set; }
    public string Summary { get; private set; }
    public string? Outcome { get; set; }
    public string? NextStep { get; set; }
    public DateOnly? NextStepDue { get; set; }
    /// <summary>The day the agreed next step was done (我的待办 办结); null while it is open.</summary>
    public DateOnly? FollowUpDoneOn { get; private set; }
    /// <summary>What came of the next step, written when it is marked done.</summary>
    public string? FollowUpOutcome { get; private set; }

    /// <summary>办结: the next step was done on <paramref name="on"/> with this outcome.</summary>
    public void CompleteFollowUp(DateOnly on, string? outcome)
    {
        if (NextStep is null) throw new DomainException("这条走访记录没有约定下一步。");
        if (FollowUpDoneOn is { } done) throw new DomainException($"这项待办已于 {done:yyyy-MM-dd} 办结。");
        if (on < Date) throw new DomainException("办结日期不能早于走访日期。");
        (FollowUpDoneOn, FollowUpOutcome) = (on, string.IsNullOrWhiteSpace(outcome) ? throw new DomainException("请填写办理结果。") : outcome.Trim());
    }

    /// <summary>Reopens a follow-up marked done by mistake or not really done (the audit trail keeps the old outcome).</summary>
    public void ReopenFollowUp()
    {
        if (FollowUpDoneOn is null) throw new DomainException("这项待办尚未办结。");
        (FollowUpDoneOn, FollowUpOutcome) = (null, null);
    }

    /// <summary>Outside participants (company side), free text.</summary>
    public string? ExternalParticipants { get; set; }

    public IReadOnlyCollection<ActivityParticipant> Participants => _participants;

    /// <summary>The department of whoever logged it; data scope reads it.</summary>
    public Guid? OwnerDepartmentId { get; set; }

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    /// <summary>The company was merged into another one: the visit now belongs to the survivor.</summary>
    public void MoveToCompany(Guid companyId) => CompanyId = companyId;

    public void AddParticipant(Guid userId)
    {
        if (_participants.All(p => p.UserId != userId))
            _participants.Add(new ActivityParticipant(userId));
    }
}

public class ActivityParticipant : Entity
{
    private ActivityParticipant() { }

    internal ActivityParticipant(Guid userId) => UserId = userId;

    public Guid ActivityId { get; private set; }
    public Guid UserId { get; private set; }
}

public enum ActivityType
{
    [Display(Name = "招商洽谈")]
    Negotiation = 1,
    [Display(Name = "叩门拜访")]
    DoorKnocking = 2,
    [Display(Name = "包保走访")]
    ResponsibilityVisit = 3,
    [Display(Name = "扫楼")]
    BuildingSweep = 4,
    [Display(Name = "推介会")]
    Promotion = 5,
    [Display(Name = "考察")]
    Inspection = 6,
    [Display(Name = "会商")]
    Consultation = 7,
    [Display(Name = "电话")]
    PhoneCall = 8,
}

