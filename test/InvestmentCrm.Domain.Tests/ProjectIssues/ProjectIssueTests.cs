using InvestmentCrm.Common;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.Projects;

namespace InvestmentCrm.Domain.Tests.ProjectIssues;

/// <summary>Issue 18: routing, lifecycle and who may act on a project problem (docs/domain.md, "项目问题").</summary>
public class ProjectIssueTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Secretary = Guid.NewGuid(), Leader = Guid.NewGuid(), Member = Guid.NewGuid(), Officer = Guid.NewGuid(), Dispatcher = Guid.NewGuid();
    private static readonly Guid Procedures = Guid.NewGuid(), Expropriation = Guid.NewGuid(), Building = Guid.NewGuid();
    private static readonly ProjectPeople People = new(Leader, null, Secretary);

    private static readonly Dictionary<IssueCategory, IssueCategoryRoute> Routes = new()
    {
        [IssueCategory.Expropriation] = new(IssueCategory.Expropriation, Expropriation),
        [IssueCategory.Procedures] = new(IssueCategory.Procedures, Procedures, responseDays: 2, dueDays: 10, escalateAfterDays: 5),
        [IssueCategory.Factors] = IssueCategoryRoute.Default(IssueCategory.Factors),
    };

    private static ProjectIssue Raise(IssueCategory category = IssueCategory.Procedures, DateOnly? on = null, Guid? department = null)
    {
        var raised = on ?? new DateOnly(2026, 11, 2);
        return new ProjectIssue(Guid.NewGuid(), "酒店地块土地划转手续未完成", "土地划转手续未完成，影响了项目进度。", category, DispatchPhase.PreApproval,
            IssueRaiserRole.LocalSecretary, true, raised, IssueRouting.Route(category, Routes[category], department, raised, null), Secretary, Now, Today);
    }

    [Theory]
    [InlineData("“四塔”地标区域征收难点", IssueCategory.Expropriation)]
    [InlineData("酒店地块土地划转手续未完成", IssueCategory.Procedures)]
    [InlineData("服务区地块农转征手续办理", IssueCategory.Procedures)]
    [InlineData("合同违约引起诉讼", IssueCategory.Legal)]
    [InlineData("稳经济政策兑现", IssueCategory.Policy)]
    [InlineData("万象城开业用电需求，需供电保障", IssueCategory.Factors)]
    public void Each_categorys_keywords_suggest_it(string text, IssueCategory expected) =>
        IssueRouting.Suggest(text, IssueRouting.DefaultKeywords).ShouldBe(expected);

    [Fact]
    public void A_text_without_keywords_suggests_nothing_and_the_longer_words_win() 
    {
        IssueRouting.Suggest("企业希望加快进度", IssueRouting.DefaultKeywords).ShouldBeNull();
        IssueRouting.Suggest("  ", IssueRouting.DefaultKeywords).ShouldBeNull();
        // 规划许可 (4) + 手续 (2) outweigh 道路 (2).
        IssueRouting.Suggest("道路旁地块的规划许可手续", IssueRouting.DefaultKeywords).ShouldBe(IssueCategory.Procedures);
    }

    [Fact]
    public void A_category_routes_to_its_task_force_and_one_without_needs_a_named_department()
    {
        var on = new DateOnly(2026, 11, 2);
        var route = IssueRouting.Route(IssueCategory.Procedures, Routes[IssueCategory.Procedures], null, on, null);
        (route.DepartmentId, route.ResponseDueOn, route.DueOn).ShouldBe((Procedures, new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 12)));
        IssueRouting.Route(IssueCategory.Expropriation, Routes[IssueCategory.Expropriation], null, on, null).DepartmentId.ShouldBe(Expropriation);

        Should.Throw<DomainException>(() => IssueRouting.Route(IssueCategory.Factors, Routes[IssueCategory.Factors], null, on, null))
            .Message.ShouldBe("“要素保障”类问题没有对应的保障专班，请指定责任职能部门。");
        IssueRouting.Route(IssueCategory.Factors, Routes[IssueCategory.Factors], Building, on, null).DepartmentId.ShouldBe(Building);
        Should.Throw<DomainException>(() => IssueRouting.Route(IssueCategory.Procedures, Routes[IssueCategory.Procedures], null, on, new DateOnly(2026, 11, 1)))
            .Message.ShouldContain("早于提出日期");
    }

    [Fact]
    public void Raising_refuses_a_missing_title_or_description_and_a_date_after_today()
    {
        var route = new IssueRoute(Procedures, Today, Today);
        Should.Throw<DomainException>(() => new ProjectIssue(Guid.NewGuid(), " ", "情况", IssueCategory.Procedures, null, IssueRaiserRole.Officer, false, Today, route, Officer, Now, Today))
            .Message.ShouldBe("请填写问题标题。");
        Should.Throw<DomainException>(() => new ProjectIssue(Guid.NewGuid(), "标题", "", IssueCategory.Procedures, null, IssueRaiserRole.Officer, false, Today, route, Officer, Now, Today))
            .Message.ShouldBe("请描述问题的具体情况。");
        Should.Throw<DomainException>(() => new ProjectIssue(Guid.NewGuid(), "标题", "情况", IssueCategory.Procedures, null, IssueRaiserRole.Officer, false, Today.AddDays(1),
            new IssueRoute(Procedures, Today.AddDays(2), Today.AddDays(3)), Officer, Now, Today)).Message.ShouldBe("提出日期不能晚于今天。");
    }

    [Fact]
    public void A_problem_is_closed_only_after_the_company_confirmed_and_reopens_when_it_does_not()
    {
        var issue = Raise();
        issue.Status.ShouldBe(IssueStatus.Raised);
        Should.Throw<DomainException>(() => issue.Solve(Today, Member, Now, "已办结")).Message.ShouldBe("问题受理后才能办结。");
        issue.Accept(new DateOnly(2026, 11, 3), Member, Now, null);
        issue.RespondedInTime.ShouldBe(true);
        Should.Throw<DomainException>(() => issue.Solve(Today, Member, Now, " ")).Message.ShouldBe("请填写解决情况。");
        issue.Solve(new DateOnly(2026, 11, 10), Member, Now, "划转手续办结");
        Should.Throw<DomainException>(() => issue.Close(Today, Dispatcher, Now, null)).Message.ShouldBe("企业确认解决后才能销号。");

        Should.Throw<DomainException>(() => issue.RecordCompanyAnswer(false, Today, Secretary, Now, null)).Message.ShouldContain("企业的意见");
        issue.RecordCompanyAnswer(false, new DateOnly(2026, 11, 11), Secretary, Now, "不动产证尚未取得");
        (issue.Status, issue.SolvedOn, issue.Solution).ShouldBe((IssueStatus.InProgress, (DateOnly?)null, (string?)null));
        issue.Solve(new DateOnly(2026, 11, 18), Member, Now, "已取得不动产权证");
        issue.RecordCompanyAnswer(true, new DateOnly(2026, 11, 19), Secretary, Now, null);
        issue.Close(new DateOnly(2026, 11, 20), Dispatcher, Now, null);
        issue.Status.ShouldBe(IssueStatus.Closed);
        issue.Steps.Select(s => s.Kind).ShouldBe([IssueStepKind.Raised, IssueStepKind.Assigned, IssueStepKind.Accepted, IssueStepKind.Solved,
            IssueStepKind.Reopened, IssueStepKind.Solved, IssueStepKind.Confirmed, IssueStepKind.Closed]);
    }

    [Fact]
    public void A_late_first_response_is_recorded_as_late()
    {
        var issue = Raise();
        issue.Accept(new DateOnly(2026, 11, 6), Member, Now, null);
        issue.RespondedInTime.ShouldBe(false);
    }

    [Fact]
    public void Only_an_overdue_problem_is_escalated_once_per_level_and_the_daily_check_waits_for_the_configured_days()
    {
        var issue = Raise(); // due 2026-11-12, escalated automatically 5 days after
        issue.Accept(new DateOnly(2026, 11, 3), Member, Now, null);
        Should.Throw<DomainException>(() => issue.Escalate(EscalationLevel.Headquarters, new DateOnly(2026, 11, 12), Leader, Now, "进展慢"))
            .Message.ShouldBe("只有超过办结时限仍未解决的问题可以上提。");
        IssueRouting.DueForEscalation(issue, Routes[IssueCategory.Procedures], new DateOnly(2026, 11, 16)).ShouldBeFalse();
        IssueRouting.DueForEscalation(issue, Routes[IssueCategory.Procedures], new DateOnly(2026, 11, 17)).ShouldBeTrue();
        Should.Throw<DomainException>(() => issue.Escalate(EscalationLevel.Headquarters, new DateOnly(2026, 11, 13), Leader, Now, " ")).Message.ShouldBe("上提须说明理由。");
        issue.Escalate(EscalationLevel.Headquarters, new DateOnly(2026, 11, 17), null, Now, null, automatically: true);
        IssueRouting.DueForEscalation(issue, Routes[IssueCategory.Procedures], new DateOnly(2026, 11, 18)).ShouldBeFalse();
        Should.Throw<DomainException>(() => issue.Escalate(EscalationLevel.Headquarters, new DateOnly(2026, 11, 18), Leader, Now, "再上提")).Message.ShouldContain("已上提至项目建设指挥部");
        issue.Escalate(EscalationLevel.LeadingGroup, new DateOnly(2026, 11, 20), Leader, Now, "指挥部协调未果");
        issue.EscalatedTo.ShouldBe(EscalationLevel.LeadingGroup);
        issue.Solve(new DateOnly(2026, 11, 21), Member, Now, "领导小组协调解决");
        issue.IsOverdue(Today).ShouldBeFalse("a solved problem is no longer overdue");
    }

    [Fact]
    public void A_returned_problem_is_routed_again()
    {
        var issue = Raise();
        Should.Throw<DomainException>(() => issue.Return(Today, Member, Now, null)).Message.ShouldBe("退回须说明理由。");
        issue.Return(new DateOnly(2026, 11, 3), Member, Now, "属征收问题");
        issue.Status.ShouldBe(IssueStatus.Returned);
        Should.Throw<DomainException>(() => issue.Accept(Today, Member, Now, null)).Message.ShouldBe("只有待受理的问题可以受理。");
        issue.Reassign(IssueRouting.Route(IssueCategory.Procedures, Routes[IssueCategory.Procedures], Expropriation, new DateOnly(2026, 11, 4), null),
            new DateOnly(2026, 11, 4), Dispatcher, Now, "改派征收专班");
        (issue.Status, issue.AssignedDepartmentId).ShouldBe((IssueStatus.Raised, Expropriation));
    }

    [Fact]
    public void The_task_force_handles_the_secretary_answers_for_the_company_the_leader_follows_and_the_dispatch_office_closes()
    {
        var issue = Raise();
        var member = new IssueActor(Member, Procedures, CanRaise: false, CanHandle: true, CanDispatch: false);
        var otherUnit = new IssueActor(Guid.NewGuid(), Expropriation, false, true, false);
        var secretary = new IssueActor(Secretary, Building, CanRaise: true, CanHandle: false, CanDispatch: false);
        var leader = new IssueActor(Leader, null, true, false, false);
        var officer = new IssueActor(Officer, Building, true, false, false);
        var dispatcher = new IssueActor(Dispatcher, null, true, true, true);

        IssueAccess.Offered(member, issue, People, Today).ShouldBe([IssueAction.Accept, IssueAction.Return]);
        IssueAccess.Offered(otherUnit, issue, People, Today).ShouldBeEmpty();
        IssueAccess.Offered(officer, issue, People, Today).ShouldBeEmpty();
        IssueAccess.Offered(dispatcher, issue, People, Today).ShouldBe([IssueAction.Accept, IssueAction.Return, IssueAction.Reassign, IssueAction.Escalate]);
        IssueAccess.Allows(leader, IssueAction.Coordinate, issue, People).ShouldBeTrue();
        IssueAccess.Offered(leader, issue, People, Today).ShouldBe([IssueAction.Escalate], "overdue since 11-12 and not yet accepted: the leader takes it up");
        IssueAccess.Allows(leader, IssueAction.Accept, issue, People).ShouldBeFalse();

        issue.Accept(new DateOnly(2026, 11, 3), Member, Now, null);
        issue.Solve(new DateOnly(2026, 11, 10), Member, Now, "已办结");
        IssueAccess.Allows(member, IssueAction.AnswerForCompany, issue, People).ShouldBeFalse("凡事有交代: the company's word comes through its secretary");
        IssueAccess.Offered(secretary, issue, People, Today).ShouldBe([IssueAction.AnswerForCompany]);
        IssueAccess.Allows(officer, IssueAction.AnswerForCompany, issue, People).ShouldBeFalse();
        issue.RecordCompanyAnswer(true, new DateOnly(2026, 11, 12), Secretary, Now, null);
        IssueAccess.Allows(secretary, IssueAction.Close, issue, People).ShouldBeFalse();
        IssueAccess.Offered(dispatcher, issue, People, Today).ShouldBe([IssueAction.Close]);

        IssueAccess.RaisedAs(secretary, People).ShouldBe(IssueRaiserRole.LocalSecretary);
        IssueAccess.RaisedAs(leader, People).ShouldBe(IssueRaiserRole.ResponsibleLeader);
        IssueAccess.RaisedAs(officer, People).ShouldBe(IssueRaiserRole.Officer);
    }

    [Fact]
    public void Green_channel_services_belong_to_green_channel_projects_and_reliefs_carry_their_amount()
    {
        Should.Throw<DomainException>(() => new GreenChannelService(Guid.NewGuid(), false, GreenChannelItem.SpoilRelief, null, Building, Today, Today, Today))
            .Message.ShouldContain("未纳入绿色通道");
        Should.Throw<DomainException>(() => new GreenChannelService(Guid.NewGuid(), true, GreenChannelItem.SpoilRelief, null, Building, Today, Today.AddDays(-1), Today))
            .Message.ShouldContain("早于受理日期");
        var relief = new GreenChannelService(Guid.NewGuid(), true, GreenChannelItem.SpoilRelief, "超高土外运", Building, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10), Today);
        relief.IsOverdue(Today).ShouldBeTrue();
        Should.Throw<DomainException>(() => relief.Complete(Today, null, Today)).Message.ShouldContain("减免金额");
        relief.Complete(Today, 386_000m, Today);
        relief.IsOverdue(Today).ShouldBeFalse();
        var agency = new GreenChannelService(Guid.NewGuid(), true, GreenChannelItem.Agency, "施工许可代办", Building, Today, Today, Today);
        Should.Throw<DomainException>(() => agency.Complete(Today, 100m, Today)).Message.ShouldContain("不是减免事项");
    }
}
