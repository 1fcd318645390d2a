using System.Net;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;

namespace InvestmentCrm.Web.Tests.Faults;

/// <summary>
/// Issue 16 (point 12): while the database is unreachable, the API and the pages answer 503 with a Chinese message and
/// Retry-After (not a generic 500); when it is back, the same host serves again — no restart, no new sign-in.
/// </summary>
public class DatabaseOutageTests
{
    [Theory, OnPostgres]
    public async Task During_an_outage_clients_get_503_with_retry_after_and_the_app_recovers_without_a_restart(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var leader = await factory.SignInAsync("leader");
        (await leader.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await factory.Database.CutConnectionsAsync();
        try
        {
            var api = await leader.GetAsync("/api/v1/workbench/summary");
            api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            api.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(DatabaseOutageHandler.RetryAfterSeconds));
            api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await api.Content.ReadAsStringAsync()).ShouldContain("数据库暂时无法连接");

            var page = await leader.GetAsync("/cockpit");
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            page.Headers.RetryAfter.ShouldNotBeNull();
            (await page.Content.ReadAsStringAsync()).ShouldContain("数据库暂时无法连接");
        }
        finally
        {
            await factory.Database.RestoreConnectionsAsync();
        }

        // Back: the first request may still meet a connection cut during the outage; within a few tries it is served.
        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 5 && status != HttpStatusCode.OK; attempt++)
            status = (await leader.GetAsync("/api/v1/workbench/summary")).StatusCode;
        status.ShouldBe(HttpStatusCode.OK);
        (await leader.GetAsync("/cockpit")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
