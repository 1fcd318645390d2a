using InvestmentCrm.Common;

namespace InvestmentCrm.Projects;

/// <summary>
/// 招商项目 — the lead and the project are one record; the stage tells them apart (docs/domain.md).
/// Every stage change is kept with its effective business date apart from when it was recorded,
/// so that figures "as of" a past date are reproducible.
/// </summary>
public class Project : AggregateRoot, ISoftDelete
{
    private readonly List<ProjectStageTransition> _stageTransitions = [];
    private readonly List<ProjectContributor> _contributors = [];
    private readonly List<ProjectCompany> _companies = [];
    private readonly List<ProjectYearFlag> _yearFlags = [];
    private readonly List<LandingEvidence> _landingEvidence = [];
    private readonly List<ProjectMilestone> _milestones = [];
    private readonly List<ConstructionEvent> _constructionEvents = [];
    private readonly List<DispatchPhaseTransition> _phaseTransitions = [];
    private readonly List<ApprovalItem> _approvalItems = [];
    private readonly List<ProjectInvestment> _investments = [];

    private Project() { Name = ""; Industry = ""; }

    public Project(string name, ProjectType type, string industry, DateOnly registeredOn, Guid? recordedBy, DateTime recordedAt)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("项目名称不能为空。") : name.Trim();
        Type = type;
        Industry = industry;
        Stage = ProjectStage.Reserve;
        PlannedDomestic = Money.Zero(Money.Cny);
        PlannedForeign = Money.Zero(Money.Usd);
        _stageTransitions.Add(new ProjectStageTransition(null, ProjectStage.Reserve, registeredOn, recordedAt, recordedBy, null, false));
    }

    public string Name { get; set; }
    public string? Aliases { get; set; }
    public ProjectType Type { get; set; }
    /// <summary>Two-level industry “一级/二级” from docs/domain.md.</summary>
    public string Industry { get; set; }
    /// <summary>Planned 内资, in CNY.</summary>
    public Money PlannedDomestic { get; set; }
    /// <summary>Planned 外资, usually USD.</summary>
    public Money PlannedForeign { get; set; }
    /// <summary>集聚区 / 街区 / 载体 (docs/domain.md).</summary>
    public string? TargetLocation { get; set; }
    /// <summary>招商方式 (docs/domain.md).</summary>
    public string? SourceChannel { get; set; }
    public Guid? ReferrerCompanyId { get; set; }
    public string? ReferrerName { get; set; }
    public bool IsGreenChannel { get; set; }

    public ProjectStage Stage { get; private set; }

    /// <summary>The main-line stage a suspended project returns to (the stage it was suspended from).</summary>
    /// <remarks>Moves recorded in the same instant (one save, an import) are ordered by their effective dates.</remarks>
    public ProjectStage? ResumeStage => Stage == ProjectStage.Suspended
        ? _stageTransitions.Where(t => t.ToStage == ProjectStage.Suspended).OrderBy(t => t.RecordedAt).ThenBy(t => t.EffectiveDate).LastOrDefault()?.FromStage
        : null;
    /// <summary>The current 调度环节; changed only through <see cref="ChangeDispatchPhase"/> and the construction record.</summary>
    public DispatchPhase? DispatchPhase { get; private set; }

    /// <summary>招引单位 — the one department credited (required from 签约 on).</summary>
    public Guid? LeadDepartmentId { get; set; }

    /// <summary>At 签约 or later, or once entered 签约 (a terminated signed project too): from then on it is credited to a 招引单位.</summary>
    public bool HasBeenSigned => Stage is ProjectStage.Signed or ProjectStage.Landed or ProjectStage.Funded
        || _stageTransitions.Any(t => t.ToStage == ProjectStage.Signed);

    /// <summary>The 招引单位 credited with the project (counted once, docs/domain.md); required from 签约 on.</summary>
    public void AssignLeadDepartment(Guid? departmentId)
    {
        if (departmentId is null && HasBeenSigned) throw new DomainException("项目已签约，必须确定招引单位。");
        LeadDepartmentId = departmentId;
    }
    /// <summary>包保领导 for key projects.</summary>
    public Guid? ResponsibleLeaderId { get; set; }
    /// <summary>部门秘书.</summary>
    public Guid? DepartmentSecretaryId { get; set; }
    /// <summary>属地秘书.</summary>
    public Guid? LocalSecretaryId { get; set; }

    public IReadOnlyCollection<ProjectStageTransition> StageTransitions => _stageTransitions;
    public IReadOnlyCollection<ProjectContributor> Contributors => _contributors;
    public IReadOnlyCollection<ProjectCompany> Companies => _companies;
    public IReadOnlyCollection<ProjectYearFlag> YearFlags => _yearFlags;
    public IReadOnlyCollection<LandingEvidence> LandingEvidence => _landingEvidence;
    public IReadOnlyCollection<ProjectMilestone> Milestones => _milestones;

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    /// <summary>
    /// The gates' decision on a move of this project (<see cref="StageGates"/>). The evidence (visits, contracts,
    /// tranches are other aggregates) is gathered by the pipeline use case.
    /// </summary>
    public StageDecision DecideMove(ProjectStage to, DateOnly effectiveDate, StageEvidence evidence, bool canOverride, string? reason) =>
        StageGates.Decide(Stage, to, ResumeStage, effectiveDate, _stageTransitions.MaxBy(t => t.EffectiveDate)?.EffectiveDate, evidence, canOverride, reason);

    /// <summary>Records exactly what the gates decided: the move, whether it was an override, and its reason.</summary>
    public ProjectStageTransition MoveTo(StageDecision decision, DateTime recordedAt, Guid? recordedBy)
    {
        if (decision.Refusal is { } refusal)
            throw new DomainException(refusal);
        if (decision.From != Stage)
            throw new DomainException("项目阶段已被他人变更，请刷新后重试。");
        var transition = new ProjectStageTransition(Stage, decision.To, decision.EffectiveDate, recordedAt, recordedBy, decision.Reason, decision.IsOverride);
        _stageTransitions.Add(transition);
        Stage = decision.To;
        if (decision.To == ProjectStage.Landed && DispatchPhase is null)
        {
            DispatchPhase = Projects.DispatchPhase.Landing;
            _phaseTransitions.Add(new DispatchPhaseTransition(null, Projects.DispatchPhase.Landing, decision.EffectiveDate, null, false, recordedBy, recordedAt));
        }
        return transition;
    }

    /// <summary>
    /// Records history whose evidence is on record elsewhere (demo data, test builders): the same gates decide, with
    /// the evidence taken as present.
    /// </summary>
    public ProjectStageTransition MoveTo(ProjectStage to, DateOnly effectiveDate, DateTime recordedAt, Guid? recordedBy, string? reason = null, bool canOverride = false) =>
        MoveTo(DecideMove(to, effectiveDate, StageEvidence.OnRecord, canOverride, reason), recordedAt, recordedBy);

    public void AddCompany(Guid companyId, ProjectCompanyRole role)
    {
        if (_companies.Any(c => c.CompanyId == companyId && c.Role == role))
            return;
        _companies.Add(new ProjectCompany(companyId, role));
    }

    /// <summary>A duplicate company was merged into another: its links become the survivor's (one per role).</summary>
    public void ReplaceCompany(Guid from, Guid to)
    {
        foreach (var link in _companies.Where(c => c.CompanyId == from).ToList())
        {
            _companies.Remove(link);
            AddCompany(to, link.Role);
        }
        if (ReferrerCompanyId == from)
            ReferrerCompanyId = to;
    }

    /// <summary>Replaces the contributors; their weights must add up to exactly 100 %.</summary>
    public void SetContributors(IReadOnlyCollection<(Guid UserId, ContributorRole Role, decimal WeightPercent)> contributors)
    {
        if (contributors.Count > 0 && contributors.Sum(c => c.WeightPercent) != 100m)
            throw new DomainException($"贡献人权重合计必须为 100%，当前为 {contributors.Sum(c => c.WeightPercent):0.##}%。");
        if (contributors.Any(c => c.WeightPercent <= 0))
            throw new DomainException("贡献人权重必须大于 0。");
        _contributors.Clear();
        _contributors.AddRange(contributors.Select(c => new ProjectContributor(c.UserId, c.Role, c.WeightPercent)));
    }

    public void SetYearFlag(int year, bool isKeyProject, bool isContinuing) => Flag(year).Set(isKeyProject, isContinuing);

    /// <summary>
    /// The project's place in a year's 项目盘子 (docs/domain.md, "项目建设"): 重点 by listing, 新建 or 续建 (exactly one for a key
    /// project), 重大项目, 包装策划, 计划总投资 and the year's 计划投资. Each year is its own record: 2022's list is not 2023's.
    /// </summary>
    public ProjectYearFlag SetYearPool(int year, bool isKeyProject, bool isNewBuild, bool isContinuing, bool isMajor, bool isPackaged,
        decimal? plannedTotalYuan, decimal? plannedYearYuan)
    {
        if (isNewBuild && isContinuing)
            throw new DomainException("同一年度只能是新建或续建之一，不能两者都选。");
        if (isKeyProject && !isNewBuild && !isContinuing)
            throw new DomainException("重点项目须注明本年度是新建还是续建。");
        if (plannedTotalYuan < 0 || plannedYearYuan < 0)
            throw new DomainException("计划投资不能为负数。");
        if (plannedTotalYuan is { } total && plannedYearYuan > total)
            throw new DomainException("年度计划投资不能超过计划总投资。");
        var flag = Flag(BusinessDates.EnsureYear(year));
        flag.Set(isKeyProject, isContinuing);
        flag.SetPool(isMajor, isPackaged, plannedTotalYuan, plannedYearYuan);
        return flag;
    }

    private ProjectYearFlag Flag(int year)
    {
        if (_yearFlags.FirstOrDefault(f => f.Year == year) is { } existing)
            return existing;
        var flag = new ProjectYearFlag(year, false, false);
        _yearFlags.Add(flag);
        return flag;
    }

    public IReadOnlyList<ConstructionEvent> ConstructionEvents => _constructionEvents;
    public IReadOnlyList<DispatchPhaseTransition> PhaseTransitions => _phaseTransitions;
    public IReadOnlyList<ApprovalItem> ApprovalItems => _approvalItems;

    /// <summary>The effective date of the first 落位, if the project ever landed.</summary>
    public DateOnly? LandedOn => _stageTransitions.Where(t => t.ToStage == ProjectStage.Landed).Select(t => (DateOnly?)t.EffectiveDate).Min();

    public ConstructionStatus ConstructionStatusAsOf(DateOnly asOf) => ConstructionRules.StatusAsOf(_constructionEvents, asOf);

    /// <summary>
    /// Records a construction event under <see cref="ConstructionRules"/>. The dispatch phase follows: 开工 brings a project
    /// still in 招商落地 or 前期审批 to 开工建设, 竣工验收 one in 开工建设 to 竣工投产 (each a move in the phase history).
    /// </summary>
    public ConstructionEvent RecordConstruction(ConstructionEventKind kind, DateOnly effectiveDate, string? evidence, string? reason, Guid? recordedBy, DateTime recordedAt, DateOnly today)
    {
        if (ConstructionRules.Refusal(_constructionEvents, kind, effectiveDate, evidence, reason, LandedOn, today) is { } refusal)
            throw new DomainException(refusal);
        var recorded = new ConstructionEvent(kind, effectiveDate, evidence?.Trim(), reason?.Trim(), recordedBy, recordedAt);
        _constructionEvents.Add(recorded);
        var follows = kind switch
        {
            ConstructionEventKind.Started when DispatchPhase is null or Projects.DispatchPhase.Landing or Projects.DispatchPhase.PreApproval => Projects.DispatchPhase.Construction,
            ConstructionEventKind.Accepted when DispatchPhase == Projects.DispatchPhase.Construction => Projects.DispatchPhase.Operation,
            _ => (DispatchPhase?)null,
        };
        if (follows is { } phase)
        {
            _phaseTransitions.Add(new DispatchPhaseTransition(DispatchPhase, phase, effectiveDate, $"随{kind.ToDisplay()}", false, recordedBy, recordedAt));
            DispatchPhase = phase;
        }
        return recorded;
    }

    /// <summary>撤回 of the latest construction event with the reason (only the latest: the rest of the history follows from it).</summary>
    public void WithdrawConstructionEvent(Guid eventId, string? reason)
    {
        var latest = _constructionEvents.OrderBy(e => e.EffectiveDate).ThenBy(e => e.RecordedAt).LastOrDefault();
        var target = _constructionEvents.FirstOrDefault(e => e.Id == eventId) ?? throw new NotFoundException("建设状态记录不存在。");
        if (target != latest)
            throw new DomainException("只能撤回最近一次建设状态变更。");
        target.NoteWithdrawal(reason);
        _constructionEvents.Remove(target);
    }

    /// <summary>Moves the dispatch phase under <see cref="DispatchPhaseRules"/>, kept in the phase history.</summary>
    public DispatchPhaseTransition ChangeDispatchPhase(DispatchPhase to, DateOnly effectiveDate, string? reason, bool canOverride, Guid? recordedBy, DateTime recordedAt)
    {
        if (LandedOn is { } landedOn && effectiveDate < landedOn)
            throw new DomainException($"生效日期 {effectiveDate:yyyy-MM-dd} 早于落位日期 {landedOn:yyyy-MM-dd}。");
        if (_phaseTransitions.Count > 0 && effectiveDate < _phaseTransitions.Max(t => t.EffectiveDate))
            throw new DomainException($"生效日期 {effectiveDate:yyyy-MM-dd} 早于上一次调度环节变更（{_phaseTransitions.Max(t => t.EffectiveDate):yyyy-MM-dd}）。");
        var (isOverride, refusal) = DispatchPhaseRules.Decide(DispatchPhase, to, LandedOn is not null, ConstructionStatusAsOf(effectiveDate), canOverride, reason);
        if (refusal is not null)
            throw new DomainException(refusal);
        var transition = new DispatchPhaseTransition(DispatchPhase, to, effectiveDate, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), isOverride, recordedBy, recordedAt);
        _phaseTransitions.Add(transition);
        DispatchPhase = to;
        return transition;
    }

    public IReadOnlyList<ProjectInvestment> Investments => _investments;

    /// <summary>
    /// The investment completed in a month (年度投资). A month already entered is corrected only with a reason; a month
    /// after <paramref name="today"/> cannot be entered yet, nor one before 落位.
    /// </summary>
    public ProjectInvestment RecordInvestment(int year, int month, decimal completedYuan, string? correctionReason, Guid? by, DateTime at, DateOnly today)
    {
        if (month is < 1 or > 12)
            throw new DomainException("月份应在 1 到 12 之间。");
        var first = new DateOnly(BusinessDates.EnsureYear(year), month, 1);
        if (first > today)
            throw new DomainException("不能登记尚未到来的月份。");
        if (LandedOn is not { } landedOn || first.AddMonths(1) <= landedOn)
            throw new DomainException("落位之后的月份才登记年度投资。");
        if (completedYuan < 0)
            throw new DomainException("完成投资不能为负数。");
        if (_investments.FirstOrDefault(i => i.Year == year && i.Month == month) is { } existing)
        {
            existing.Correct(completedYuan, correctionReason, by, at);
            return existing;
        }
        var entry = new ProjectInvestment(year, month, completedYuan, by, at);
        _investments.Add(entry);
        return entry;
    }

    /// <summary>A 前期审批 item (方案设计, 规划许可, 施工许可 …) with its approval date.</summary>
    public ApprovalItem AddApprovalItem(ApprovalKind kind, string? name, DateOnly approvedOn, string? documentNumber)
    {
        if (LandedOn is null)
            throw new DomainException("项目落位后才登记前期审批手续。");
        if (kind == ApprovalKind.Other && string.IsNullOrWhiteSpace(name))
            throw new DomainException("“其他”手续须填写名称。");
        var item = new ApprovalItem(kind, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), approvedOn, string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim());
        _approvalItems.Add(item);
        return item;
    }

    public ProjectMilestone AddMilestone(DispatchPhase phase, string title, DateOnly plannedDate)
    {
        var milestone = new ProjectMilestone(phase, title, plannedDate);
        _milestones.Add(milestone);
        return milestone;
    }

    public void CompleteMilestone(Guid milestoneId, DateOnly on) =>
        (_milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new NotFoundException("里程碑不存在。")).Complete(on);

    /// <summary>更正 of a landing evidence with the reason.</summary>
    public void CorrectLandingEvidence(Guid evidenceId, LandingEvidenceKind kind, DateOnly date, string? documentNumber, string? reason) =>
        Evidence(evidenceId).Correct(kind, date, documentNumber, reason);

    /// <summary>撤回 of a landing evidence with the reason: it no longer supports a stage move (the row stays, soft-deleted).</summary>
    public void WithdrawLandingEvidence(Guid evidenceId, string? reason)
    {
        var evidence = Evidence(evidenceId);
        evidence.NoteWithdrawal(reason);
        _landingEvidence.Remove(evidence);
    }

    /// <summary>更正 of a milestone (title, phase, planned and actual date) with the reason.</summary>
    public void CorrectMilestone(Guid milestoneId, DispatchPhase phase, string title, DateOnly plannedDate, DateOnly? actualDate, string? reason) =>
        Milestone(milestoneId).Correct(phase, title, plannedDate, actualDate, reason);

    /// <summary>撤回 of a milestone with the reason (the row stays, soft-deleted).</summary>
    public void WithdrawMilestone(Guid milestoneId, string? reason)
    {
        var milestone = Milestone(milestoneId);
        milestone.NoteWithdrawal(reason);
        _milestones.Remove(milestone);
    }

    private LandingEvidence Evidence(Guid id) => _landingEvidence.FirstOrDefault(e => e.Id == id) ?? throw new NotFoundException("落位凭证不存在。");

    private ProjectMilestone Milestone(Guid id) => _milestones.FirstOrDefault(m => m.Id == id) ?? throw new NotFoundException("里程碑不存在。");

    public LandingEvidence AddLandingEvidence(LandingEvidenceKind kind, DateOnly date, string? documentNumber, string? note)
    {
        var evidence = new LandingEvidence(kind, date, documentNumber, note);
        _landingEvidence.Add(evidence);
        return evidence;
    }
}

/// <summary>One stage change: effective business date (may be back-filled) and when/by whom it was recorded.</summary>
public class ProjectStageTransition : Entity
{
    private ProjectStageTransition() { }

    internal ProjectStageTransition(ProjectStage? from, ProjectStage to, DateOnly effectiveDate, DateTime recordedAt, Guid? recordedBy, string? reason, bool isOverride)
    {
        (FromStage, ToStage, EffectiveDate, RecordedAt, RecordedBy, Reason, IsOverride) =
            (from, to, effectiveDate, recordedAt, recordedBy, reason, isOverride);
    }

    public Guid ProjectId { get; private set; }
    public ProjectStage? FromStage { get; private set; }
    public ProjectStage ToStage { get; private set; }
    public DateOnly EffectiveDate { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public string? Reason { get; private set; }
    public bool IsOverride { get; private set; }
}

/// <summary>A person credited for a project (人人都是招商主体); weights of a project add up to 100 %.</summary>
public class ProjectContributor : Entity
{
    private ProjectContributor() { }

    internal ProjectContributor(Guid userId, ContributorRole role, decimal weightPercent) =>
        (UserId, Role, WeightPercent) = (userId, role, weightPercent);

    public Guid ProjectId { get; private set; }
    public Guid UserId { get; private set; }
    public ContributorRole Role { get; private set; }
    public decimal WeightPercent { get; private set; }
}

public class ProjectCompany : Entity
{
    private ProjectCompany() { }

    internal ProjectCompany(Guid companyId, ProjectCompanyRole role) => (CompanyId, Role) = (companyId, role);

    public Guid ProjectId { get; private set; }
    public Guid CompanyId { get; private set; }
    public ProjectCompanyRole Role { get; private set; }
}

/// <summary>Per-year attributes: 重点项目 (threshold is configured per year) and 新建/续建.</summary>
public class ProjectYearFlag : Entity
{
    private ProjectYearFlag() { }

    internal ProjectYearFlag(int year, bool isKeyProject, bool isContinuing) =>
        (Year, IsKeyProject, IsContinuing) = (year, isKeyProject, isContinuing);

    public Guid ProjectId { get; private set; }
    public int Year { get; private set; }
    public bool IsKeyProject { get; private set; }
    /// <summary>续建 when true, 新建 otherwise.</summary>
    public bool IsContinuing { get; private set; }

    /// <summary>重大项目 of the year (docs/figures.md).</summary>
    public bool IsMajor { get; private set; }
    /// <summary>包装策划 of an 在谈重点项目: the 盘子 counts how many of them landed.</summary>
    public bool IsPackaged { get; private set; }
    /// <summary>计划总投资 in 元 (null: the planned 内资 stands for it).</summary>
    public decimal? PlannedTotalYuan { get; private set; }
    /// <summary>The year's 计划投资 in 元 (投资目标清单).</summary>
    public decimal? PlannedYearYuan { get; private set; }

    internal void Set(bool isKeyProject, bool isContinuing) => (IsKeyProject, IsContinuing) = (isKeyProject, isContinuing);

    internal void SetPool(bool isMajor, bool isPackaged, decimal? plannedTotalYuan, decimal? plannedYearYuan) =>
        (IsMajor, IsPackaged, PlannedTotalYuan, PlannedYearYuan) = (isMajor, isPackaged, plannedTotalYuan, plannedYearYuan);
}

/// <summary>落位 evidence: business licence in the district, land contract / 摘牌, or lease/purchase of space.</summary>
public class LandingEvidence : Entity, ISoftDelete
{
    private LandingEvidence() { }

    internal LandingEvidence(LandingEvidenceKind kind, DateOnly date, string? documentNumber, string? note) =>
        (Kind, Date, DocumentNumber, Note) = (kind, date, documentNumber, note);

    /// <summary>更正 with the reason (<see cref="Corrections"/>).</summary>
    internal void Correct(LandingEvidenceKind kind, DateOnly date, string? documentNumber, string? reason)
    {
        var note = Corrections.Note("更正", reason);
        if (string.IsNullOrWhiteSpace(documentNumber)) throw new DomainException("请填写凭证编号（营业执照号、合同编号或成交确认书编号）。");
        (Kind, Date, DocumentNumber, CorrectionNote) = (kind, date, documentNumber.Trim(), note);
    }

    internal void NoteWithdrawal(string? reason) => CorrectionNote = Corrections.Note("撤回", reason);

    /// <summary>The last 更正/撤回 and why.</summary>
    public string? CorrectionNote { get; private set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    public Guid ProjectId { get; private set; }
    public LandingEvidenceKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string? Note { get; private set; }
}
