using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.Companies;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Issue 16 (point 10): parallel creates of one thing make one record and Chinese refusals; an edit without its stamp is 428.</summary>
public class ConcurrencyTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Parallel_creates_with_one_credit_code_make_one_company_and_duplicate_messages(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var clients = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.SignInAsync("officer")));
        const string first17 = "91220102MA0KRACE1";
        var code = first17 + CreditCode.CheckCharacter(first17);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => clients[i % clients.Length].PostAsJsonAsync("/api/v1/companies",
            new { name = $"并发登记企业{i}", creditCode = code, nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("同一企业不能重复登记");
        }
        await using var db = factory.Database.CreateContext();
        (await db.Companies.CountAsync(c => c.CreditCode == CreditCode.Parse(code))).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Parallel_posts_of_one_contract_number_create_one_contract(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        var created = await head.PostAsJsonAsync("/api/v1/projects", new { name = "合同并发测试项目", type = 1, industry = "金融业/银行", registeredOn = "2026-09-01", plannedDomesticCny = 0m });
        var project = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => head.PostAsJsonAsync($"/api/v1/projects/{project}/contracts",
            new { kind = (int)ContractKind.Framework, number = "NG-RACE-001", signedOn = "2026-10-01", parties = "南关区人民政府、测试企业", domesticCny = 0m, foreignAmount = 0m, foreignCurrency = "USD" })));

        responses.Select(r => r.StatusCode).ShouldNotContain(HttpStatusCode.InternalServerError);
        await using var check = factory.Database.CreateContext();
        (await check.Contracts.CountAsync(c => c.ProjectId == project && c.Number == "NG-RACE-001")).ShouldBe(1);
        foreach (var refused in responses.Where(r => !r.IsSuccessStatusCode))
            (await refused.Content.ReadAsStringAsync()).ShouldContain("合同");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_company_edit_without_its_stamp_is_refused_not_silently_applied(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        var created = await officer.PostAsJsonAsync("/api/v1/companies",
            new { name = "印章测试企业有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true });
        var url = created.Headers.Location!.OriginalString;

        var blind = await officer.PutAsJsonAsync(url, new { name = "被覆盖的名字", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise });
        blind.StatusCode.ShouldBe((HttpStatusCode)428);
        (await blind.Content.ReadAsStringAsync()).ShouldContain("concurrencyStamp");
        (await officer.GetStringAsync(url)).ShouldContain("印章测试企业有限公司");
    }
}
