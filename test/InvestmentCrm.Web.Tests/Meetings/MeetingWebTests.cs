using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.Meetings;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace InvestmentCrm.Web.Tests.Meetings;

/// <summary>Issue 19 over HTTP: who prepares a meeting, who reads it, and bad input refused in Chinese.</summary>
public class MeetingWebTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_dispatch_office_prepares_leaders_read_and_bad_input_is_refused(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var leader = await factory.SignInAsync("baobao");
        (await leader.PostAsJsonAsync("/api/v1/meetings/monthly", new { year = 2022, month = 10 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var dispatch = await factory.SignInAsync("dispatch");
        var badMonth = await dispatch.PostAsJsonAsync("/api/v1/meetings/monthly", new { year = 2022, month = 13 });
        badMonth.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badMonth.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.ShouldBe("月份应在 1 到 12 之间。");
        var created = await dispatch.PostAsJsonAsync("/api/v1/meetings/monthly", new { year = 2022, month = 10 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var meeting = (await leader.GetFromJsonAsync<MeetingDto>(created.Headers.Location!.ToString()))!;
        (meeting.Date, meeting.Kind).ShouldBe((new DateOnly(2022, 10, 11), MeetingKind.Monthly));
        meeting.Items.ShouldContain(i => i.ProjectName == "华为吉林区域总部" && i.Reporter == "张华");
        (await leader.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var decision = await dispatch.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/items/{meeting.Items[0].Id}/decisions",
            new { text = "限期完成", dueOn = "2022-10-01" });
        decision.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await decision.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!.ShouldContain("早于会议日期");
        var officer = await factory.SignInAsync("officer");
        (await officer.GetAsync(created.Headers.Location!.ToString())).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an officer is not at the meeting");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_bulletin_is_sent_by_the_dispatch_office_and_read_as_sent_by_the_meetings_readers(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var dispatch = await factory.SignInAsync("dispatch");
        var head = await factory.SignInAsync("head");
        var id = (await dispatch.PostAsJsonAsync("/api/v1/meetings/monthly", new { year = 2022, month = 10 })).Headers.Location!.ToString().Split('/')[^1];

        // A draft is the dispatch office's (its figures are the district's): a department head is refused, in Chinese.
        var draft = await dispatch.GetAsync($"/meetings/{id}/bulletin.docx");
        (draft.StatusCode, draft.Content.Headers.ContentType!.MediaType).ShouldBe((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        (await head.GetAsync($"/meetings/{id}/bulletin.docx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dispatch.GetAsync($"/meetings/{Guid.NewGuid()}/bulletin.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var early = await dispatch.PostAsJsonAsync($"/api/v1/meetings/{id}/bulletin", new { recipients = "领导小组" });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.ShouldBe("会议召开后才能发送快报。");
        (await head.PostAsJsonAsync($"/api/v1/meetings/{id}/held", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dispatch.PostAsJsonAsync($"/api/v1/meetings/{id}/held", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await dispatch.PostAsJsonAsync($"/api/v1/meetings/{id}/bulletin", new { recipients = "区“项目建设年”领导小组成员" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Sent: the head downloads the copy as sent; the meeting can no longer change.
        var asSent = await head.GetAsync($"/meetings/{id}/bulletin.xlsx");
        asSent.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxWorkbook.Read(await asSent.Content.ReadAsByteArrayAsync()).SheetNames.ShouldContain("投资目标清单");
        var frozen = await dispatch.PutAsJsonAsync($"/api/v1/meetings/{id}", new { title = "改名", date = "2022-10-11" });
        frozen.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await frozen.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.ShouldBe("快报已发送，会议记录不能再修改。");

        // 专题调度会 and the schedule, over the API; refusals in Chinese.
        var noIssues = await dispatch.PostAsJsonAsync("/api/v1/meetings/special", new { title = "专题会", date = "2022-10-20", issueIds = Array.Empty<Guid>() });
        (await noIssues.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.ShouldBe("专题调度会请至少选择一个项目问题。");
        var badSchedule = await dispatch.PutAsJsonAsync("/api/v1/meetings/schedule", new { week = 2, weekday = 6, weeklyOn = (int?)null });
        (await badSchedule.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.ShouldBe("调度会应安排在工作日（周一至周五）。");
        (await dispatch.PutAsJsonAsync("/api/v1/meetings/schedule", new { week = 3, weekday = 3, weeklyOn = 1 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await head.GetFromJsonAsync<MeetingSchedule>("/api/v1/meetings/schedule")).ShouldBe(new MeetingSchedule(3, DayOfWeek.Wednesday, DayOfWeek.Monday));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_morning_job_prepares_the_coming_meeting_with_its_agenda_as_the_installation(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await scheduler.GetTrigger(new TriggerKey("meeting-scheduling-daily", "meetings"))).ShouldNotBeNull();

        // December 2026's meeting falls on Tuesday the 15th (the first Monday is the 7th): on the 10th it is within the week.
        // Quartz reads the same clock, so its own trigger may fire beside this run: the unique index keeps one meeting.
        factory.Clock.Now = new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero);
        await using (var scope = factory.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<MeetingSchedulingJob>(scope.ServiceProvider).Execute(null!, CancellationToken.None);

        await using var db = factory.Database.CreateContext();
        var december = await db.DispatchMeetings.AsNoTracking().SingleAsync(m => m.Date == new DateOnly(2026, 12, 15));
        december.Kind.ShouldBe(MeetingKind.Monthly);
        december.Items.ShouldNotBeEmpty("the job reads the district's records, not nobody's");
    }
}
