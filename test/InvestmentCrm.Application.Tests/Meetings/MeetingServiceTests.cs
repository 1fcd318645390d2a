using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Meetings;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Meetings;

/// <summary>Issue 19: the October 2022 调度会 prepared from the demo's records, its 三项清单, and a decision carried to November.</summary>
public class MeetingServiceTests
{
    private static async Task<(CrmDbContext Db, MeetingAppService Meetings)> AsDispatchAsync(TestDatabase database)
    {
        var db = database.CreateContext();
        var user = await TestUser.LoadAsync(db, "dispatch");
        var services = FigureServices.For(db, user);
        return (db, new MeetingAppService(db, TestScopes.Resolved(db, user), services.Pool, user, new TestClock()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_October_meeting_takes_up_what_the_rules_select_with_its_three_lists_and_a_decision_comes_back_in_November(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var (db, meetings) = await AsDispatchAsync(database);
        await using var _ = db;

        var october = await meetings.PrepareMonthlyAsync(2022, 10);
        (await meetings.PrepareMonthlyAsync(2022, 10)).ShouldBe(october, "a month has one monthly meeting");
        var meeting = (await meetings.GetAsync(october))!;
        (meeting.Date, meeting.Status, meeting.Title).ShouldBe((new DateOnly(2022, 10, 11), MeetingStatus.Preparing, "2022年10月重点项目运行调度会"));

        // Exactly the projects the rules select: every key project behind 序时进度 on 2022-10-11 (no other reason applies then).
        var (_, pool) = await FigureServices.For(db, await TestUser.LoadAsync(db, "dispatch")).Pool.RecordsAsync(2022, new DateOnly(2022, 10, 11), InvestmentCrm.Projects.PoolSelection.All);
        var lists = await meetings.ListsAsync([.. pool.Select(p => p.Id)], new DateOnly(2022, 10, 11), districtWide: false);
        var behind = pool.Where(p => lists[p.Id].Investment.AgainstSchedulePoints < 0).Select(p => p.Name).Order().ToList();
        meeting.Items.Select(i => i.ProjectName).Order().ShouldBe(behind);
        meeting.Items.Select(i => i.ProjectName).ShouldContain("华为吉林区域总部");
        meeting.Items.Select(i => i.ProjectName).ShouldNotContain("华润中心", "80 % of its year's plan by September: ahead of 75 %");

        // 华为: reported by its 包保领导; 年度投资 6 亿元 planned, 3.6 亿元 by September — 60 % against 75 %.
        var huawei = meeting.Items.Single(i => i.ProjectName == "华为吉林区域总部");
        huawei.Reporter.ShouldBe("张华");
        huawei.Reasons.ShouldBe(["投资滞后序时进度"]);
        var investment = huawei.Lists.Investment;
        (investment.PlannedYuan, investment.CompletedYuan, investment.OfPlanPercent, investment.AgainstSchedulePoints)
            .ShouldBe((6 * 100_000_000m, 3.6m * 100_000_000m, 60m, -15m));
        huawei.Lists.Issues.ShouldBeEmpty("its 2022 problems were solved by June");

        // The dispatch office adds the hotel (not a key project: its department reports it) and decides on it: a problem for 住建局.
        var hotel = await db.Projects.Where(p => p.Name == "城投水文化园酒店").Select(p => p.Id).SingleAsync();
        (await meetings.AddItemAsync(october, hotel)).ShouldBeTrue();
        var building = await db.Departments.Where(d => d.Code == "NG-ZJJ").Select(d => d.Id).SingleAsync();
        var hotelItem = (await meetings.GetAsync(october))!.Items.Single(i => i.ProjectId == hotel);
        hotelItem.Reporter.ShouldBe("文化广播电视和旅游局");
        hotelItem.Reasons.ShouldBe(["调度办增列"]);
        await meetings.DecideAsync(october, hotelItem.Id, new MeetingDecisionInput("酒店周边道路配套限期完成", building, new DateOnly(2022, 10, 31), IssueCategory.Factors));
        var decided = (await meetings.GetAsync(october))!.Items.Single(i => i.ProjectId == hotel).Decisions.Single();
        var issue = await db.ProjectIssues.AsNoTracking().SingleAsync(i => i.Id == decided.ProjectIssueId);
        (issue.AssignedDepartmentId, issue.DueOn, issue.RaisedOn).ShouldBe((building, new DateOnly(2022, 10, 31), new DateOnly(2022, 10, 11)));

        // November (the 15th): the problem is open and overdue, so the hotel comes back, reported by its department.
        var november = (await meetings.GetAsync(await meetings.PrepareMonthlyAsync(2022, 11)))!;
        november.Date.ShouldBe(new DateOnly(2022, 11, 15));
        var back = november.Items.Single(i => i.ProjectId == hotel);
        back.Reasons.ShouldBe(["问题逾期"]);
        back.Lists.Issues.Single().ShouldBe(new IssueLineDto(issue.Id, "酒店周边道路配套限期完成", IssueCategory.Factors, "住房和城乡建设局", 35, new DateOnly(2022, 10, 31), true));
    }
}
