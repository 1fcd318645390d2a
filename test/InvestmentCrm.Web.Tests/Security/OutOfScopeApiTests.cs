using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>
/// Every API operation (and download) that takes the id of a scoped record answers 404 for an id outside the caller's
/// data scope — the same answer as for an id that does not exist — and changes nothing. The caller is a department head,
/// who holds every permission these operations need, so the refusal comes from the scope and not from a missing right.
/// </summary>
public class OutOfScopeApiTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_out_of_scope_id_is_404_for_every_api_operation(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var hidden = await OutOfScopeRecords.CreateAsync(factory.Database, "head");
        // A year's appraisal run, whose subjects outside the head's scope are scoped records too.
        var assessor = await factory.SignInAsync("assessor");
        var ruleSet = (await assessor.GetFromJsonAsync<List<InvestmentCrm.Appraisal.RuleSetSummaryDto>>("/api/v1/appraisal/rulesets"))!.First(r => r.Year == 2026);
        var run = (await (await assessor.PostAsJsonAsync("/api/v1/appraisal/runs", new { ruleSetId = ruleSet.Id, asOf = "2026-11-22" })).Content.ReadFromJsonAsync<Dictionary<string, Guid>>())!["id"];
        Guid hiddenDepartment, stamp;
        int audit;
        await using (var db = factory.Database.CreateContext())
        {
            hiddenDepartment = await db.Projects.Where(x => x.Id == hidden.Project).Select(x => x.LeadDepartmentId!.Value).SingleAsync();
            stamp = await db.Projects.Where(p => p.Id == hidden.Project).Select(p => p.ConcurrencyStamp).SingleAsync();
            audit = await db.AuditLogs.CountAsync();
        }
        (await assessor.GetAsync($"/api/v1/appraisal/runs/{run}/department/{hiddenDepartment}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the subject is in the run");
        var head = await factory.SignInAsync("head");
        var day = "2026-07-01";
        var p = $"/api/v1/projects/{hidden.Project}";
        var c = $"/api/v1/companies/{hidden.Company}";

        (string Operation, Func<Task<HttpResponseMessage>> Send)[] operations =
        [
            ("GET project", () => head.GetAsync(p)),
            ("PUT project", () => head.PutAsJsonAsync(p, new { name = "改名", type = 1, industry = "金融业/银行", plannedDomesticCny = 1m, concurrencyStamp = stamp, plannedForeignAmount = 0m, plannedForeignCurrency = "USD", isGreenChannel = false })),
            ("DELETE project", () => head.DeleteAsync(p)),
            ("GET pipeline", () => head.GetAsync($"{p}/pipeline")),
            ("POST visit", () => head.PostAsJsonAsync($"{p}/visits", new { date = day, type = 1, summary = "洽谈" })),
            ("POST contract", () => head.PostAsJsonAsync($"{p}/contracts", new { kind = 3, number = "HT-1", signedOn = day, parties = "甲乙", domesticCny = 1m, foreignAmount = 0m, foreignCurrency = "USD" })),
            ("POST landing", () => head.PostAsJsonAsync($"{p}/landing", new { kind = 1, date = day, documentNumber = "X-1" })),
            ("POST tranche", () => head.PostAsJsonAsync($"{p}/tranches", new { arrivedOn = day, amount = 5m, currency = "CNY", source = 1, form = 4 })),
            ("POST verification", () => head.PostAsJsonAsync($"/api/v1/tranches/{hidden.Tranche}/verification", new { approve = false, note = "退回" })),
            ("PUT responsibility", () => head.PutAsJsonAsync($"{p}/responsibility", new { contributors = Array.Empty<object>() })),
            ("POST stage", () => head.PostAsJsonAsync($"{p}/stage", new { to = 9, effectiveDate = day, reason = "测试" })),
            ("GET attachment", () => head.GetAsync($"/attachments/{hidden.Attachment}")),
            ("GET company", () => head.GetAsync(c)),
            ("PUT company", () => head.PutAsJsonAsync(c, new { name = "改名有限公司", nature = 3, kind = 0, isStrategicInvestor = false })),
            ("DELETE company", () => head.DeleteAsync(c)),
            ("POST merge into hidden", () => head.PostAsJsonAsync($"{c}/merge", new { duplicateId = hidden.OwnCompany })),
            ("POST merge hidden away", () => head.PostAsJsonAsync($"/api/v1/companies/{hidden.OwnCompany}/merge", new { duplicateId = hidden.Company })),
            ("POST contact", () => head.PostAsJsonAsync($"{c}/contacts", new { name = "张三" })),
            ("DELETE contact", () => head.DeleteAsync($"{c}/contacts/{Guid.NewGuid()}")),
            ("POST blacklist", () => head.PostAsJsonAsync($"{c}/blacklist", new { blacklisted = true, reason = "测试" })),
            ("GET appraisal subject", () => head.GetAsync($"/api/v1/appraisal/runs/{run}/department/{hiddenDepartment}")),
        ];
        foreach (var (operation, send) in operations)
        {
            var response = await send();
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{operation}: {await response.Content.ReadAsStringAsync()}");
        }

        await using var check = factory.Database.CreateContext();
        (await check.Projects.Where(x => x.Id == hidden.Project).Select(x => x.ConcurrencyStamp).SingleAsync()).ShouldBe(stamp);
        (await check.AuditLogs.CountAsync()).ShouldBe(audit, "nothing was written");
    }
}
