using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Web.Tests.Security;

public class ProjectPagesTests
{
    [Theory]
    [InlineData("/projects", "华润中心", true)]
    [InlineData("/projects?stage=Reserve", "华润中心二期", true)]
    [InlineData("/projects?stage=Funded", "华润中心二期", false)]
    [InlineData("/projects?stage=nonsense&search=华润", "华润中心二期", true)]
    [InlineData("/projects?search=不存在的项目", "华润中心", false)]
    public async Task The_project_list_filters_by_stage_and_text(string url, string name, bool listed)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("head");
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var names = page.QuerySelectorAll("[data-testid=project-table] tbody td:first-child").Select(td => td.TextContent.Trim()).ToList();
        names.Contains(name).ShouldBe(listed);
        if (names.Count == 0)
            page.QuerySelector("[data-testid=empty]")!.TextContent.ShouldBe("没有符合条件的项目。");
    }

    [Fact]
    public async Task An_officer_without_the_export_permission_sees_no_export_button()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await new HtmlParser().ParseDocumentAsync(await (await factory.SignInAsync("officer")).GetStringAsync("/projects"));
        officer.QuerySelector("[data-testid=export]").ShouldBeNull();
        var head = await new HtmlParser().ParseDocumentAsync(await (await factory.SignInAsync("head")).GetStringAsync("/projects"));
        head.QuerySelector("[data-testid=export]").ShouldNotBeNull();
    }
}
