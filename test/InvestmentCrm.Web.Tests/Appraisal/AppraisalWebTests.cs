using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.Appraisal;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Web.Tests.Appraisal;

public class AppraisalWebTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_published_rule_set_is_refused_in_Chinese_by_the_api_and_read_only_in_the_ui(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var assessor = await factory.SignInAsync("assessor");
        var published = (await assessor.GetFromJsonAsync<List<RuleSetSummaryDto>>("/api/v1/appraisal/rulesets"))!.Single(r => r.Year == 2026);
        var rules = (await assessor.GetFromJsonAsync<RuleSetDto>($"/api/v1/appraisal/rulesets/{published.Id}"))!;
        var item = rules.Items.First();

        var refused = await assessor.PutAsJsonAsync($"/api/v1/appraisal/rulesets/{rules.Id}/items/{item.Id}", item.Spec with { Points = 99m });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("第 1 版已发布，不能修改；请新建版本。");
        (await assessor.PostAsJsonAsync($"/api/v1/appraisal/rulesets/{rules.Id}/items", item.Spec)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var page = await new HtmlParser().ParseDocumentAsync(await assessor.GetStringAsync($"/appraisal/rules/{rules.Id}"));
        page.QuerySelector("[data-testid=immutable]")!.TextContent.ShouldContain("不能修改");
        page.QuerySelector("[data-testid=add-item]").ShouldBeNull();
        page.QuerySelector("[data-testid=exclusions-form] fieldset")!.HasAttribute("disabled").ShouldBeTrue();

        // Officers may not run or edit; they read their own contribution.
        var officer = await factory.SignInAsync("officer");
        (await officer.PutAsJsonAsync($"/api/v1/appraisal/rulesets/{rules.Id}/items/{item.Id}", item.Spec)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/appraisal")).StatusCode.ShouldBe(HttpStatusCode.Found);
        (await officer.GetAsync("/appraisal/mine")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_run_is_created_over_the_api_exported_and_its_line_items_are_private()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var assessor = await factory.SignInAsync("assessor");
        var rules = (await assessor.GetFromJsonAsync<List<RuleSetSummaryDto>>("/api/v1/appraisal/rulesets"))!.Single(r => r.Year == 2026);
        var created = await assessor.PostAsJsonAsync("/api/v1/appraisal/runs", new { ruleSetId = rules.Id, asOf = "2026-11-22" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<Dictionary<string, Guid>>())!["id"];
        var run = (await assessor.GetFromJsonAsync<RunDto>($"/api/v1/appraisal/runs/{id}"))!;
        var chen = run.People.Single(p => p.Name == "陈静");
        var liu = run.People.Single(p => p.Name == "刘洋");

        var export = await assessor.GetAsync($"/appraisal/runs/{id}/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var officer = await factory.SignInAsync("officer");
        (await officer.GetFromJsonAsync<SubjectDetailDto>($"/api/v1/appraisal/runs/{id}/person/{chen.SubjectId}"))!.Total.ShouldBe(chen.Total);
        // A colleague's line items answer as a subject that is not there (existence does not leak).
        (await officer.GetAsync($"/api/v1/appraisal/runs/{id}/person/{liu.SubjectId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/appraisal/mine"));
        page.QuerySelector("[data-testid=subject-total]")!.TextContent.ShouldContain(chen.Total.ToString("0.00"));
        page.QuerySelectorAll("[data-testid=ledger] tbody tr").Length.ShouldBeGreaterThan(0);
    }
}
