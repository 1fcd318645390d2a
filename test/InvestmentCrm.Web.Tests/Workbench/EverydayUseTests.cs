using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Workbench;

/// <summary>Issue 15 (point 12): the small things users noticed.</summary>
public class EverydayUseTests
{
    private static readonly HtmlParser Parser = new();

    [Theory, OnSqlite, OnPostgres]
    public async Task Pickers_of_leaders_and_contributors_offer_only_people_who_can_hold_the_role(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        await using var db = factory.Database.CreateContext();
        var project = (await db.Projects.SingleAsync(p => p.Name == "吉林长春基金广场二期")).Id;
        var sysadmin = (await db.Users.SingleAsync(u => u.UserName == "sysadmin")).Id;

        var page = await Parser.ParseDocumentAsync(await head.GetStringAsync($"/projects/{project}"));
        var leaders = page.QuerySelectorAll("#leader option").Select(o => o.TextContent).ToList();
        leaders.ShouldContain("张华");   // 包保领导
        leaders.ShouldContain("李明");   // 区领导
        leaders.ShouldNotContain("陈静"); // an officer leads no project
        var people = page.QuerySelectorAll("select[name=contributor] option").Select(o => o.TextContent).Distinct().ToList();
        people.ShouldContain("陈静");
        foreach (var administrator in new[] { "王磊", "吴芳", "郑强" })
        {
            leaders.ShouldNotContain(administrator);
            people.ShouldNotContain(administrator);
        }

        var refused = await FormPoster.PostAsync(head, $"/projects/{project}", "responsibility",
            [new("lead", page.QuerySelector("#lead option[selected]")!.GetAttribute("value")!), new("contributor", sysadmin.ToString()), new("role", "FirstNegotiator"), new("weight", "100")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("系统管理员、审计管理员、安全管理员不参与业务");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_company_form_preselects_no_nature_and_says_so_when_none_is_chosen(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        var form = await Parser.ParseDocumentAsync(await officer.GetStringAsync("/companies/new"));
        var selected = form.QuerySelector("#company-nature option[selected]")!;
        selected.GetAttribute("value").ShouldBe("");
        selected.TextContent.ShouldBe("请选择");

        var refused = await FormPoster.PostAsync(officer, "/companies/new", "company-form", [new("name", "长春测试性质有限公司"), new("industry", "金融业/银行")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("企业性质");
    }

    [Fact]
    public async Task No_english_reaches_a_user_and_the_api_link_is_for_those_who_pull_data()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var sysadmin = await factory.SignInAsync("sysadmin");
        var roles = await sysadmin.GetStringAsync("/admin/roles");
        roles.ShouldContain("考核员");
        roles.ShouldNotContain("Assessor");
        roles.ShouldNotContain("DistrictLeader");
        var security = await factory.SignInAsync("security");
        (await security.GetStringAsync("/admin/security")).ShouldNotContain("docs/");

        static async Task<bool> OffersApi(HttpClient client, string page = "/") =>
            (await Parser.ParseDocumentAsync(await client.GetStringAsync(page))).QuerySelectorAll("nav a").Any(a => a.GetAttribute("href") == "swagger");
        (await OffersApi(sysadmin, "/admin/users")).ShouldBeFalse();
        (await OffersApi(await factory.SignInAsync("officer"))).ShouldBeFalse();
        (await OffersApi(await factory.SignInAsync("leader"))).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_drill_down_has_a_total_row_and_exports_every_record_to_excel(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var leader = await factory.SignInAsync("leader");
        const string query = "figure=FulfilmentRate&asOf=2012-12-31&year=2012";
        var page = await Parser.ParseDocumentAsync(await leader.GetStringAsync($"/figures/records?{query}"));
        page.QuerySelector("[data-testid=records-total-row]")!.TextContent.ShouldContain("8 / 10 个");
        page.QuerySelector("[data-testid=records-export]")!.GetAttribute("href")!.ShouldStartWith("figures/records/export?");

        var export = await leader.GetAsync($"/figures/records/export?{query}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxWorkbook.Read(await export.Content.ReadAsByteArrayAsync()).Rows();
        rows.ShouldContain(r => r[0] != null && r[0]!.ToString()!.Contains("项目履约率"));   // the title
        var header = rows.First(r => r[0]?.ToString() == "项目");
        header.ShouldContain("计入分子");
        var body = rows.SkipWhile(r => r != header).Skip(1).ToList();
        body.Count(r => r[0]?.ToString()?.StartsWith("合计", StringComparison.Ordinal) != true).ShouldBe(10);
        body.Last()[0]!.ToString().ShouldBe("合计（全部 10 条）");
        body.Count(r => r.Contains("是")).ShouldBe(8);

        var funds = XlsxWorkbook.Read(await (await leader.GetAsync("/figures/records/export?figure=DomesticFunds&asOf=2012-12-31&year=2012")).Content.ReadAsByteArrayAsync()).Rows();
        funds[^1][3]!.ToString()!.ShouldContain("10 亿元");

        var bad = await leader.GetAsync("/figures/records/export?figure=Nonsense");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("请选择要查看的指标");
    }
}
