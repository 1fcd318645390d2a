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
    bool HasLeadDepartment);

/// <summary>
/// The stage gates of DESIGN §2.3. The main line moves one step at a time, each step on its evidence; skipping
/// ahead or going back needs the override permission and a written reason (the target's evidence is still
/// required when moving forward). 暂停 and 终止 need a reason; a suspended project resumes where it was.
/// </summary>
public static class StageGates
{
    /// <summary>Null when the move is allowed, otherwise the Chinese reason it is refused.</summary>
    public static string? Check(ProjectStage from, ProjectStage to, ProjectStage? resumeStage, StageEvidence evidence, bool canOverride, string? reason)
    {
        var hasReason = !string.IsNullOrWhiteSpace(reason);
        if (from == to)
            return $"项目已处于“{to.ToDisplay()}”阶段。";
        if (to is ProjectStage.Suspended or ProjectStage.Terminated)
        {
            if (from == ProjectStage.Terminated)
                return "已终止的项目不能再变更阶段。";
            return hasReason ? null : $"转为“{to.ToDisplay()}”必须填写原因。";
        }
        if (from == ProjectStage.Terminated && !canOverride)
            return "已终止的项目不能再变更阶段（需要“越级/回退阶段”权限并填写理由）。";

        var origin = from == ProjectStage.Suspended ? resumeStage ?? ProjectStage.Reserve : from;
        var step = Index(to) - Index(origin);
        var regularMove = from == ProjectStage.Suspended ? step is 0 or 1 : step == 1;
        if (!regularMove)
        {
            if (!canOverride)
                return step > 1
                    ? $"不能从“{origin.ToDisplay()}”直接跳到“{to.ToDisplay()}”：越级需要“越级/回退阶段”权限。"
                    : $"不能从“{origin.ToDisplay()}”退回“{to.ToDisplay()}”：回退需要“越级/回退阶段”权限。";
            if (!hasReason)
                return "越级或回退阶段必须填写理由。";
        }
        return step > 0 ? MissingEvidence(to, evidence) : null;
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

/// <summary>Currencies the finance bureau keeps exchange rates for; anything else is refused at entry.</summary>
public static class Currencies
{
    public static readonly IReadOnlyList<(string Code, string Name)> Known =
    [
        ("CNY", "人民币"), ("USD", "美元"), ("EUR", "欧元"), ("JPY", "日元"), ("KRW", "韩元"), ("HKD", "港元"),
        ("MOP", "澳门元"), ("TWD", "新台币"), ("GBP", "英镑"), ("SGD", "新加坡元"), ("AUD", "澳大利亚元"), ("CAD", "加拿大元"), ("CHF", "瑞士法郎"),
    ];

    public static bool IsKnown(string? code) => code is not null && Known.Any(c => c.Code == code.Trim().ToUpperInvariant());
}
