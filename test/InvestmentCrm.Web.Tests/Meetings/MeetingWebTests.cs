using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.Meetings;
using InvestmentCrm.TestBase;

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
}
