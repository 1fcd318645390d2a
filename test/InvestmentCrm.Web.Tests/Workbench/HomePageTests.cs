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

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_number_on_the_workbench_opens_the_records_behind_it(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head"); // 商务局: may verify tranches
        var parser = new HtmlParser();
        var home = await parser.ParseDocumentAsync(await head.GetStringAsync("/"));

        async Task<AngleSharp.Html.Dom.IHtmlDocument> Open(string selector) =>
            await parser.ParseDocumentAsync(await head.GetStringAsync("/" + home.QuerySelector(selector)!.GetAttribute("href")));
        static int Number(string text) => int.Parse(new string(text.TakeWhile(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

        var projects = await Open("[data-testid=total-projects]");
        Number(projects.QuerySelector("[data-testid=total]")!.TextContent).ShouldBe(Number(home.QuerySelector("[data-testid=total-projects]")!.TextContent));
        foreach (var card in home.QuerySelectorAll("[data-testid=stage-counts] [data-stage]").Where(c => c.QuerySelector("a")!.TextContent != "0"))
        {
            var list = await parser.ParseDocumentAsync(await head.GetStringAsync("/" + card.QuerySelector("a")!.GetAttribute("href")));
            Number(list.QuerySelector("[data-testid=total]")!.TextContent).ShouldBe(Number(card.QuerySelector("a")!.TextContent));
        }
        var contracts = await Open("[data-testid=formal-contracts]");
        Number(contracts.QuerySelector("[data-testid=total]")!.TextContent).ShouldBe(Number(home.QuerySelector("[data-testid=formal-contracts]")!.TextContent));
        var domestic = await Open("[data-testid=verified-domestic]");
        domestic.QuerySelector("[data-testid=total-row]")!.TextContent.ShouldContain(home.QuerySelector("[data-testid=verified-domestic]")!.TextContent);

        // The 待认定 queue: its count, oldest first, each row one click from the tranche on its project page.
        var pendingCount = Number(home.QuerySelector("[data-testid=pending-tranches]")!.TextContent);
        pendingCount.ShouldBeGreaterThan(0);
        var queue = await Open("[data-testid=pending-tranches]");
        queue.QuerySelector("h1")!.TextContent.ShouldBe("待认定到位资金");
        var rows = queue.QuerySelectorAll("[data-testid=tranche-row]");
        rows.Length.ShouldBe(pendingCount);
        var dates = rows.Select(r => r.QuerySelector("td")!.TextContent).ToList();
        dates.ShouldBe(dates.Order(StringComparer.Ordinal).ToList());
        var link = rows[0].QuerySelector("[data-testid=open-tranche]")!.GetAttribute("href")!;
        link.ShouldMatch(@"^projects/[0-9a-f-]{36}#tranche-[0-9a-f-]{36}$");
        var project = await parser.ParseDocumentAsync(await head.GetStringAsync("/" + link.Split('#')[0]));
        project.QuerySelector("#" + link.Split('#')[1])!.QuerySelector("button[value=approve]").ShouldNotBeNull();
        var api = await head.GetFromJsonAsync<TrancheListDto>("/api/v1/tranches?status=Pending");
        api!.Page.Total.ShouldBe(pendingCount);

        // Beyond the last page: an empty page that still tells the true total.
        var beyond = await parser.ParseDocumentAsync(await head.GetStringAsync("/funds?status=Pending&page=99"));
        beyond.QuerySelector("[data-testid=empty]")!.TextContent.ShouldBe($"第 99 页没有记录（共 {pendingCount} 笔）。");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deleted_projects_contracts_and_funds_leave_every_workbench_total(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var leader = await factory.SignInAsync("leader"); // 全部
        var before = (await leader.GetFromJsonAsync<WorkbenchSummaryDto>("/api/v1/workbench/summary"))!;
        await using (var db = factory.Database.CreateContext())
        {
            var funded = await db.Projects.FirstAsync(p => db.FundsTranches.Any(t => t.ProjectId == p.Id && t.Verification == VerificationStatus.Verified && t.Source == CapitalSource.Domestic)
                && db.Contracts.Any(c => c.ProjectId == p.Id && c.Kind == ContractKind.FormalInvestment));
            var verified = await db.FundsTranches.Where(t => t.ProjectId == funded.Id && t.Verification == VerificationStatus.Verified && t.Source == CapitalSource.Domestic).SumAsync(t => t.Amount.Amount);
            var formal = await db.Contracts.CountAsync(c => c.ProjectId == funded.Id && c.Kind == ContractKind.FormalInvestment);
            funded.IsDeleted = true;
            await db.SaveChangesAsync();

            var after = (await leader.GetFromJsonAsync<WorkbenchSummaryDto>("/api/v1/workbench/summary"))!;
            after.VerifiedDomesticCny.ShouldBe(before.VerifiedDomesticCny - verified);
            after.FormalContracts.ShouldBe(before.FormalContracts - formal);
            var register = (await leader.GetFromJsonAsync<TrancheListDto>("/api/v1/tranches?status=Verified&source=Domestic"))!;
            register.Totals.Single().Amount.ShouldBe(after.VerifiedDomesticCny);
        }
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
