using InvestmentCrm.Common;
using InvestmentCrm.Projects;

namespace InvestmentCrm.Domain.Tests.Projects;

public class ProjectTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Officer = Guid.NewGuid();

    private static Project NewProject() =>
        new("华为吉林区域总部", ProjectType.Industrial, "数字科创/云计算", new DateOnly(2021, 3, 1), Officer, Now);

    [Fact]
    public void A_new_project_starts_in_reserve_with_its_first_transition()
    {
        var project = NewProject();
        project.Stage.ShouldBe(ProjectStage.Reserve);
        var first = project.StageTransitions.ShouldHaveSingleItem();
        (first.FromStage, first.ToStage, first.EffectiveDate, first.RecordedAt).ShouldBe((null, ProjectStage.Reserve, new DateOnly(2021, 3, 1), Now));
    }

    [Fact]
    public void From_signing_on_a_project_keeps_its_lead_department()
    {
        var project = NewProject();
        project.AssignLeadDepartment(null); // 储备: not yet required
        project.AssignLeadDepartment(Guid.NewGuid());
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2021, 5, 12), Now, Officer);
        project.MoveTo(ProjectStage.Signed, new DateOnly(2021, 6, 1), Now, Officer);
        Should.Throw<DomainException>(() => project.AssignLeadDepartment(null)).Message.ShouldBe("项目已签约，必须确定招引单位。");

        project.MoveTo(ProjectStage.Terminated, new DateOnly(2021, 7, 1), Now, Officer, "企业撤资");
        project.HasBeenSigned.ShouldBeTrue("a terminated signed project stays in the 履约率 denominator, credited to its unit");
        Should.Throw<DomainException>(() => project.AssignLeadDepartment(null));
    }

    [Fact]
    public void Keeps_the_effective_business_date_apart_from_when_it_was_recorded()
    {
        var project = NewProject();
        var transition = project.MoveTo(ProjectStage.Negotiating, new DateOnly(2021, 5, 12), Now, Officer);
        transition.EffectiveDate.ShouldBe(new DateOnly(2021, 5, 12));
        transition.RecordedAt.ShouldBe(Now);
        transition.FromStage.ShouldBe(ProjectStage.Reserve);
        project.Stage.ShouldBe(ProjectStage.Negotiating);
    }

    [Fact]
    public void Refuses_an_effective_date_before_the_last_transition_unless_overridden_with_a_reason()
    {
        var project = NewProject();
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2021, 5, 12), Now, Officer);

        Should.Throw<DomainException>(() => project.MoveTo(ProjectStage.Signed, new DateOnly(2021, 5, 1), Now, Officer))
            .Message.ShouldContain("早于上一次阶段变更");
        Should.Throw<DomainException>(() => project.MoveTo(ProjectStage.Signed, new DateOnly(2021, 5, 1), Now, Officer, canOverride: true))
            .Message.ShouldBe("越级或回退阶段必须填写理由。");

        var transition = project.MoveTo(ProjectStage.Signed, new DateOnly(2021, 5, 1), Now, Officer, "合同补录，签约日期以合同为准", canOverride: true);
        transition.IsOverride.ShouldBeTrue();
        transition.Reason.ShouldBe("合同补录，签约日期以合同为准");
    }

    [Fact]
    public void Refuses_a_move_to_the_stage_it_is_in()
    {
        Should.Throw<DomainException>(() => NewProject().MoveTo(ProjectStage.Reserve, new DateOnly(2021, 4, 1), Now, Officer))
            .Message.ShouldBe("项目已处于“储备”阶段。");
    }

    [Fact]
    public void Landing_starts_the_dispatch_phase()
    {
        var project = NewProject();
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2021, 5, 12), Now, Officer);
        project.MoveTo(ProjectStage.Signed, new DateOnly(2021, 9, 2), Now, Officer);
        project.DispatchPhase.ShouldBeNull();
        project.MoveTo(ProjectStage.Landed, new DateOnly(2022, 3, 18), Now, Officer);
        project.DispatchPhase.ShouldBe(DispatchPhase.Landing);
    }

    [Fact]
    public void Contributor_weights_must_add_up_to_exactly_100_percent()
    {
        var project = NewProject();
        Should.Throw<DomainException>(() => project.SetContributors([(Guid.NewGuid(), ContributorRole.FirstNegotiator, 50m), (Guid.NewGuid(), ContributorRole.Introducer, 49.99m)]))
            .Message.ShouldBe("贡献人权重合计必须为 100%，当前为 99.99%。");

        project.SetContributors([(Guid.NewGuid(), ContributorRole.FirstNegotiator, 50m), (Guid.NewGuid(), ContributorRole.Introducer, 20m), (Guid.NewGuid(), ContributorRole.LandingService, 30m)]);
        project.Contributors.Sum(c => c.WeightPercent).ShouldBe(100m);
    }

    [Fact]
    public void Year_flags_are_kept_per_year()
    {
        var project = NewProject();
        project.SetYearFlag(2022, isKeyProject: true, isContinuing: false);
        project.SetYearFlag(2023, isKeyProject: true, isContinuing: true);
        project.SetYearFlag(2022, isKeyProject: false, isContinuing: false);
        project.YearFlags.Count.ShouldBe(2);
        project.YearFlags.Single(f => f.Year == 2022).IsKeyProject.ShouldBeFalse();
    }

    [Fact]
    public void The_dispatch_phase_starts_with_landing_and_milestones_count_down()
    {
        var project = NewProject();
        Should.Throw<DomainException>(() => project.ChangeDispatchPhase(DispatchPhase.PreApproval, new DateOnly(2022, 3, 1), null, false, Officer, Now))
            .Message.ShouldBe("项目落位后才进入调度环节。");
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2021, 5, 12), Now, Officer);
        project.MoveTo(ProjectStage.Signed, new DateOnly(2021, 9, 2), Now, Officer);
        project.MoveTo(ProjectStage.Landed, new DateOnly(2022, 3, 18), Now, Officer);
        project.DispatchPhase.ShouldBe(DispatchPhase.Landing);
        project.ChangeDispatchPhase(DispatchPhase.PreApproval, new DateOnly(2022, 3, 20), null, false, Officer, Now);
        project.DispatchPhase.ShouldBe(DispatchPhase.PreApproval);

        var milestone = project.AddMilestone(DispatchPhase.Construction, "取得施工许可", new DateOnly(2022, 5, 1));
        milestone.RemainingDays(new DateOnly(2022, 4, 21)).ShouldBe(10);
        milestone.RemainingDays(new DateOnly(2022, 5, 11)).ShouldBe(-10);
        project.CompleteMilestone(milestone.Id, new DateOnly(2022, 4, 28));
        milestone.RemainingDays(new DateOnly(2022, 5, 11)).ShouldBeNull();
        Should.Throw<DomainException>(() => project.CompleteMilestone(milestone.Id, new DateOnly(2022, 4, 29))).Message.ShouldContain("已于 2022-04-28 完成");
    }
}
