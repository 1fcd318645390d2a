namespace InvestmentCrm.Projects;

/// <summary>
/// What a project has on record, as of the effective date of a stage move (evidence dated later does not count,
/// so that a back-dated move cannot lean on something that did not exist yet).
/// </summary>
public sealed record StageEvidence(
    bool HasNegotiationWithInvestor,
    bool HasFormalContract,
    bool HasLandingEvidence,
    bool HasVerifiedTranche,
    bool HasLeadDepartment)
{
    /// <summary>Every kind of evidence present: for history recorded from elsewhere (demo data, test builders).</summary>
    public static readonly StageEvidence OnRecord = new(true, true, true, true, true);
}

/// <summary>
/// What the gates decided about one move: refused with the Chinese reason, or allowed — and then whether it is an
/// override (skip, going back, leaving 终止, or back-dated before the last move), which needs the override permission and
/// a written reason. <see cref="Project.MoveTo(StageDecision, DateTime, Guid?)"/> records exactly this decision.
/// </summary>
public sealed record StageDecision
{
    internal StageDecision(ProjectStage from, ProjectStage to, DateOnly effectiveDate, string? reason, bool isOverride, string? refusal) =>
        (From, To, EffectiveDate, Reason, IsOverride, Refusal) = (from, to, effectiveDate, reason, isOverride, refusal);

    public ProjectStage From { get; }
    public ProjectStage To { get; }
    public DateOnly EffectiveDate { get; }
    public string? Reason { get; }
    public bool IsOverride { get; }
    /// <summary>Null when the move is allowed, otherwise the Chinese reason it is refused.</summary>
    public string? Refusal { get; }
    public bool IsAllowed => Refusal is null;
}

/// <summary>
/// The stage gates of docs/domain.md. The main line moves one step at a time, each step on its evidence; skipping
/// ahead, going back, reopening a terminated project or back-dating before the last move needs the override
/// permission and a written reason (the target's evidence is still required when moving forward). 暂停 and 终止
/// need a reason; a suspended project resumes where it was.
/// </summary>
public static class StageGates
{
    public static StageDecision Decide(
        ProjectStage from, ProjectStage to, ProjectStage? resumeStage, DateOnly effectiveDate, DateOnly? lastEffectiveDate,
        StageEvidence evidence, bool canOverride, string? reason)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        StageDecision Refused(string refusal) => new(from, to, effectiveDate, reason, false, refusal);

        if (from == to)
            return Refused($"项目已处于“{to.ToDisplay()}”阶段。");
        var backDated = lastEffectiveDate is { } last && effectiveDate < last;
        var backDatedRefusal = $"生效日期 {effectiveDate:yyyy-MM-dd} 早于上一次阶段变更（{lastEffectiveDate:yyyy-MM-dd}）：需要“越级/回退阶段”权限并填写理由。";

        bool needsOverride;
        string overrideRefusal;
        string? missing = null;
        if (to is ProjectStage.Suspended or ProjectStage.Terminated)
        {
            if (from == ProjectStage.Terminated)
                return Refused("已终止的项目不能再变更阶段。");
            if (reason is null)
                return Refused($"转为“{to.ToDisplay()}”必须填写原因。");
            (needsOverride, overrideRefusal) = (backDated, backDatedRefusal);
        }
        else if (from == ProjectStage.Terminated)
        {
            (needsOverride, overrideRefusal) = (true, "已终止的项目不能再变更阶段（需要“越级/回退阶段”权限并填写理由）。");
            missing = MissingEvidence(to, evidence);
        }
        else
        {
            var origin = from == ProjectStage.Suspended ? resumeStage ?? ProjectStage.Reserve : from;
            var step = Index(to) - Index(origin);
            var regularStep = from == ProjectStage.Suspended ? step is 0 or 1 : step == 1;
            needsOverride = !regularStep || backDated;
            overrideRefusal = regularStep ? backDatedRefusal
                : step > 1 ? $"不能从“{origin.ToDisplay()}”直接跳到“{to.ToDisplay()}”：越级需要“越级/回退阶段”权限。"
                : $"不能从“{origin.ToDisplay()}”退回“{to.ToDisplay()}”：回退需要“越级/回退阶段”权限。";
            missing = step > 0 ? MissingEvidence(to, evidence) : null;
        }

        if (needsOverride && !canOverride)
            return Refused(overrideRefusal);
        if (needsOverride && reason is null)
            return Refused("越级或回退阶段必须填写理由。");
        return missing is null ? new(from, to, effectiveDate, reason, needsOverride, null) : Refused(missing);
    }

    private static string? MissingEvidence(ProjectStage to, StageEvidence evidence) => to switch
    {
        ProjectStage.Negotiating when !evidence.HasNegotiationWithInvestor =>
            "进入“在谈”需要至少一条写明投资方企业的走访/洽谈记录（日期不晚于生效日期）。",
        ProjectStage.Signed when !evidence.HasFormalContract =>
            "进入“签约”需要一份正式投资合同（编号、签约日期、双方、合同内资/外资金额，签约日期不晚于生效日期）。",
        ProjectStage.Signed when !evidence.HasLeadDepartment =>
            "进入“签约”前必须确定招引单位。",
        ProjectStage.Landed when !evidence.HasLandingEvidence =>
            "进入“落位”需要落位凭证（区内营业执照、土地出让合同/成交确认书或楼宇租赁购置合同）及其日期。",
        ProjectStage.Funded when !evidence.HasVerifiedTranche =>
            "进入“到位”需要至少一笔已认定的到位资金（到位日期不晚于生效日期）。",
        _ => null,
    };

    private static int Index(ProjectStage stage) => Array.IndexOf(ProjectNames.MainLine, stage);
}


/// <summary>
/// The 风险 mark (docs/domain.md): a project still in progress (anything but 终止) whose referring intermediary has been
/// put on the blacklist. Shown on the project list, the project page and the figures' drill-downs; its funds go to the
/// assessor for review in the appraisal.
/// </summary>
public static class ReferrerRisk
{
    public const string Note = "风险：引荐中介已列入黑名单";

    public static string? For(ProjectStage stage, bool referrerBlacklisted) =>
        referrerBlacklisted && stage != ProjectStage.Terminated ? Note : null;
}
