using InvestmentCrm.Common;
using InvestmentCrm.Projects;

namespace InvestmentCrm.Domain.Tests.Projects;

/// <summary>Issue 17: construction status and dispatch phase rules (docs/domain.md, "项目建设").</summary>
public class ConstructionTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Officer = Guid.NewGuid();

    private static Project Landed(DateOnly on)
    {
        var project = new Project("华为吉林区域总部", ProjectType.Industrial, "数字科创/云计算", new DateOnly(2020, 3, 1), Officer, Now);
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2020, 5, 12), Now, Officer);
        project.MoveTo(ProjectStage.Signed, new DateOnly(2020, 9, 2), Now, Officer);
        project.MoveTo(ProjectStage.Landed, on, Now, Officer);
        return project;
    }

    private static ConstructionEvent Record(Project p, ConstructionEventKind kind, DateOnly on, string? evidence = "建字第 2022-018 号", string? reason = null) =>
        p.RecordConstruction(kind, on, evidence, reason, Officer, Now, Today);

    [Fact]
    public void Construction_follows_its_order_and_each_step_needs_its_evidence()
    {
        var project = new Project("储备项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2022, 1, 1), Officer, Now);
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Started, new DateOnly(2022, 5, 1))).Message.ShouldBe("项目落位后才登记建设状态。");

        project = Landed(new DateOnly(2022, 3, 18));
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Started, new DateOnly(2022, 3, 1))).Message.ShouldContain("早于落位日期");
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Started, new DateOnly(2022, 5, 1), evidence: " ")).Message.ShouldBe("开工须填写施工许可证号或开工报告。");
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Resumed, new DateOnly(2022, 5, 1))).Message.ShouldBe("只有停缓建的项目可以登记复工。");
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Started, new DateOnly(2027, 1, 1))).Message.ShouldContain("不能晚于今天");

        Record(project, ConstructionEventKind.Started, new DateOnly(2022, 5, 1));
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Started, new DateOnly(2022, 6, 1))).Message.ShouldContain("不能再次登记开工");
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Suspended, new DateOnly(2022, 8, 1), reason: null)).Message.ShouldBe("停缓建须填写原因。");
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Suspended, new DateOnly(2022, 4, 1), reason: "资金")).Message.ShouldContain("早于上一次建设状态变更");
        Record(project, ConstructionEventKind.Suspended, new DateOnly(2022, 8, 1), reason: "资金链紧张");
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Accepted, new DateOnly(2022, 9, 1))).Message.ShouldBe("只有在建项目可以登记竣工验收。");
        Record(project, ConstructionEventKind.Resumed, new DateOnly(2023, 3, 10), evidence: null);
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Opened, new DateOnly(2024, 1, 1))).Message.ShouldContain("竣工验收后才登记开业");
        Record(project, ConstructionEventKind.Accepted, new DateOnly(2024, 6, 30), evidence: "竣工验收备案 2024-033");
        Should.Throw<DomainException>(() => Record(project, ConstructionEventKind.Registered, new DateOnly(2024, 7, 1))).Message.ShouldContain("开业/投产后才登记入库入统");
        Record(project, ConstructionEventKind.Opened, new DateOnly(2024, 8, 8), evidence: null);
        Record(project, ConstructionEventKind.Registered, new DateOnly(2024, 12, 1), evidence: "统计联网直报编号 2201020001");

        project.ConstructionStatusAsOf(new DateOnly(2022, 4, 30)).ShouldBe(ConstructionStatus.NotStarted);
        project.ConstructionStatusAsOf(new DateOnly(2022, 5, 1)).ShouldBe(ConstructionStatus.UnderConstruction);
        project.ConstructionStatusAsOf(new DateOnly(2022, 12, 31)).ShouldBe(ConstructionStatus.Suspended);
        project.ConstructionStatusAsOf(new DateOnly(2023, 3, 10)).ShouldBe(ConstructionStatus.UnderConstruction);
        project.ConstructionStatusAsOf(new DateOnly(2024, 6, 30)).ShouldBe(ConstructionStatus.Completed);
    }

    [Fact]
    public void A_year_counts_a_project_as_new_start_resumed_continuing_or_not_building()
    {
        var project = Landed(new DateOnly(2021, 3, 18));
        Record(project, ConstructionEventKind.Started, new DateOnly(2021, 6, 1));
        Record(project, ConstructionEventKind.Suspended, new DateOnly(2022, 11, 1), reason: "冬季停工转停缓建");
        Record(project, ConstructionEventKind.Resumed, new DateOnly(2023, 4, 2), evidence: null);

        ConstructionRules.YearRole(project.ConstructionEvents, 2020, new DateOnly(2020, 12, 31)).ShouldBe(ConstructionYearRole.None);
        ConstructionRules.YearRole(project.ConstructionEvents, 2021, new DateOnly(2021, 5, 31)).ShouldBe(ConstructionYearRole.None, "not yet started as of May");
        ConstructionRules.YearRole(project.ConstructionEvents, 2021, new DateOnly(2021, 12, 31)).ShouldBe(ConstructionYearRole.NewStart);
        ConstructionRules.YearRole(project.ConstructionEvents, 2022, new DateOnly(2022, 12, 31)).ShouldBe(ConstructionYearRole.Continuing);
        ConstructionRules.YearRole(project.ConstructionEvents, 2023, new DateOnly(2023, 3, 31)).ShouldBe(ConstructionYearRole.None, "suspended until April");
        ConstructionRules.YearRole(project.ConstructionEvents, 2023, new DateOnly(2023, 12, 31)).ShouldBe(ConstructionYearRole.Resumed, "停缓建 then resumed is 复工");
    }

    [Fact]
    public void The_facts_of_a_history_give_its_status_on_any_day_and_on_the_eve_of_the_year()
    {
        var project = Landed(new DateOnly(2021, 3, 18));
        Record(project, ConstructionEventKind.Started, new DateOnly(2021, 6, 1));
        Record(project, ConstructionEventKind.Suspended, new DateOnly(2021, 11, 1), reason: "冬休");
        Record(project, ConstructionEventKind.Resumed, new DateOnly(2022, 4, 1), evidence: null);
        Record(project, ConstructionEventKind.Suspended, new DateOnly(2022, 8, 1), reason: "资金");
        Record(project, ConstructionEventKind.Resumed, new DateOnly(2022, 8, 1), evidence: null);
        Record(project, ConstructionEventKind.Accepted, new DateOnly(2023, 6, 30), evidence: "竣工验收备案");

        var facts = ConstructionFacts.Of(project.ConstructionEvents, 2022, new DateOnly(2022, 12, 31));
        (facts.StartedOn, facts.AcceptedOn, facts.Suspensions, facts.Resumptions, facts.SuspensionsBeforeYear, facts.ResumptionsBeforeYear)
            .ShouldBe((new DateOnly(2021, 6, 1), (DateOnly?)null, 2, 2, 1, 0));
        facts.StatusBeforeYear.ShouldBe(ConstructionStatus.Suspended, "stopped over the turn of the year");
        facts.Status.ShouldBe(ConstructionStatus.UnderConstruction, "stopped and resumed on the same day is building");
        facts.YearRole.ShouldBe(ConstructionYearRole.Resumed);
        ProjectPool.CategoryOf(facts).ShouldBe(PoolCategory.UnderConstruction);

        var march = ConstructionFacts.Of(project.ConstructionEvents, 2022, new DateOnly(2022, 3, 31));
        (march.Status, march.YearRole, ProjectPool.CategoryOf(march)).ShouldBe((ConstructionStatus.Suspended, ConstructionYearRole.None, PoolCategory.Suspended));
        var next = ConstructionFacts.Of(project.ConstructionEvents, 2023, new DateOnly(2023, 12, 31));
        (next.StatusBeforeYear, next.Status, next.YearRole, ProjectPool.CategoryOf(next))
            .ShouldBe((ConstructionStatus.UnderConstruction, ConstructionStatus.Completed, ConstructionYearRole.Continuing, PoolCategory.Completed));
        ConstructionFacts.Of([], 2023, new DateOnly(2023, 12, 31)).Status.ShouldBe(ConstructionStatus.NotStarted);
    }

    [Fact]
    public void Dispatch_phases_go_in_order_construction_needs_a_start_and_skipping_needs_the_override_and_a_reason()
    {
        var project = Landed(new DateOnly(2022, 3, 18));
        project.DispatchPhase.ShouldBe(DispatchPhase.Landing);
        Should.Throw<DomainException>(() => project.ChangeDispatchPhase(DispatchPhase.Construction, new DateOnly(2022, 4, 1), "跳过", true, Officer, Now))
            .Message.ShouldContain("登记开工");
        Should.Throw<DomainException>(() => project.ChangeDispatchPhase(DispatchPhase.Operation, new DateOnly(2022, 4, 1), "跳过", true, Officer, Now))
            .Message.ShouldContain("竣工验收后");
        project.ChangeDispatchPhase(DispatchPhase.PreApproval, new DateOnly(2022, 3, 25), null, false, Officer, Now).IsOverride.ShouldBeFalse();
        project.AddApprovalItem(ApprovalKind.DesignScheme, null, new DateOnly(2022, 4, 2), "方案 2022-11");
        project.AddApprovalItem(ApprovalKind.PlanningPermit, null, new DateOnly(2022, 4, 20), "建字第 220102202200018 号");

        // 开工 brings the project to 开工建设 by itself, kept in the history.
        Record(project, ConstructionEventKind.Started, new DateOnly(2022, 5, 1));
        project.DispatchPhase.ShouldBe(DispatchPhase.Construction);
        project.PhaseTransitions[^1].Reason.ShouldBe("随开工");

        // Going back: only with the override permission and a reason.
        Should.Throw<DomainException>(() => project.ChangeDispatchPhase(DispatchPhase.PreApproval, new DateOnly(2022, 5, 3), "补办手续", false, Officer, Now))
            .Message.ShouldContain("需要“越级/回退阶段”权限");
        Should.Throw<DomainException>(() => project.ChangeDispatchPhase(DispatchPhase.PreApproval, new DateOnly(2022, 5, 3), " ", true, Officer, Now))
            .Message.ShouldBe("跳过或回退调度环节须填写理由。");
        var back = project.ChangeDispatchPhase(DispatchPhase.PreApproval, new DateOnly(2022, 5, 3), "补办消防审批", true, Officer, Now);
        (back.IsOverride, back.Reason, back.FromPhase).ShouldBe((true, "补办消防审批", DispatchPhase.Construction));
        project.ApprovalItems.Count.ShouldBe(2);
    }

    [Fact]
    public void Only_the_latest_construction_event_is_withdrawn_and_the_status_follows()
    {
        var project = Landed(new DateOnly(2022, 3, 18));
        var started = Record(project, ConstructionEventKind.Started, new DateOnly(2022, 5, 1));
        var suspended = Record(project, ConstructionEventKind.Suspended, new DateOnly(2022, 8, 1), reason: "误登");
        Should.Throw<DomainException>(() => project.WithdrawConstructionEvent(started.Id, "误登")).Message.ShouldBe("只能撤回最近一次建设状态变更。");
        project.WithdrawConstructionEvent(suspended.Id, "停缓建登记错了项目");
        project.ConstructionStatusAsOf(Today).ShouldBe(ConstructionStatus.UnderConstruction);
        suspended.CorrectionNote.ShouldNotBeNull();
    }

    [Fact]
    public void Annual_investment_is_entered_per_month_after_landing_and_corrected_only_with_a_reason()
    {
        var project = Landed(new DateOnly(2022, 3, 18));
        Should.Throw<DomainException>(() => project.RecordInvestment(2022, 2, 1m, null, Officer, Now, Today)).Message.ShouldContain("落位之后");
        Should.Throw<DomainException>(() => project.RecordInvestment(2026, 12, 1m, null, Officer, Now, Today)).Message.ShouldContain("尚未到来");
        Should.Throw<DomainException>(() => project.RecordInvestment(2022, 13, 1m, null, Officer, Now, Today)).Message.ShouldContain("1 到 12");
        project.RecordInvestment(2022, 3, 2_000_000m, null, Officer, Now, Today);
        Should.Throw<DomainException>(() => project.RecordInvestment(2022, 3, 3_000_000m, null, Officer, Now, Today));
        project.RecordInvestment(2022, 3, 3_000_000m, "统计局核定数", Officer, Now, Today).CorrectionNote!.ShouldContain("统计局核定数");
        project.Investments.Single().CompletedYuan.ShouldBe(3_000_000m);

        // 6 of 12 months passed, half the plan done: on schedule.
        var (ofPlan, against) = ProjectInvestment.Rates(50m, 100m, new InvestmentCrm.Figures.TimeProgress(6, 12));
        (ofPlan, against).ShouldBe((50m, 0m));
        ProjectInvestment.Rates(50m, null, new InvestmentCrm.Figures.TimeProgress(6, 12)).ShouldBe((null, null));
    }
}
