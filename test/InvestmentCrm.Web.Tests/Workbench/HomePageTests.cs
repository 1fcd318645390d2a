using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Workbench;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Workbench;

public class HomePageTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_home_page_shows_the_pipeline_by_stage_from_the_database(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        // 区领导 sees the whole district (data scope 全部).
        var client = await factory.SignInAsync("leader");
        Dictionary<ProjectStage, int> expected;
        await using (var db = factory.Database.CreateContext())
            expected = await db.Projects.GroupBy(p => p.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/"));

        page.Title.ShouldBe("工作台 - 南关区招商引资管理平台");
        page.QuerySelector("h1")!.TextContent.ShouldBe("工作台");
        var cards = page.QuerySelectorAll("[data-testid=stage-counts] [data-stage]");
        cards.Select(c => c.QuerySelector(".crm-kpi-label")!.TextContent).ShouldBe(["储备", "在谈", "签约", "落位", "到位", "暂停", "终止"]);
        foreach (var card in cards)
        {
            var stage = Enum.Parse<ProjectStage>(card.GetAttribute("data-stage")!);
            card.QuerySelector(".crm-kpi-value")!.TextContent.ShouldBe(expected.GetValueOrDefault(stage).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        page.QuerySelector("[data-testid=total-projects]")!.TextContent.ShouldBe(expected.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector("[data-testid=verified-domestic]")!.TextContent.ShouldBe("68.7 亿元");
        page.QuerySelector("[data-testid=verified-foreign]")!.TextContent.ShouldBe("2,000 万美元");
        page.QuerySelectorAll("nav .nav-link").Select(l => l.TextContent.Trim()).ShouldContain(t => t.StartsWith("招商项目", StringComparison.Ordinal));
        page.QuerySelectorAll("nav .nav-link").Select(l => l.TextContent.Trim()).ShouldNotContain("审计日志");
    }

    [Fact]
    public async Task The_summary_api_returns_the_same_figures_as_json()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("leader");
        var summary = await client.GetFromJsonAsync<WorkbenchSummaryDto>("/api/v1/workbench/summary");
        summary.ShouldNotBeNull();
        summary.Stages.Sum(s => s.Count).ShouldBe(summary.TotalProjects);
        summary.VerifiedDomesticCny.ShouldBe(6_870_000_000m);
    }

    [Fact]
    public async Task The_audit_administrator_gets_no_business_figures()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var auditor = await factory.SignInAsync("auditor");
        (await auditor.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Pages_are_served_as_utf8_chinese_not_entities()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var response = await factory.CreateClient().GetAsync("/account/login");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("南关区招商引资管理平台");
        html.ShouldContain("<html lang=\"zh-CN\">");
    }
}
