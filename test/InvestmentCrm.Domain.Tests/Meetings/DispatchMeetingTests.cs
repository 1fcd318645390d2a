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
        Should.Throw<DomainException>(() => meeting.SendBulletin("领导小组", new DateOnly(2022, 10, 12))).Message.ShouldBe("会议召开后才能发送快报。");
        Should.Throw<DomainException>(() => meeting.MarkHeld(new DateOnly(2022, 10, 10))).Message.ShouldContain("日期未到");
        meeting.MarkHeld(new DateOnly(2022, 10, 11));
        meeting.SendBulletin("区“项目建设年”领导小组成员", new DateOnly(2022, 10, 12));
        meeting.Status.ShouldBe(MeetingStatus.BulletinSent);
        Should.Throw<DomainException>(() => meeting.RecordMinutes(a.Id, "改")).Message.ShouldBe("快报已发送，会议记录不能再修改。");
        Should.Throw<DomainException>(() => meeting.AddItem(Guid.NewGuid(), null, null, AgendaReasons.AddedByHand)).Message.ShouldBe("快报已发送，会议记录不能再修改。");
    }
}
