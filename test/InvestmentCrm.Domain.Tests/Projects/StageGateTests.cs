using InvestmentCrm.Common;
using InvestmentCrm.Projects;

namespace InvestmentCrm.Domain.Tests.Projects;

public class StageGateTests
{
    private static readonly StageEvidence Nothing = new(false, false, false, false, false);
    private static readonly StageEvidence Everything = new(true, true, true, true, true);

    private static readonly DateOnly On = new(2026, 6, 1);

    private static StageDecision Decide(ProjectStage from, ProjectStage to, StageEvidence evidence, bool canOverride = false, string? reason = null, ProjectStage? resume = null) =>
        StageGates.Decide(from, to, resume, On, On.AddDays(-30), evidence, canOverride, reason);

    private static string? Check(ProjectStage from, ProjectStage to, StageEvidence evidence, bool canOverride = false, string? reason = null, ProjectStage? resume = null) =>
        Decide(from, to, evidence, canOverride, reason, resume).Refusal;

    [Theory]
    [InlineData(ProjectStage.Reserve, ProjectStage.Negotiating, "进入“在谈”需要至少一条写明投资方企业的走访/洽谈记录")]
    [InlineData(ProjectStage.Negotiating, ProjectStage.Signed, "进入“签约”需要一份正式投资合同")]
    [InlineData(ProjectStage.Signed, ProjectStage.Landed, "进入“落位”需要落位凭证")]
    [InlineData(ProjectStage.Landed, ProjectStage.Funded, "进入“到位”需要至少一笔已认定的到位资金")]
    public void Each_step_of_the_main_line_needs_its_evidence(ProjectStage from, ProjectStage to, string missing)
    {
        Check(from, to, Nothing)!.ShouldStartWith(missing);
        Check(from, to, Everything).ShouldBeNull();
    }

    [Fact]
    public void Each_gate_looks_at_its_own_evidence_only()
    {
        Check(ProjectStage.Reserve, ProjectStage.Negotiating, Nothing with { HasNegotiationWithInvestor = true }).ShouldBeNull();
        Check(ProjectStage.Negotiating, ProjectStage.Signed, Nothing with { HasFormalContract = true, HasLeadDepartment = true }).ShouldBeNull();
        Check(ProjectStage.Signed, ProjectStage.Landed, Nothing with { HasLandingEvidence = true }).ShouldBeNull();
        Check(ProjectStage.Landed, ProjectStage.Funded, Nothing with { HasVerifiedTranche = true }).ShouldBeNull();
    }

    [Fact]
    public void Signing_needs_a_lead_department_as_well_as_the_contract()
    {
        Check(ProjectStage.Negotiating, ProjectStage.Signed, Everything with { HasLeadDepartment = false }).ShouldBe("进入“签约”前必须确定招引单位。");
    }

    [Fact]
    public void Skipping_ahead_needs_the_override_permission_a_reason_and_still_the_targets_evidence()
    {
        Check(ProjectStage.Reserve, ProjectStage.Signed, Everything)!.ShouldContain("越级需要“越级/回退阶段”权限");
        Check(ProjectStage.Reserve, ProjectStage.Signed, Everything, canOverride: true).ShouldBe("越级或回退阶段必须填写理由。");
        Check(ProjectStage.Reserve, ProjectStage.Signed, Nothing, canOverride: true, reason: "在谈记录未录入，补录合同")!.ShouldStartWith("进入“签约”需要一份正式投资合同");
        Check(ProjectStage.Reserve, ProjectStage.Signed, Everything, canOverride: true, reason: "在谈记录未录入，补录合同").ShouldBeNull();
    }

    [Fact]
    public void Going_back_needs_the_override_permission_and_a_reason_but_no_evidence()
    {
        Check(ProjectStage.Landed, ProjectStage.Signed, Nothing)!.ShouldContain("回退需要“越级/回退阶段”权限");
        Check(ProjectStage.Landed, ProjectStage.Signed, Nothing, canOverride: true).ShouldBe("越级或回退阶段必须填写理由。");
        Check(ProjectStage.Landed, ProjectStage.Signed, Nothing, canOverride: true, reason: "营业执照登记在区外，撤销落位").ShouldBeNull();
    }

    [Fact]
    public void Suspending_and_terminating_need_a_reason_and_a_terminated_project_stays_terminated()
    {
        Check(ProjectStage.Signed, ProjectStage.Suspended, Nothing).ShouldBe("转为“暂停”必须填写原因。");
        Check(ProjectStage.Signed, ProjectStage.Suspended, Nothing, reason: "投资方内部调整").ShouldBeNull();
        Check(ProjectStage.Signed, ProjectStage.Terminated, Nothing, reason: "协议解除").ShouldBeNull();
        Check(ProjectStage.Terminated, ProjectStage.Suspended, Nothing, reason: "x").ShouldBe("已终止的项目不能再变更阶段。");
        Check(ProjectStage.Terminated, ProjectStage.Signed, Everything)!.ShouldStartWith("已终止的项目不能再变更阶段");
    }

    [Fact]
    public void A_suspended_project_resumes_where_it_was_or_one_step_further()
    {
        Check(ProjectStage.Suspended, ProjectStage.Negotiating, Nothing, resume: ProjectStage.Negotiating).ShouldBeNull();
        Check(ProjectStage.Suspended, ProjectStage.Signed, Everything, resume: ProjectStage.Negotiating).ShouldBeNull();
        Check(ProjectStage.Suspended, ProjectStage.Signed, Nothing, resume: ProjectStage.Negotiating)!.ShouldStartWith("进入“签约”需要");
        Check(ProjectStage.Suspended, ProjectStage.Funded, Everything, resume: ProjectStage.Negotiating)!.ShouldContain("越级");
    }

    [Fact]
    public void Reopening_a_terminated_project_is_an_override_that_needs_the_permission_and_a_reason()
    {
        Check(ProjectStage.Terminated, ProjectStage.Reserve, Nothing)!.ShouldStartWith("已终止的项目不能再变更阶段");
        Check(ProjectStage.Terminated, ProjectStage.Reserve, Nothing, canOverride: true).ShouldBe("越级或回退阶段必须填写理由。");
        Check(ProjectStage.Terminated, ProjectStage.Signed, Nothing, canOverride: true, reason: "重新签约")!.ShouldStartWith("进入“签约”需要一份正式投资合同");
        var decision = Decide(ProjectStage.Terminated, ProjectStage.Reserve, Nothing, canOverride: true, reason: " 投资方重新表达意向 ");
        (decision.IsAllowed, decision.IsOverride, decision.Reason).ShouldBe((true, true, "投资方重新表达意向"));
    }

    [Fact]
    public void The_decision_says_whether_a_move_is_an_override()
    {
        Decide(ProjectStage.Reserve, ProjectStage.Negotiating, Everything).IsOverride.ShouldBeFalse();
        Decide(ProjectStage.Suspended, ProjectStage.Signed, Everything, resume: ProjectStage.Negotiating).IsOverride.ShouldBeFalse();
        Decide(ProjectStage.Suspended, ProjectStage.Funded, Everything, canOverride: true, reason: "补录", resume: ProjectStage.Negotiating).IsOverride.ShouldBeTrue();
        Decide(ProjectStage.Landed, ProjectStage.Signed, Nothing, canOverride: true, reason: "撤销落位").IsOverride.ShouldBeTrue();
        Decide(ProjectStage.Signed, ProjectStage.Suspended, Nothing, reason: "暂缓").IsOverride.ShouldBeFalse();
    }

    [Fact]
    public void The_project_records_exactly_the_decision()
    {
        var project = new Project("测试项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 1), null, new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc));
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2026, 3, 1), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null);
        project.MoveTo(ProjectStage.Suspended, new DateOnly(2026, 4, 1), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null, "投资方内部调整");
        var refused = project.DecideMove(ProjectStage.Funded, new DateOnly(2026, 5, 1), Everything, canOverride: false, reason: null);
        Should.Throw<InvestmentCrm.Common.DomainException>(() => project.MoveTo(refused, new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null)).Message.ShouldContain("越级");

        var transition = project.MoveTo(project.DecideMove(ProjectStage.Funded, new DateOnly(2026, 5, 1), Everything, canOverride: true, reason: "补录资金"), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null);
        (transition.FromStage, transition.ToStage, transition.IsOverride, transition.Reason).ShouldBe((ProjectStage.Suspended, ProjectStage.Funded, true, "补录资金"));
    }

    [Fact]
    public void A_back_dated_move_is_refused_before_the_previous_transition_unless_overridden()
    {
        var project = new Project("测试项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 1), null, new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc));
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2026, 3, 1), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null);
        Should.Throw<InvestmentCrm.Common.DomainException>(() => project.MoveTo(ProjectStage.Signed, new DateOnly(2026, 2, 1), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null));
        // Back-dated after the previous transition is normal (officers back-fill).
        project.MoveTo(ProjectStage.Signed, new DateOnly(2026, 3, 2), new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), null);
        project.StageTransitions.Last().EffectiveDate.ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void A_suspended_project_remembers_its_stage()
    {
        var project = new Project("测试项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 1), null, new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2026, 3, 1), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null);
        project.ResumeStage.ShouldBeNull();
        project.MoveTo(ProjectStage.Suspended, new DateOnly(2026, 4, 1), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), null, "投资方内部调整");
        project.ResumeStage.ShouldBe(ProjectStage.Negotiating);
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("krw", true)]
    [InlineData("XYZ", false)]
    [InlineData(null, false)]
    public void Only_currencies_with_exchange_rates_are_accepted(string? code, bool known)
    {
        Currencies.IsKnown(code).ShouldBe(known);
    }
}
