using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>
/// Issue 21, "several nodes": two hosts on loopback ports over one PostgreSQL database, sharing the key ring and the
/// attachment folder as etc/systemd/investment-crm@.service sets them (docs/architecture.md, "Resources of a node").
/// </summary>
public class TwoNodeTests
{
    [Theory, OnPostgres]
    public async Task A_session_a_write_and_an_attachment_of_one_node_are_those_of_the_other(string provider)
    {
        var shared = Directory.CreateTempSubdirectory("crm-nodes-");
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:KeysFolder"] = Path.Combine(shared.FullName, "keys"),
            ["Attachments:Folder"] = Path.Combine(shared.FullName, "attachments"),
        };
        var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var first = new CrmWebApplicationFactory(database, settings);
        await using var second = new CrmWebApplicationFactory(database, settings);
        var (a, b) = (first.StartOnLoopback(), second.StartOnLoopback());

        // Signed in on one node, the session goes on on the other: one key ring, one session registry.
        var cookies = new CookieContainer();
        var officerOnA = await SignInAsync(a, cookies, "officer");
        var officerOnB = Client(b, cookies);
        await CrmWebApplicationFactory.AddApiAntiforgeryAsync(officerOnB);
        var home = await officerOnB.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).ShouldContain("陈静");

        // Figures read on B (and cached there), a tranche entered on B and verified on A: B's next reading has it.
        var leaderOnB = await SignInAsync(b, new CookieContainer(), "leader");
        async Task<decimal> DomesticFundsOnBAsync() =>
            (await leaderOnB.GetFromJsonAsync<JsonElement>("/api/v1/cockpit?year=2026")).GetProperty("figures").GetProperty("figures")
                .EnumerateArray().Single(f => f.GetProperty("figure").GetInt32() == (int)InvestmentCrm.Figures.Figure.DomesticFunds).GetProperty("value").GetDecimal();
        var before = await DomesticFundsOnBAsync();
        Guid project;
        await using (var db = database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "华润中心").Select(p => p.Id).SingleAsync();
        var entered = await officerOnB.PostAsJsonAsync($"/api/v1/projects/{project}/tranches",
            new { arrivedOn = "2026-11-20", amount = 100_000_000m, currency = "CNY", source = 1, form = 1 });
        entered.StatusCode.ShouldBe(HttpStatusCode.Created, await entered.Content.ReadAsStringAsync());
        Guid tranche;
        await using (var db = database.CreateContext())
            tranche = await db.FundsTranches.Where(t => t.ProjectId == project && t.ArrivedOn == new DateOnly(2026, 11, 20)).Select(t => t.Id).SingleAsync();
        var headOnA = await SignInAsync(a, new CookieContainer(), "head");
        (await headOnA.PostAsJsonAsync($"/api/v1/tranches/{tranche}/verification", new { approve = true, note = "两节点测试" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DomesticFundsOnBAsync()).ShouldBe(before + 1.00m, "1 亿元 more, read on the node that did not write");

        // An attachment uploaded through A downloads through B.
        (await AttachmentUpload.PostAsync(officerOnA, project, "两节点合同.pdf", AttachmentUpload.Pdf)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Guid attachment;
        await using (var db = database.CreateContext())
            attachment = await db.Attachments.Where(x => x.FileName == "两节点合同.pdf").Select(x => x.Id).SingleAsync();
        (await officerOnB.GetByteArrayAsync($"/attachments/{attachment}")).ShouldBe(AttachmentUpload.Pdf);

        shared.Delete(recursive: true);
    }

    /// <summary>A browser's cookie jar: cookies are kept per host, not per port, so both loopback nodes get them.</summary>
    private static HttpClient Client(Uri node, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node };

    private static async Task<HttpClient> SignInAsync(Uri node, CookieContainer cookies, string userName)
    {
        var client = Client(node, cookies);
        (await CrmWebApplicationFactory.PostLoginAsync(client, userName, InvestmentCrm.EntityFrameworkCore.Seeding.DemoDataSeeder.DemoPassword))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await CrmWebApplicationFactory.AddApiAntiforgeryAsync(client);
        return client;
    }
}
