using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentCrm.Companies;
using InvestmentCrm.Common;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>
/// Issue 16 (point 2): the duplicate and similar-name answers say only that a record exists and whom to ask — never the
/// id, name, code or department of a company outside the caller's scope; an officer cannot register a project under a
/// department outside their scope.
/// </summary>
public class SideDoorTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_similar_and_duplicate_answers_do_not_reveal_an_out_of_scope_company(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var hidden = await OutOfScopeRecords.CreateAsync(factory.Database, "officer");
        var code = CreditCode.Parse("91220102MA0KPQRW1" + CreditCode.CheckCharacter("91220102MA0KPQRW1"));
        string owner;
        await using (var db = factory.Database.CreateContext())
        {
            var company = await db.Companies.SingleAsync(c => c.Id == hidden.Company);
            company.CreditCode = code;
            await db.SaveChangesAsync();
            owner = await db.Departments.Where(d => d.Id == company.OwnerDepartmentId).Select(d => d.Name).SingleAsync();
        }
        var officer = await factory.SignInAsync("officer");

        var similar = await officer.GetStringAsync("/api/v1/companies/similar?name=" + Uri.EscapeDataString("范围外测试企业（长春）有限公司"));
        var answer = JsonDocument.Parse(similar).RootElement;
        answer.GetProperty("outOfScope").GetInt32().ShouldBe(1);
        answer.GetProperty("outOfScopeNote").GetString()!.ShouldContain("调度办");
        foreach (var secret in new[] { hidden.Company.ToString(), "范围外测试企业有限公司", code.Value, owner })
            similar.ShouldNotContain(secret);

        var duplicate = await officer.PostAsJsonAsync("/api/v1/companies",
            new { name = "另一个名字", creditCode = code.Value, nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await duplicate.Content.ReadAsStringAsync();
        body.ShouldContain("不在您的数据范围内");
        body.ShouldContain("调度办");
        foreach (var secret in new[] { hidden.Company.ToString(), "范围外测试企业有限公司", owner })
            body.ShouldNotContain(secret);

        // Naming it as the parent company does not confirm it exists either.
        var parent = await officer.PostAsJsonAsync("/api/v1/companies",
            new { name = "子公司测试有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, parentCompanyId = hidden.Company, confirmNotDuplicate = true });
        parent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await parent.Content.ReadAsStringAsync()).ShouldContain("所选上级/集团企业不存在");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_officer_cannot_register_a_project_under_a_department_outside_their_scope(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        Guid street;
        int before;
        await using (var db = factory.Database.CreateContext())
        {
            street = await db.Departments.Where(d => d.Name == "自强街道").Select(d => d.Id).SingleAsync();
            before = await db.Projects.CountAsync();
        }
        var officer = await factory.SignInAsync("officer");
        var response = await officer.PostAsJsonAsync("/api/v1/projects",
            new { name = "挂靠测试项目", type = 1, industry = "金融业/银行", registeredOn = "2026-11-01", plannedDomesticCny = 0m, leadDepartmentId = street });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("只能选择您数据范围内的部门作为招引单位");
        await using var check = factory.Database.CreateContext();
        (await check.Projects.CountAsync()).ShouldBe(before);
    }
}
