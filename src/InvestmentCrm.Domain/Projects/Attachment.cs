using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Projects;

/// <summary>
/// A file attached to a project (contract scan, landing evidence, 验资报告 …). The original name is kept for
/// display only; the file is stored under a generated name, never a path derived from user input.
/// </summary>
public class Attachment : AggregateRoot, ISoftDelete
{
    private Attachment() { FileName = ""; ContentType = ""; StoredName = ""; Sha256 = ""; }

    public Attachment(Guid projectId, AttachmentCategory category, string fileName, string contentType, long sizeBytes, string storedName, string sha256,
        Guid? projectIssueId = null)
    {
        if (string.IsNullOrWhiteSpace(fileName)) throw new DomainException("附件缺少文件名。");
        (ProjectId, Category, FileName, ContentType, SizeBytes, StoredName, Sha256, ProjectIssueId) =
            (projectId, projectIssueId is null ? category : AttachmentCategory.IssueMaterial, Path.GetFileName(fileName.Trim()), contentType, sizeBytes, storedName, sha256, projectIssueId);
    }

    public Guid ProjectId { get; private set; }
    /// <summary>The project problem the file documents (问题材料), if any.</summary>
    public Guid? ProjectIssueId { get; private set; }
    public AttachmentCategory Category { get; private set; }
    /// <summary>The name the user uploaded (display and download name only).</summary>
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    /// <summary>Generated storage key (32 hex characters and the extension).</summary>
    public string StoredName { get; private set; }
    public string Sha256 { get; private set; }

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }
}

public enum AttachmentCategory
{
    [Display(Name = "合同扫描件")]
    Contract = 1,
    [Display(Name = "落位凭证")]
    Landing = 2,
    [Display(Name = "到位资金凭证")]
    Funds = 3,
    [Display(Name = "问题材料")]
    IssueMaterial = 4,
    [Display(Name = "其他")]
    Other = 9,
}

/// <summary>里程碑 of a dispatch phase: planned and actual dates, 倒计时 while open.</summary>
public class ProjectMilestone : Entity, ISoftDelete
{
    private ProjectMilestone() { Title = ""; }

    internal ProjectMilestone(DispatchPhase phase, string title, DateOnly plannedDate)
    {
        Title = string.IsNullOrWhiteSpace(title) ? throw new DomainException("里程碑名称不能为空。") : title.Trim();
        (Phase, PlannedDate) = (phase, plannedDate);
    }

    public Guid ProjectId { get; private set; }
    public DispatchPhase Phase { get; private set; }
    public string Title { get; private set; }
    public DateOnly PlannedDate { get; private set; }
    public DateOnly? ActualDate { get; private set; }

    /// <summary>
    /// 倒计时 at a date (today or a chosen 统计日): days left until the planned date, negative when overdue; null when it
    /// was completed by that date. Completed later, it was still open then — as the cockpit's 滞后 list counts it.
    /// </summary>
    public int? RemainingDays(DateOnly asOf) => ActualDate is { } done && done <= asOf ? null : PlannedDate.DayNumber - asOf.DayNumber;

    internal void Correct(DispatchPhase phase, string title, DateOnly plannedDate, DateOnly? actualDate, string? reason)
    {
        var note = Corrections.Note("更正", reason);
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("里程碑名称不能为空。");
        (Phase, Title, PlannedDate, ActualDate, CorrectionNote) = (phase, title.Trim(), plannedDate, actualDate, note);
    }

    internal void NoteWithdrawal(string? reason) => CorrectionNote = Corrections.Note("撤回", reason);

    /// <summary>The last 更正/撤回 and why.</summary>
    public string? CorrectionNote { get; private set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    internal void Complete(DateOnly on) =>
        ActualDate = ActualDate is null ? on : throw new DomainException($"里程碑“{Title}”已于 {ActualDate:yyyy-MM-dd} 完成。");
}
