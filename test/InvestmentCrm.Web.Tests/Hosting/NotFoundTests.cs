using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>
/// An id that names nothing is 404 in every module, API and page alike (Shared/BusinessErrors.cs); before, appraisal,
/// targets and organisation answered 400 or 200 with the message.
/// </summary>
public class NotFoundTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_unknown_id_is_not_found_in_every_module(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var missing = Guid.NewGuid();

        var assessor = await factory.SignInAsync("assessor");
        await ShouldBeNotFoundAsync(assessor.GetAsync($"/api/v1/appraisal/rulesets/{missing}"), "考核口径不存在");
        await ShouldBeNotFoundAsync(assessor.GetAsync($"/api/v1/appraisal/runs/{missing}"), "考核结果不存在");
        await ShouldBeNotFoundAsync(assessor.PostAsync($"/api/v1/appraisal/rulesets/{missing}/publish", null), "考核口径不存在");
        await ShouldBeNotFoundAsync(assessor.PostAsJsonAsync("/api/v1/appraisal/runs", new { ruleSetId = missing }), "考核口径不存在");
        await ShouldBeNotFoundPageAsync(assessor.GetAsync($"/appraisal/rules/{missing}"));
        await ShouldBeNotFoundPageAsync(assessor.GetAsync($"/appraisal/runs/{missing}"));

        var leader = await factory.SignInAsync("leader");
        await ShouldBeNotFoundAsync(leader.GetAsync($"/api/v1/figures?department={missing}"), "部门不存在");
        await ShouldBeNotFoundAsync(leader.GetAsync($"/api/v1/figures?user={missing}"), "人员不存在");
        await ShouldBeNotFoundPageAsync(leader.GetAsync($"/figures/records?figure=SignedCount&department={missing}"));
        await ShouldBeNotFoundPageAsync(leader.GetAsync($"/targets?kind=Campaign&campaign={missing}"));

        var admin = await factory.SignInAsync("sysadmin");
        await ShouldBeNotFoundPageAsync(admin.GetAsync($"/admin/users/{missing}"));
        await ShouldBeNotFoundPageAsync(admin.GetAsync($"/admin/roles/{missing}"));
        await ShouldBeNotFoundPageAsync(admin.GetAsync($"/admin/departments/{missing}"));
    }

    /// <summary>A page answers 404 with the site's 页面不存在 page (status pages re-execute), as an unknown project always did.</summary>
    private static async Task ShouldBeNotFoundPageAsync(Task<HttpResponseMessage> request) =>
        await ShouldBeNotFoundAsync(request, "页面不存在");

    private static async Task ShouldBeNotFoundAsync(Task<HttpResponseMessage> request, string message)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {body[..Math.Min(body.Length, 300)]}");
        body.ShouldContain(message);
    }
}
