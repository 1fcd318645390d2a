using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Projects;

/// <summary>
/// 建设状态 after 落位 (docs/domain.md, "项目建设"), separate from the investment stage: 已落位未开工 → 在建 → 竣工投产, with
/// 停缓建 beside 在建. It is never stored as such: it is the replay of the project's dated <see cref="ConstructionEvent"/>s
/// up to a date, so every figure can read it "as of" a day.
/// </summary>
public enum ConstructionStatus
{
    [Display(Name = "已落位未开工")]
    NotStarted = 1,
    [Display(Name = "在建")]
    UnderConstruction = 2,
    [Display(Name = "停缓建")]
    Suspended = 3,
    [Display(Name = "竣工投产")]
    Completed = 4,
}

public enum ConstructionEventKind
{
    [Display(Name = "开工")]
    Started = 1,
    [Display(Name = "停缓建")]
    Suspended = 2,
    [Display(Name = "复工")]
    Resumed = 3,
    [Display(Name = "竣工验收")]
    Accepted = 4,
    [Display(Name = "开业/投产")]
    Opened = 5,
    [Display(Name = "入库入统")]
    Registered = 6,
}

/// <summary>One dated change of a project's construction, with its evidence and who recorded it.</summary>
public class ConstructionEvent : Entity, ISoftDelete
{
    private ConstructionEvent() { }

    internal ConstructionEvent(ConstructionEventKind kind, DateOnly effectiveDate, string? evidence, string? reason, Guid? recordedBy, DateTime recordedAt) =>
        (Kind, EffectiveDate, Evidence, Reason, RecordedBy, RecordedAt) = (kind, effectiveDate, evidence, reason, recordedBy, recordedAt);

    public Guid ProjectId { get; private set; }
    public ConstructionEventKind Kind { get; private set; }
    public DateOnly EffectiveDate { get; private set; }
    /// <summary>开工: 施工许可证号 or 开工报告; 竣工验收: 验收文件; 入库入统: 统计编号 …</summary>
    public string? Evidence { get; private set; }
    /// <summary>停缓建: why.</summary>
    public string? Reason { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public DateTime RecordedAt { get; private set; }
    /// <summary>撤回 and why (<see cref="Corrections"/>).</summary>
    public string? CorrectionNote { get; private set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    internal void NoteWithdrawal(string? reason) => CorrectionNote = Corrections.Note("撤回", reason);
}

/// <summary>What a project did in a year of construction (开复工 counts 新开工, 复工 and 续建 that went on building).</summary>
public enum ConstructionYearRole
{
    [Display(Name = "未开复工")]
    None = 0,
    [Display(Name = "新开工")]
    NewStart = 1,
    [Display(Name = "复工")]
    Resumed = 2,
    [Display(Name = "续建")]
    Continuing = 3,
}

/// <summary>
/// The rules of construction status (docs/domain.md): which event may follow which, what evidence each needs, dates in
/// order and not before 落位 nor after today; and the replay that gives the status and the year's role as of a date.
/// </summary>
public static class ConstructionRules
{
    /// <summary>Why the event cannot be recorded now (null: it can).</summary>
    public static string? Refusal(IReadOnlyList<ConstructionEvent> history, ConstructionEventKind kind, DateOnly effectiveDate,
        string? evidence, string? reason, DateOnly? landedOn, DateOnly today)
    {
        if (landedOn is null)
            return "项目落位后才登记建设状态。";
        if (effectiveDate < landedOn)
            return $"生效日期 {effectiveDate:yyyy-MM-dd} 早于落位日期 {landedOn:yyyy-MM-dd}。";
        if (effectiveDate > today)
            return "生效日期不能晚于今天（计划日期请登记为里程碑）。";
        var ordered = Ordered(history);
        if (ordered.Count > 0 && effectiveDate < ordered[^1].EffectiveDate)
            return $"生效日期 {effectiveDate:yyyy-MM-dd} 早于上一次建设状态变更（{ordered[^1].EffectiveDate:yyyy-MM-dd}）；如前一条登记有误，请先撤回它。";
        var status = StatusOf(ordered);
        var done = ordered.Select(e => e.Kind).ToHashSet();
        string? wrongOrder = kind switch
        {
            ConstructionEventKind.Started when status != ConstructionStatus.NotStarted => "项目已开工，不能再次登记开工（停缓建后请登记复工）。",
            ConstructionEventKind.Suspended when status != ConstructionStatus.UnderConstruction => "只有在建项目可以登记停缓建。",
            ConstructionEventKind.Resumed when status != ConstructionStatus.Suspended => "只有停缓建的项目可以登记复工。",
            ConstructionEventKind.Accepted when status != ConstructionStatus.UnderConstruction => "只有在建项目可以登记竣工验收。",
            ConstructionEventKind.Opened when status != ConstructionStatus.Completed || done.Contains(ConstructionEventKind.Opened) => "竣工验收后才登记开业/投产，且只登记一次。",
            ConstructionEventKind.Registered when !done.Contains(ConstructionEventKind.Opened) || done.Contains(ConstructionEventKind.Registered) => "开业/投产后才登记入库入统，且只登记一次。",
            _ => null,
        };
        if (wrongOrder is not null)
            return wrongOrder;
        if (kind == ConstructionEventKind.Started && string.IsNullOrWhiteSpace(evidence))
            return "开工须填写施工许可证号或开工报告。";
        if (kind == ConstructionEventKind.Accepted && string.IsNullOrWhiteSpace(evidence))
            return "竣工验收须填写验收文件或备案编号。";
        if (kind == ConstructionEventKind.Suspended && string.IsNullOrWhiteSpace(reason))
            return "停缓建须填写原因。";
        return null;
    }

    public static ConstructionStatus StatusAsOf(IEnumerable<ConstructionEvent> history, DateOnly asOf) =>
        ConstructionFacts.Of(history, asOf.Year, asOf).Status;

    /// <summary>The 开工 date, if the project was started by <paramref name="asOf"/>.</summary>
    public static DateOnly? StartedOn(IEnumerable<ConstructionEvent> history, DateOnly asOf) =>
        ConstructionFacts.Of(history, asOf.Year, asOf).StartedOn;

    /// <summary>
    /// 开复工 in a year, as of a date in it: 新开工 (first 开工 in the year), 复工 (resumed after 停缓建 in the year), 续建 (under
    /// construction when the year began and still building in it); none for a project not building at any time of the year so far.
    /// </summary>
    public static ConstructionYearRole YearRole(IEnumerable<ConstructionEvent> history, int year, DateOnly asOf) =>
        ConstructionFacts.Of(history, year, asOf).YearRole;

    private static List<ConstructionEvent> Ordered(IEnumerable<ConstructionEvent> history) =>
        [.. history.OrderBy(e => e.EffectiveDate).ThenBy(e => e.RecordedAt)];

    private static ConstructionStatus StatusOf(List<ConstructionEvent> ordered) =>
        ordered.Count == 0 ? ConstructionStatus.NotStarted : ConstructionFacts.Of(ordered, ordered[^1].EffectiveDate.Year, ordered[^1].EffectiveDate).Status;
}

/// <summary>
/// What the status and year rules read of a project's construction history up to a date D in a year Y. Events follow
/// one another in a fixed order (<see cref="ConstructionRules.Refusal"/>: 开工 once, then 停缓建 and 复工 in turn, then
/// 竣工验收), so counts and first dates say where a project stands: 竣工 once accepted; 停缓建 while there are more 停缓建
/// than 复工; else 在建 once started. The database computes the same facts for many projects at once with plain
/// aggregates (the 项目盘子 page); the rules below are the only ones.
/// </summary>
public readonly record struct ConstructionFacts(
    int Year, DateOnly? StartedOn, DateOnly? AcceptedOn, int Suspensions, int Resumptions, int SuspensionsBeforeYear, int ResumptionsBeforeYear)
{
    /// <summary>The facts of the events effective by <paramref name="asOf"/>.</summary>
    public static ConstructionFacts Of(IEnumerable<ConstructionEvent> history, int year, DateOnly asOf)
    {
        var start = new DateOnly(year, 1, 1);
        var events = history.Where(e => e.EffectiveDate <= asOf).ToList();
        return new(year,
            events.Where(e => e.Kind == ConstructionEventKind.Started).Select(e => (DateOnly?)e.EffectiveDate).Min(),
            events.Where(e => e.Kind == ConstructionEventKind.Accepted).Select(e => (DateOnly?)e.EffectiveDate).Min(),
            events.Count(e => e.Kind == ConstructionEventKind.Suspended),
            events.Count(e => e.Kind == ConstructionEventKind.Resumed),
            events.Count(e => e.Kind == ConstructionEventKind.Suspended && e.EffectiveDate < start),
            events.Count(e => e.Kind == ConstructionEventKind.Resumed && e.EffectiveDate < start));
    }

    private DateOnly YearStart => new(Year, 1, 1);

    public ConstructionStatus Status => StatusFrom(StartedOn is not null, AcceptedOn is not null, Suspensions, Resumptions);

    /// <summary>The status on the eve of the year (as of December 31 before it).</summary>
    public ConstructionStatus StatusBeforeYear =>
        StatusFrom(StartedOn < YearStart, AcceptedOn < YearStart, SuspensionsBeforeYear, ResumptionsBeforeYear);

    public ConstructionYearRole YearRole =>
        StartedOn >= YearStart ? ConstructionYearRole.NewStart
        : Resumptions > ResumptionsBeforeYear ? ConstructionYearRole.Resumed
        : StatusBeforeYear == ConstructionStatus.UnderConstruction ? ConstructionYearRole.Continuing
        : ConstructionYearRole.None;

    private static ConstructionStatus StatusFrom(bool started, bool accepted, int suspensions, int resumptions) =>
        accepted ? ConstructionStatus.Completed
        : !started ? ConstructionStatus.NotStarted
        : suspensions > resumptions ? ConstructionStatus.Suspended
        : ConstructionStatus.UnderConstruction;
}

/// <summary>One move of the dispatch phase, dated, with its reason when it skipped or went back.</summary>
public class DispatchPhaseTransition : Entity
{
    private DispatchPhaseTransition() { }

    internal DispatchPhaseTransition(DispatchPhase? from, DispatchPhase to, DateOnly effectiveDate, string? reason, bool isOverride, Guid? recordedBy, DateTime recordedAt) =>
        (FromPhase, ToPhase, EffectiveDate, Reason, IsOverride, RecordedBy, RecordedAt) = (from, to, effectiveDate, reason, isOverride, recordedBy, recordedAt);

    public Guid ProjectId { get; private set; }
    public DispatchPhase? FromPhase { get; private set; }
    public DispatchPhase ToPhase { get; private set; }
    public DateOnly EffectiveDate { get; private set; }
    public string? Reason { get; private set; }
    public bool IsOverride { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public DateTime RecordedAt { get; private set; }
}

/// <summary>前期审批 items (手续): each with its approval date and document number.</summary>
public enum ApprovalKind
{
    [Display(Name = "立项备案")]
    ProjectFiling = 1,
    [Display(Name = "方案设计")]
    DesignScheme = 2,
    [Display(Name = "规划许可")]
    PlanningPermit = 3,
    [Display(Name = "用地手续")]
    LandUse = 4,
    [Display(Name = "施工许可")]
    ConstructionPermit = 5,
    [Display(Name = "环评")]
    EnvironmentalAssessment = 6,
    [Display(Name = "其他")]
    Other = 9,
}

public class ApprovalItem : Entity, ISoftDelete
{
    private ApprovalItem() { }

    internal ApprovalItem(ApprovalKind kind, string? name, DateOnly approvedOn, string? documentNumber) =>
        (Kind, Name, ApprovedOn, DocumentNumber) = (kind, name, approvedOn, documentNumber);

    public Guid ProjectId { get; private set; }
    public ApprovalKind Kind { get; private set; }
    /// <summary>The item's own name for 其他.</summary>
    public string? Name { get; private set; }
    public DateOnly ApprovedOn { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string? CorrectionNote { get; private set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    internal void NoteWithdrawal(string? reason) => CorrectionNote = Corrections.Note("撤回", reason);
}

/// <summary>
/// The four dispatch phases in order (docs/domain.md): 招商落地 → 前期审批 → 开工建设 → 竣工投产, from 落位 on. 开工建设 needs an
/// 开工 date and 竣工投产 a 竣工验收, whatever the permission; skipping or going back needs the override permission and a reason.
/// </summary>
public static class DispatchPhaseRules
{
    public static (bool IsOverride, string? Refusal) Decide(DispatchPhase? from, DispatchPhase to, bool landed, ConstructionStatus status, bool canOverride, string? reason)
    {
        if (!landed)
            return (false, "项目落位后才进入调度环节。");
        if (from == to)
            return (false, $"项目已处于“{to.ToDisplay()}”环节。");
        if (to == DispatchPhase.Construction && status == ConstructionStatus.NotStarted)
            return (false, "登记开工（施工许可证号或开工报告及日期）后才进入开工建设环节。");
        if (to == DispatchPhase.Operation && status != ConstructionStatus.Completed)
            return (false, "登记竣工验收后才进入竣工投产环节。");
        var isNext = from is null ? to == DispatchPhase.Landing : (int)to == (int)from.Value + 1;
        if (isNext)
            return (false, null);
        if (!canOverride)
            return (false, "跳过或回退调度环节需要“越级/回退阶段”权限。");
        if (string.IsNullOrWhiteSpace(reason))
            return (false, "跳过或回退调度环节须填写理由。");
        return (true, null);
    }
}

/// <summary>
/// 年度投资 (投资目标清单): the investment a project completed in one month, entered by its 招引单位 with who and when. The
/// year's plan is the year's record (<see cref="ProjectYearFlag.PlannedYearYuan"/>); a month is entered once and corrected
/// with a reason.
/// </summary>
public class ProjectInvestment : Entity
{
    private ProjectInvestment() { }

    internal ProjectInvestment(int year, int month, decimal completedYuan, Guid? recordedBy, DateTime recordedAt) =>
        (Year, Month, CompletedYuan, RecordedBy, RecordedAt) = (year, month, completedYuan, recordedBy, recordedAt);

    public Guid ProjectId { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public decimal CompletedYuan { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string? CorrectionNote { get; private set; }

    internal void Correct(decimal completedYuan, string? reason, Guid? by, DateTime at)
    {
        CorrectionNote = Corrections.Note("更正", reason);
        (CompletedYuan, RecordedBy, RecordedAt) = (completedYuan, by, at);
    }

    /// <summary>Completed ÷ plan, and that rate against the year's 序时进度 (<see cref="Figures.TimeProgress"/>), in percent and points.</summary>
    public static (decimal? OfPlan, decimal? AgainstSchedule) Rates(decimal completedYuan, decimal? plannedYuan, Figures.TimeProgress progress) =>
        plannedYuan is > 0 and { } plan
            ? (completedYuan * 100m / plan, progress.CompletedMonths == 0 ? null : completedYuan * 100m / plan - progress.Percent)
            : (null, null);
}
