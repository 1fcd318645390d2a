using InvestmentCrm.Common;
using InvestmentCrm.Meetings;

namespace InvestmentCrm.Domain.Tests.Meetings;

/// <summary>Issue 19: when the monthly 调度会 falls, who reports what, and a meeting frozen once its 快报 is sent.</summary>
public class DispatchMeetingTests
{
    [Fact]
    public void The_monthly_meeting_falls_on_the_configured_weekday_of_the_second_week()
    {
        // October 2022: the first Monday is the 3rd, so week 2 begins on the 10th; Tuesday is the 11th.
        MeetingSchedule.Default.MonthlyDate(2022, 10).ShouldBe(new DateOnly(2022, 10, 11));
        new MeetingSchedule(2, DayOfWeek.Thursday).MonthlyDate(2022, 10).ShouldBe(new DateOnly(2022, 10, 13));
        // August 2022 begins on a Monday: week 2 is the 8th–12th.
        MeetingSchedule.Default.MonthlyDate(2022, 8).ShouldBe(new DateOnly(2022, 8, 9));
        var year = MeetingSchedule.Default.MonthlyDates(2022);
        year.Count.ShouldBe(12);
        // The second Monday falls on the 8th–14th, so the Tuesday after it on the 9th–15th (2022-02-15: February began on a Tuesday).
        year.ShouldAllBe(d => d.DayOfWeek == DayOfWeek.Tuesday && d.Day >= 9 && d.Day <= 15);
        year[1].ShouldBe(new DateOnly(2022, 2, 15));
        Should.Throw<DomainException>(() => new MeetingSchedule(5).Validated()).Message.ShouldContain("第 1 到第 4 周");
        Should.Throw<DomainException>(() => new MeetingSchedule(2, DayOfWeek.Sunday).Validated()).Message.ShouldContain("工作日");
    }

    [Fact]
    public void Key_projects_come_for_their_lag_and_problems_reported_by_their_leader_others_when_new_or_overdue_by_their_department()
    {
        Guid leader = Guid.NewGuid(), department = Guid.NewGuid();
        var lagging = new AgendaRules.ProjectFacts(Guid.NewGuid(), true, leader, department, true, false, 1, 0, false, false);
        AgendaRules.Reasons(lagging).ShouldBe(AgendaReasons.BehindSchedule | AgendaReasons.OpenIssues);
        AgendaRules.Reporter(lagging).ShouldBe((leader, (Guid?)null));

        var ordinary = lagging with { IsKeyProject = false };
        AgendaRules.Reasons(ordinary).ShouldBe(AgendaReasons.None, "a project outside the pool comes only when new or with an overdue problem");
        AgendaRules.Reporter(ordinary).ShouldBe(((Guid?)null, department));
        AgendaRules.Reasons(ordinary with { SignedSinceLast = true, OverdueIssues = 1 }).ShouldBe(AgendaReasons.NewlySigned | AgendaReasons.OverdueIssues);
        AgendaRules.Reporter(lagging with { ResponsibleLeaderId = null }).ShouldBe(((Guid?)null, department), "a key project without a 包保领导 is its department's");
        AgendaRules.Labels(AgendaReasons.BehindSchedule | AgendaReasons.NewlyLanded).ShouldBe(["投资滞后序时进度", "新落位"]);
    }

    [Fact]
    public void The_office_orders_the_agenda_and_nothing_changes_after_the_bulletin_is_sent()
    {
        var meeting = new DispatchMeeting(MeetingKind.Monthly, "2022年10月重点项目运行调度会", new DateOnly(2022, 10, 11), "区政府 3 楼会议室", null);
        var a = meeting.AddItem(Guid.NewGuid(), Guid.NewGuid(), null, AgendaReasons.BehindSchedule);
        var b = meeting.AddItem(Guid.NewGuid(), null, Guid.NewGuid(), AgendaReasons.NewlySigned);
        var c = meeting.AddItem(Guid.NewGuid(), null, Guid.NewGuid(), AgendaReasons.AddedByHand);
        Should.Throw<DomainException>(() => meeting.AddItem(a.ProjectId, null, null, AgendaReasons.AddedByHand)).Message.ShouldBe("该项目已在议程中。");
        meeting.MoveItem(c.Id, -1);
        meeting.Items.Select(i => i.Id).ShouldBe([a.Id, c.Id, b.Id]);
        meeting.MoveItem(a.Id, -1);
        meeting.Items[0].Id.ShouldBe(a.Id, "the first stays first");
        meeting.DropItem(c.Id);
        meeting.Items.Select(i => (i.Id, i.Position)).ShouldBe([(a.Id, 1), (b.Id, 2)]);

        Should.Throw<DomainException>(() => meeting.Decide(a.Id, "限期完成管网接驳", null, new DateOnly(2022, 10, 1), null)).Message.ShouldContain("早于会议日期");
        meeting.Decide(a.Id, "限期完成管网接驳", Guid.NewGuid(), new DateOnly(2022, 10, 31), null);
        Should.Throw<DomainException>(() => meeting.DropItem(a.Id)).Message.ShouldContain("已有决定事项");
        Should.Throw<DomainException>(() => meeting.SendBulletin("领导小组", new DateOnly(2022, 10, 12), [1], [1])).Message.ShouldBe("会议召开后才能发送快报。");
        Should.Throw<DomainException>(() => meeting.MarkHeld(new DateOnly(2022, 10, 10))).Message.ShouldContain("日期未到");
        meeting.MarkHeld(new DateOnly(2022, 10, 11));
        Should.Throw<DomainException>(() => meeting.SendBulletin("领导小组", new DateOnly(2022, 10, 12), [], [1])).Message.ShouldContain("快报文件为空");
        var bulletin = meeting.SendBulletin("区“项目建设年”领导小组成员", new DateOnly(2022, 10, 12), [1, 2], [3]);
        meeting.Status.ShouldBe(MeetingStatus.BulletinSent);
        (bulletin.DispatchMeetingId, bulletin.SentOn, bulletin.Recipients, bulletin.Document.Length).ShouldBe((meeting.Id, new DateOnly(2022, 10, 12), "区“项目建设年”领导小组成员", 2));
        Should.Throw<DomainException>(() => meeting.SendBulletin("领导小组", new DateOnly(2022, 10, 13), [1], [1])).Message.ShouldBe("快报已发送。");
        Should.Throw<DomainException>(() => meeting.RecordMinutes(a.Id, "改")).Message.ShouldBe("快报已发送，会议记录不能再修改。");
        Should.Throw<DomainException>(() => meeting.AddItem(Guid.NewGuid(), null, null, AgendaReasons.AddedByHand)).Message.ShouldBe("快报已发送，会议记录不能再修改。");
    }

    [Fact]
    public void Scheduled_meetings_are_prepared_a_week_ahead_and_the_weekly_one_only_where_configured()
    {
        // October 2022: the monthly meeting on Tuesday 11th.
        MeetingSchedule.Default.DueFor(new DateOnly(2022, 10, 3)).ShouldBeEmpty("eight days ahead is too early");
        MeetingSchedule.Default.DueFor(new DateOnly(2022, 10, 4)).ShouldBe([(MeetingKind.Monthly, new DateOnly(2022, 10, 11))]);
        MeetingSchedule.Default.DueFor(new DateOnly(2022, 10, 12)).ShouldBeEmpty("held yesterday, November's is five weeks away");
        MeetingSchedule.Default.DueFor(new DateOnly(2022, 11, 8)).ShouldBe([(MeetingKind.Monthly, new DateOnly(2022, 11, 15))]);
        // Late in a month the next month's meeting comes into view: in week 1, August 2022's is Tuesday 2nd.
        new MeetingSchedule(1).DueFor(new DateOnly(2022, 7, 27)).ShouldBe([(MeetingKind.Monthly, new DateOnly(2022, 8, 2))]);

        var weekly = new MeetingSchedule(2, DayOfWeek.Tuesday, DayOfWeek.Tuesday);
        weekly.DueFor(new DateOnly(2022, 10, 4)).ShouldBe([(MeetingKind.Weekly, new DateOnly(2022, 10, 4)), (MeetingKind.Monthly, new DateOnly(2022, 10, 11))],
            ignoreOrder: true);
        new MeetingSchedule(2, DayOfWeek.Tuesday, DayOfWeek.Friday).DueFor(new DateOnly(2022, 10, 4))
            .ShouldBe([(MeetingKind.Monthly, new DateOnly(2022, 10, 11)), (MeetingKind.Weekly, new DateOnly(2022, 10, 7))], ignoreOrder: true);
        Should.Throw<DomainException>(() => new MeetingSchedule(2, DayOfWeek.Tuesday, DayOfWeek.Saturday).Validated()).Message.ShouldContain("周调度会");
    }

    [Fact]
    public void A_special_meeting_links_its_problems_and_takes_up_their_projects_once()
    {
        var meeting = new DispatchMeeting(MeetingKind.Special, "华为项目管网接驳专题调度会", new DateOnly(2022, 10, 20), "区政府第一会议室", null);
        var project = Guid.NewGuid();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        meeting.LinkIssue(first, project, null, Guid.NewGuid());
        meeting.LinkIssue(second, project, null, Guid.NewGuid());
        meeting.LinkIssue(second, project, null, null);
        meeting.LinkedIssues.Select(l => l.ProjectIssueId).ShouldBe([first, second]);
        meeting.Items.ShouldHaveSingleItem().Reasons.ShouldBe(AgendaReasons.SpecialSubject);
    }
}
