using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Projects;

/// <summary>
/// A refused form keeps what the user typed and shows its message beside itself (Shared/FormComponentBase.cs); before,
/// the input was lost and the message stood at the top of a long page.
/// </summary>
public class RefusedFormTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_refused_visit_keeps_its_input_and_shows_the_reason_inside_its_form(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        Guid project;
        await using (var db = factory.Database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "华润中心").Select(p => p.Id).SingleAsync();

        var refused = await FormPoster.PostAsync(officer, $"/projects/{project}", "log-visit",
            [new("date", "2026-03-10"), new("type", "DoorKnocking"), new("summary", ""), new("next", "约见华润置地招商负责人"), new("due", "2026-04-01")]);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler][value='log-visit']") is not null);
        form.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("内容");
        form.Closest("details")!.HasAttribute("open").ShouldBeTrue("the refused form is shown, not folded away");
        form.QuerySelector("#visit-date")!.GetAttribute("value").ShouldBe("2026-03-10");
        form.QuerySelector("#visit-next")!.GetAttribute("value").ShouldBe("约见华润置地招商负责人");
        form.QuerySelector("#visit-due")!.GetAttribute("value").ShouldBe("2026-04-01");
        form.QuerySelector("#visit-type option[selected]")!.GetAttribute("value").ShouldBe("DoorKnocking");
        // The other forms stay as they were, without the message.
        page.QuerySelectorAll("[data-testid=form-error]").Length.ShouldBe(1);
        page.QuerySelector("#contract-number")!.GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task A_refused_new_project_keeps_what_was_typed()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");

        var refused = await FormPoster.PostAsync(officer, "/projects/new", "new-project",
            [new("name", "长春光电产业园"), new("type", "Industrial"), new("industry", ""), new("registered", "2026-02-01"), new("domestic", "3.5"), new("channel", "产业链招商")]);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("form [data-testid=form-error]")!.TextContent.ShouldBe("请填写产业。");
        page.QuerySelector("#name")!.GetAttribute("value").ShouldBe("长春光电产业园");
        page.QuerySelector("#domestic")!.GetAttribute("value").ShouldBe("3.5");
        page.QuerySelector("#channel")!.GetAttribute("value").ShouldBe("产业链招商");
    }
}
