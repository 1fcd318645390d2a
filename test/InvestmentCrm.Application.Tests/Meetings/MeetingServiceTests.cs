using DocumentFormat.OpenXml.Packaging;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Meetings;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.Projects;
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
        // …and November's meeting shows what became of October's decision: not solved, overdue.
        november.PreviousDecisions!.ShouldHaveSingleItem().ShouldBe(new DecisionFollowUpDto("城投水文化园酒店", "酒店周边道路配套限期完成", "住房和城乡建设局",
            new DateOnly(2022, 10, 31), issue.Id, false, true));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_bulletin_carries_the_meetings_figures_and_once_sent_is_kept_as_it_was(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var (db, meetings) = await AsDispatchAsync(database);
        await using var _ = db;
        var bulletins = await BulletinsAsync(db, meetings);

        var october = await meetings.PrepareMonthlyAsync(2022, 10);
        var meeting = (await meetings.GetAsync(october))!;
        var huawei = meeting.Items.Single(i => i.ProjectName == "华为吉林区域总部");
        await meetings.RecordMinutesAsync(october, huawei.Id, "张华同志汇报了华为项目二期建设进展。");
        await meetings.DecideAsync(october, huawei.Id, new MeetingDecisionInput("10 月底前完成二期管网接驳", null, new DateOnly(2022, 10, 31)));
        await meetings.MarkHeldAsync(october);

        // The summary figures, counted here from the records as of 2022-10-11 (the 项目盘子 and the problems).
        var asOf = new DateOnly(2022, 10, 11);
        var summary = await meetings.SummaryAsync(asOf);
        var poolFigures = await FigureServices.For(db, await TestUser.LoadAsync(db, "dispatch")).Pool.GetAsync(2022, asOf);
        (summary.KeyProjects, summary.Started, summary.CompletedYearYuan).ShouldBe((poolFigures.KeyProjects, poolFigures.Started, poolFigures.CompletedYearYuan));
        summary.KeyProjects.ShouldBeGreaterThan(0);
        var issues = await db.ProjectIssues.IgnoreQueryFilters().AsNoTracking().Where(i => i.RaisedOn <= asOf && i.Status != IssueStatus.Returned).ToListAsync();
        bool SolvedBy(ProjectIssue i) => new[] { i.SolvedOn, i.ConfirmedOn, i.ClosedOn }.Any(on => on <= asOf);
        summary.OpenIssues.ShouldBe(issues.Count(i => !SolvedBy(i)));
        summary.OverdueIssues.ShouldBe(issues.Count(i => !SolvedBy(i) && i.DueOn < asOf));
        summary.SolvedIssues.ShouldBe(issues.Count(i => i.SolvedOn >= new DateOnly(2022, 1, 1) && i.SolvedOn <= asOf));
        summary.SolvedIssues.ShouldBeGreaterThan(0, "华为's problems were solved in 2022");

        // The draft, read back: the summary paragraph, 华为's three lists, minutes and decision.
        var draft = (await bulletins.FileAsync(october, BulletinFormat.Document))!;
        (draft.Sent, draft.FileName).ShouldBe((false, "2022年10月重点项目运行调度会快报（草稿）_20221011.docx"));
        var text = DocumentText(draft.Content);
        text.ShouldContain("南关区项目建设快报");
        text.ShouldContain("第 10 期（草稿）", Case.Sensitive, "the demo sent nine 快报 in 2022");
        text.ShouldContain(MeetingBulletinDocuments.SummaryText(summary));
        text.ShouldContain("华为吉林区域总部");
        text.ShouldContain("2022 年计划投资 6.00 亿元，已完成 3.60 亿元，完成率 60.0%，较序时进度 -15.0 个百分点。");
        text.ShouldContain("张华同志汇报了华为项目二期建设进展。");
        text.ShouldContain("10 月底前完成二期管网接驳（完成时限：2022年10月31日）");

        // The workbook: one row per item in 投资目标清单, amounts in 亿元 as numbers.
        var workbook = XlsxWorkbook.Read((await bulletins.FileAsync(october, BulletinFormat.Workbook))!.Content);
        workbook.SheetNames.ShouldBe(["序时进度清单", "投资目标清单", "项目问题清单", "会议决定"]);
        var investments = workbook.Rows("投资目标清单").Skip(2).ToList();
        investments.Count.ShouldBe(meeting.Items.Count);
        var row = investments.Single(r => (string?)r[1] == "华为吉林区域总部");
        (Convert.ToDecimal(row[3]), Convert.ToDecimal(row[4]), Convert.ToDecimal(row[5]), Convert.ToDecimal(row[6])).ShouldBe((6m, 3.6m, 60m, -15m));
        workbook.Rows("会议决定").Skip(2).Single()[2].ShouldBe("10 月底前完成二期管网接驳");

        // Sent: recorded, and the documents kept as they were.
        Should.Throw<DomainException>(() => bulletins.SendAsync(october, " ")).Message.ShouldContain("接收人");
        (await bulletins.SendAsync(october, "区“项目建设年”领导小组成员：李明、张华")).ShouldBeTrue();
        var sent = (await meetings.GetAsync(october))!;
        (sent.Status, sent.BulletinSentOn, sent.BulletinRecipients).ShouldBe((MeetingStatus.BulletinSent, new DateOnly(2026, 11, 22), "区“项目建设年”领导小组成员：李明、张华"));
        var asSent = (await bulletins.FileAsync(october, BulletinFormat.Document))!;
        asSent.Sent.ShouldBeTrue();
        DocumentText(asSent.Content).ShouldContain("第 10 期\n");
        DocumentText(asSent.Content).ShouldContain("报送：区“项目建设年”领导小组成员：李明、张华");

        // A later correction of 华为's September investment changes the meeting's lists, not the 快报 that went out.
        var huaweiId = huawei.ProjectId;
        var september = await db.ProjectInvestments.IgnoreQueryFilters().AsNoTracking().Where(i => i.ProjectId == huaweiId && i.Year == 2022 && i.Month == 9)
            .Select(i => i.CompletedYuan).SingleAsync();
        var user = await TestUser.LoadAsync(db, "dispatch");
        var construction = new ConstructionAppService(db, TestScopes.Resolved(db, user), user, new TestClock());
        (await construction.RecordInvestmentAsync(huaweiId, new InvestmentInput(2022, 9, (september + 100_000_000m) / 10_000m, "统计局核定数更正"))).ShouldBeTrue();
        db.ChangeTracker.Clear();
        (await meetings.GetAsync(october))!.Items.Single(i => i.ProjectId == huaweiId).Lists.Investment.CompletedYuan.ShouldBe(4.6m * 100_000_000m);
        var again = (await bulletins.FileAsync(october, BulletinFormat.Document))!;
        again.Content.ShouldBe(asSent.Content);
        DocumentText(again.Content).ShouldContain("已完成 3.60 亿元");
        XlsxWorkbook.Read((await bulletins.FileAsync(october, BulletinFormat.Workbook))!.Content).Rows("投资目标清单").Skip(2)
            .Single(r => (string?)r[1] == "华为吉林区域总部")[4].ShouldBe(3.6m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_special_meeting_is_called_for_problems_and_the_year_counts_each_kind(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var (db, meetings) = await AsDispatchAsync(database);
        await using var _ = db;
        var overdue = await db.ProjectIssues.IgnoreQueryFilters().AsNoTracking().Where(i => i.Title.Contains("四塔")).Select(i => new { i.Id, i.ProjectId }).FirstAsync();

        var before = (await meetings.ListAsync(2022)).CountByKind;
        var special = await meetings.CreateSpecialAsync(new MeetingDetailsInput("“四塔”征收专题调度会", new DateOnly(2022, 10, 20), "区政府第一会议室", null, "区征收办、住建局、春城热力"), [overdue.Id]);
        var meeting = (await meetings.GetAsync(special))!;
        (meeting.Kind, meeting.Attendees, meeting.Place).ShouldBe((MeetingKind.Special, "区征收办、住建局、春城热力", "区政府第一会议室"));
        meeting.LinkedIssueIds.ShouldBe([overdue.Id]);
        meeting.Items.ShouldHaveSingleItem().ProjectId.ShouldBe(overdue.ProjectId);
        meeting.Items[0].Reasons.ShouldBe(["专题调度"]);
        Should.Throw<DomainException>(() => meetings.CreateSpecialAsync(new MeetingDetailsInput("空", new DateOnly(2022, 10, 20), null, null, null), [])).Message.ShouldContain("至少选择一个");

        await meetings.PrepareMonthlyAsync(2022, 10);
        var (list, counts) = await meetings.ListAsync(2022);
        counts[MeetingKind.Special].ShouldBe(before[MeetingKind.Special] + 1);
        counts[MeetingKind.Monthly].ShouldBe(before[MeetingKind.Monthly] + 1);
        counts.Values.Sum().ShouldBe(list.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_configured_schedule_prepares_the_monthly_and_weekly_meetings_a_week_ahead_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var (db, meetings) = await AsDispatchAsync(database);
        await using var _ = db;

        (await meetings.ScheduleAsync()).ShouldBe(MeetingSchedule.Default);
        Should.Throw<DomainException>(() => meetings.SaveScheduleAsync(new MeetingSchedule(5)));
        await meetings.SaveScheduleAsync(new MeetingSchedule(2, DayOfWeek.Thursday, DayOfWeek.Monday));
        (await meetings.ScheduleAsync()).ShouldBe(new MeetingSchedule(2, DayOfWeek.Thursday, DayOfWeek.Monday));

        // 2022-10-07 (Friday): October's monthly meeting on Thursday the 13th and the 周调度 on Monday the 10th are due.
        (await meetings.PrepareDueAsync(new DateOnly(2022, 10, 7))).ShouldBe(2);
        (await meetings.PrepareDueAsync(new DateOnly(2022, 10, 7))).ShouldBe(0, "prepared once");
        var (list, _) = await meetings.ListAsync(2022);
        list.Where(m => m.Date >= new DateOnly(2022, 10, 1)).Select(m => (m.Kind, m.Date, m.Title))
            .ShouldBe([(MeetingKind.Weekly, new DateOnly(2022, 10, 10), "2022年10月10日周调度会"), (MeetingKind.Monthly, new DateOnly(2022, 10, 13), "2022年10月重点项目运行调度会")]);
        (await meetings.PrepareMonthlyAsync(2022, 10)).ShouldBe(list.Single(m => m.Kind == MeetingKind.Monthly && m.Date.Month == 10).Id);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_demo_holds_the_2022_meetings_to_September_each_with_its_bulletin_sent_the_next_day(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var (db, meetings) = await AsDispatchAsync(database);
        await using var _ = db;
        var bulletins = await BulletinsAsync(db, meetings);

        var (list, counts) = await meetings.ListAsync(2022);
        counts[MeetingKind.Monthly].ShouldBe(9);
        list.Select(m => m.Date).ShouldBe(MeetingSchedule.Default.MonthlyDates(2022).Take(9), "the second week's Tuesday of January to September");
        list.ShouldAllBe(m => m.Status == MeetingStatus.BulletinSent && m.Items > 0);
        var april = (await meetings.GetAsync(list[3].Id))!;
        (april.Chair, april.BulletinSentOn).ShouldBe(("李明", april.Date.AddDays(1)));
        april.AttendeesLine.ShouldBe("刘洋、孙伟、张华、李明、高峰；发改局、住建局等牵头部门，各街道主要负责同志，春城热力、市供电公司");
        april.Items.Single(i => i.ProjectName == "城投水文化园酒店").Decisions.ShouldHaveSingleItem().ResponsibleDepartment.ShouldBe("手续保障专班");
        // May's meeting follows April's two tasks up; the 快报 of April is its year's fourth.
        (await meetings.GetAsync(list[4].Id))!.PreviousDecisions!.Select(p => p.ProjectName).ShouldBe(["华为吉林区域总部", "城投水文化园酒店"], ignoreOrder: true);
        DocumentText((await bulletins.FileAsync(april.Id, BulletinFormat.Document))!.Content).ShouldContain("第 4 期\n");
    }

    private static async Task<MeetingBulletinAppService> BulletinsAsync(CrmDbContext db, MeetingAppService meetings)
    {
        var user = await TestUser.LoadAsync(db, "dispatch");
        return new MeetingBulletinAppService(db, TestScopes.Resolved(db, user), meetings, user, new TestClock());
    }

    private static string DocumentText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
