using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.Figures;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Figures;

public class CockpitPagesTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_cockpit_shows_the_worked_example_with_its_footnotes_and_links(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var client = await factory.SignInAsync("leader");

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/cockpit?year=2012&asOf=2012-12-31"));

        page.Title.ShouldBe("领导驾驶舱 - 南关区招商引资管理平台");
        string Value(string figure) => page.QuerySelector($"[data-figure={figure}] [data-testid=figure-value]")!.TextContent;
        Value("FulfilmentRate").ShouldBe("80.0");
        // Counts are whole numbers (they read “8.0 / 10.0 个” before).
        page.QuerySelector("[data-figure=FulfilmentRate]")!.TextContent.ShouldContain("8 / 10 个");
        Value("DomesticArrivalRate").ShouldBe("25.0");
        Value("DomesticFunds").ShouldBe("10.00");
        page.QuerySelector("[data-figure=DomesticFunds] [data-testid=completion]")!.TextContent.ShouldBe("33.3%");
        page.QuerySelector("[data-figure=ForeignFunds] [data-testid=completion]")!.TextContent.ShouldBe("0.0%");
        page.QuerySelector("[data-figure=FulfilmentRate] details")!.TextContent.ShouldContain("终止项目仍在分母");
        page.QuerySelector("[data-figure=DomesticFunds] a")!.GetAttribute("href").ShouldBe("figures/records?figure=DomesticFunds&asOf=2012-12-31&year=2012");
        page.QuerySelectorAll("[data-chart]").Length.ShouldBe(2);
        page.QuerySelectorAll("[data-testid=trend-table] tbody tr").Length.ShouldBe(12);
        page.QuerySelector("[data-testid=ranking]")!.TextContent.ShouldContain("商务局");
        page.QuerySelector("[data-testid=campaign]")!.TextContent.ShouldContain("第五轮招商引资九个月攻坚行动");

        var records = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/figures/records?figure=DomesticFunds&asOf=2012-12-31&year=2012"));
        records.QuerySelector("[data-testid=records-total]")!.TextContent.ShouldBe("8");
        records.QuerySelectorAll("[data-testid=records] tbody tr").Length.ShouldBe(8);
        var fulfilment = await client.GetStringAsync("/figures/records?figure=FulfilmentRate&asOf=2012-12-31&year=2012");
        fulfilment.ShouldContain("分子 8 ÷ 分母 10 个项目");
    }

    [Fact]
    public async Task Bad_filters_say_so_and_fall_back_instead_of_failing()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("leader");

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/cockpit?asOf=2026-13-45&department=xyz"));
        page.QuerySelector("[data-testid=filter-error]")!.TextContent.ShouldBe("统计日期“2026-13-45”无效，已按今天统计；所选范围无效，已按全区显示。");
        page.QuerySelector("[data-testid=time-progress]")!.TextContent.ShouldContain("2026-11-22");

        var records = await client.GetAsync("/figures/records?figure=Nonsense");
        records.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await records.Content.ReadAsStringAsync()).ShouldContain("请选择要查看的指标。");
    }

    [Fact]
    public async Task Officers_read_their_own_figures_but_not_the_cockpit()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");

        var cockpit = await officer.GetAsync("/cockpit");
        cockpit.StatusCode.ShouldBe(HttpStatusCode.Found);
        cockpit.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
        (await officer.GetAsync("/api/v1/cockpit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/figures/records?figure=DomesticFunds&year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var mine = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/figures/mine"));
        mine.QuerySelector("h1")!.TextContent.ShouldContain("陈静");
        mine.QuerySelector("[data-figure=DomesticFunds] [data-testid=figure-value]")!.TextContent.ShouldBe("13.15");
        mine.QuerySelectorAll("[data-testid=my-projects] tbody tr").Length.ShouldBeGreaterThan(5);
        var own = mine.QuerySelector("[data-figure=DomesticFunds] a")!.GetAttribute("href")!;
        (await officer.GetAsync("/" + own)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var api = await officer.GetFromJsonAsync<PersonFiguresDto>("/api/v1/figures/mine?year=2026");
        api!.Figures.Figures.Single(f => f.Figure == Figure.DomesticFunds).Value.ShouldBe(13.15m);
    }

    [Fact]
    public async Task The_head_sees_the_department_view_and_the_leader_gets_the_cockpit_as_json()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var head = await factory.SignInAsync("head");
        var view = await new HtmlParser().ParseDocumentAsync(await head.GetStringAsync("/figures/department"));
        view.QuerySelector("h1")!.TextContent.ShouldContain("商务局");
        view.QuerySelector("[data-testid=people]")!.TextContent.ShouldContain("陈静");

        var leader = await factory.SignInAsync("leader");
        var cockpit = await leader.GetFromJsonAsync<CockpitDto>("/api/v1/cockpit?year=2012&asOf=2012-12-31");
        cockpit!.Figures.Figures.Single(f => f.Figure == Figure.FulfilmentRate).Value.ShouldBe(80m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_head_opening_another_departments_figures_is_refused_not_shown_zeros(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        await using var db = factory.Database.CreateContext();
        var zone = (await db.Departments.SingleAsync(d => d.Code == "NG-KFQ")).Id;
        var commerce = (await db.Departments.SingleAsync(d => d.Code == "NG-SWJ")).Id;
        var head = await factory.SignInAsync("head"); // 商务局局长

        foreach (var url in new[] { $"/api/v1/cockpit?department={zone}", $"/api/v1/figures?department={zone}", $"/api/v1/figures/DomesticFunds/records?department={zone}" })
        {
            var response = await head.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain("无权查看该部门的指标");
        }
        var page = await head.GetAsync($"/figures/department?department={zone}");
        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        html.QuerySelector("[data-testid=filter-error]")!.TextContent.ShouldContain("无权查看该部门的指标");
        html.QuerySelector("[data-testid=department-figures]").ShouldBeNull();

        // Their own department still opens, and its selector offers only what they may read.
        var own = await new HtmlParser().ParseDocumentAsync(await head.GetStringAsync($"/figures/department?department={commerce}"));
        own.QuerySelector("[data-testid=department-figures]").ShouldNotBeNull();
        own.QuerySelectorAll("#department option").Select(o => o.GetAttribute("value")).ShouldBe([commerce.ToString()]);
        (await head.GetAsync($"/api/v1/figures?department={commerce}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_five_year_plan_page_is_in_the_menu_and_the_cockpit_and_reads_against_time_progress()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var leader = await factory.SignInAsync("leader");
        var cockpit = await new HtmlParser().ParseDocumentAsync(await leader.GetStringAsync("/cockpit"));
        cockpit.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ShouldContain("figures/plan");
        cockpit.QuerySelector("[data-testid=plan-link]")!.GetAttribute("href")!.ShouldStartWith("figures/plan?asOf=");

        var page = await new HtmlParser().ParseDocumentAsync(await leader.GetStringAsync("/figures/plan?plan=2021&asOf=2025-12-31"));
        page.QuerySelector("h1")!.TextContent.ShouldContain("“十四五”规划（2021—2025年）");
        page.QuerySelector("[data-testid=time-progress]")!.TextContent.ShouldBe("100.0%");
        page.QuerySelector("[data-testid=domestic] [data-testid=verdict]")!.TextContent.ShouldBe("欠进度");
        page.QuerySelector("[data-testid=domestic] [data-testid=baseline]")!.TextContent.ShouldContain("上一规划期实绩 305.2 亿元");
        page.QuerySelector("[data-testid=combined-rule]")!.TextContent.ShouldContain("美元兑人民币汇率");

        var bad = await new HtmlParser().ParseDocumentAsync(await leader.GetStringAsync("/figures/plan?plan=2023"));
        bad.QuerySelector("[data-testid=message]")!.TextContent.ShouldContain("2023 年不是规划的起始年");
    }

    [Fact]
    public async Task Targets_are_managed_by_the_dispatch_office_only_and_export_to_excel()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var leader = await factory.SignInAsync("leader");
        var readOnly = await new HtmlParser().ParseDocumentAsync(await leader.GetStringAsync("/targets?kind=Year&year=2026"));
        readOnly.QuerySelector("[data-testid=target-tree]").ShouldNotBeNull();
        readOnly.QuerySelector("[data-testid=add-target]").ShouldBeNull();
        var refused = await FormPoster.PostAsync(leader, "/targets/rules?year=2026", "save-rules", new Dictionary<string, string> { ["threshold"] = "1" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var export = await leader.GetAsync("/targets/export?kind=Year&year=2026");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxWorkbook.Read(await export.Content.ReadAsByteArrayAsync()).SheetNames.ShouldBe(["指标分解"]);

        var dispatch = await factory.SignInAsync("dispatch");
        var rules = await FormPoster.PostAsync(dispatch, "/targets/rules?year=2027", "save-rules", new Dictionary<string, string>
        {
            ["threshold"] = "5000", ["landing"] = "true", ["funds"] = "true", ["window"] = "WithinPeriod", ["green"] = "0", ["yellow"] = "-10",
        });
        rules.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await new HtmlParser().ParseDocumentAsync(await dispatch.GetStringAsync("/targets/rules?year=2027"));
        saved.QuerySelector("[data-testid=rules-summary]")!.TextContent.ShouldContain("重点项目门槛 5000 万元；履约：截至统计日已落位，且有已认定到位资金");

        var bad = await FormPoster.PostAsync(dispatch, "/targets/rates", "save-rate", new Dictionary<string, string>
        {
            ["year"] = "2027", ["month"] = "", ["currency"] = "HKD", ["toCny"] = "abc", ["toUsd"] = "0.128",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusedPage = await new HtmlParser().ParseDocumentAsync(await bad.Content.ReadAsStringAsync());
        refusedPage.QuerySelector("[data-testid=message]")!.TextContent.ShouldBe("折人民币汇率必须是数字。");
        refusedPage.QuerySelector("#year")!.GetAttribute("value").ShouldBe("2027"); // what was typed is still there
        refusedPage.QuerySelector("#currency option[selected]")!.GetAttribute("value").ShouldBe("HKD");
    }
}
