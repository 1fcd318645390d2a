using System.Net;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Web.Tests.Figures;

/// <summary>
/// A year or 统计日 outside the product's dates (Domain/Common/BusinessDates.cs) is refused in Chinese by the API and
/// shown as a note on the pages — never a 500 (year 0 overflowed the date arithmetic before).
/// </summary>
public class FigureInputTests
{
    [Fact]
    public async Task An_impossible_year_or_date_is_refused_in_Chinese_not_a_500()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var leader = await factory.SignInAsync("leader");

        foreach (var query in new[] { "year=0", "year=-1", "year=10000", "asOf=0001-01-01", "asOf=9999-12-31" })
        {
            var cockpit = await leader.GetAsync($"/api/v1/cockpit?{query}");
            cockpit.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            (await cockpit.Content.ReadAsStringAsync()).ShouldContain("应在 1990 到 2100 年之间", Case.Sensitive, query);
            (await leader.GetAsync($"/api/v1/figures?{query}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);

            var page = await leader.GetAsync($"/cockpit?{query}");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, query);
            (await page.Content.ReadAsStringAsync()).ShouldContain("无效", Case.Sensitive, query);
        }
    }
}
