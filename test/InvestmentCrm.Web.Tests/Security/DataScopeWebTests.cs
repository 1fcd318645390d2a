using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

public class DataScopeWebTests
{
    /// <summary>周婷 is an officer of 南岭街道; 平安银行长春分行新址 belongs to 自强街道.</summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task An_officer_of_one_street_gets_404_for_another_streets_project_and_its_sums_exclude_it(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        Guid otherStreet, ownStreet;
        decimal expectedVerified, districtVerified;
        await using (var db = factory.Database.CreateContext())
        {
            otherStreet = await db.Projects.Where(p => p.Name == "平安银行长春分行新址").Select(p => p.Id).SingleAsync();
            ownStreet = await db.Projects.Where(p => p.Name == "豪邦锦上").Select(p => p.Id).SingleAsync();
            var user = await db.Users.SingleAsync(u => u.UserName == "zhouting");
            // Expected by the rules, written out here: her street's projects and the ones she contributes to.
            var visible = await db.Projects
                .Where(p => p.LeadDepartmentId == user.DepartmentId || p.Contributors.Any(c => c.UserId == user.Id))
                .Select(p => p.Id).ToListAsync();
            var verified = await db.FundsTranches.Where(t => t.Verification == VerificationStatus.Verified)
                .Select(t => new { t.ProjectId, t.Amount.Amount }).ToListAsync();
            expectedVerified = verified.Where(t => visible.Contains(t.ProjectId)).Sum(t => t.Amount);
            districtVerified = verified.Sum(t => t.Amount);
        }
        var client = await factory.SignInAsync("zhouting");

        var page = await client.GetAsync($"/projects/{otherStreet}");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Exactly what a missing id gets: nothing tells that the project exists.
        var missing = await client.GetAsync($"/projects/{Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("平安银行");
        (await client.GetAsync($"/api/v1/projects/{otherStreet}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/projects/{ownStreet}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/projects/{ownStreet}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await client.GetStringAsync("/api/v1/projects?pageSize=100");
        list.ShouldNotContain("平安银行长春分行新址");
        list.ShouldContain("豪邦锦上");

        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/"));
        expectedVerified.ShouldBeLessThan(districtVerified);
        home.QuerySelector("[data-testid=verified-domestic]")!.TextContent.ShouldBe(InvestmentCrm.Common.Money.Yuan(expectedVerified).ToDisplay());
    }
}
