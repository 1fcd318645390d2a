using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentCrm.Auditing;
using InvestmentCrm.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Issue 20: integrations call /api/v1 with a token the 系统管理员 issues — bound to a role and a department like a user.</summary>
public class ApiTokenTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_token_bound_to_the_commerce_bureau_reads_only_its_projects_and_every_call_is_logged_under_its_name(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var admin = await factory.SignInAsync("sysadmin");
        Guid bureau, elsewhere;
        int bureauProjects;
        await using (var db = factory.Database.CreateContext())
        {
            bureau = await db.Departments.Where(d => d.Code == "NG-SWJ").Select(d => d.Id).SingleAsync();
            bureauProjects = await db.Projects.CountAsync(p => p.LeadDepartmentId == bureau);
            elsewhere = await db.Projects.Where(p => p.LeadDepartmentId != bureau).Select(p => p.Id).FirstAsync();
        }
        bureauProjects.ShouldBeGreaterThan(0);

        var token = await IssueAsync(admin, "市大数据局数据交换平台", bureau, Roles.Officer, factory.Clock.Today().AddDays(30));
        var integration = Bearer(factory, token);

        var list = await integration.GetFromJsonAsync<JsonElement>("/api/v1/projects?pageSize=100");
        list.GetProperty("total").GetInt32().ShouldBe(bureauProjects, "招商专员's scope (本部门): 商务局's projects, no others");
        list.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("leadDepartment").GetString() == "商务局");
        (await integration.GetAsync($"/api/v1/projects/{elsewhere}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another department's project is out of scope");

        await using (var db = factory.Database.CreateContext())
        {
            var calls = await db.SecurityLogs.Where(l => l.Kind == SecurityEvent.ApiCall).OrderBy(l => l.At).ToListAsync();
            calls.Count.ShouldBe(2);
            calls.ShouldAllBe(l => l.UserName!.StartsWith("市大数据局数据交换平台（令牌 crm_", StringComparison.Ordinal));
            calls[0].Detail.ShouldBe("GET /api/v1/projects?pageSize=100 → 200");
            calls[1].Detail.ShouldBe($"GET /api/v1/projects/{elsewhere} → 404");
            (await db.ApiTokens.SingleAsync()).LastUsedAt.ShouldNotBeNull();
        }

        // The list the 系统管理员 sees: who, where, which role, when last used.
        var tokens = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/api-tokens");
        var row = tokens.EnumerateArray().Single();
        row.GetProperty("name").GetString().ShouldBe("市大数据局数据交换平台");
        row.GetProperty("department").GetString().ShouldBe("商务局");
        row.GetProperty("role").GetString().ShouldBe("招商专员");
        row.GetProperty("status").GetInt32().ShouldBe((int)ApiTokenStatus.Active);
        row.GetProperty("lastUsedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        // An integration is no person: not among the users, not offered as a participant or attendee.
        (await admin.GetStringAsync("/admin/users")).ShouldNotContain("市大数据局数据交换平台");
    }

    [Fact]
    public async Task An_expired_a_revoked_or_an_unknown_token_gets_401()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var admin = await factory.SignInAsync("sysadmin");
        var bureau = await BureauAsync(factory);
        var expiring = Bearer(factory, await IssueAsync(admin, "到期测试", bureau, Roles.DistrictLeader, factory.Clock.Today()));
        var revoked = await IssueAsync(admin, "吊销测试", bureau, Roles.DistrictLeader, factory.Clock.Today().AddDays(90));
        var revokedClient = Bearer(factory, revoked);

        (await expiring.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.OK, "valid through its last day");
        (await revokedClient.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Now = factory.Clock.Now.AddDays(1);
        var expired = await expiring.GetAsync("/api/v1/workbench/summary");
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        expired.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await expired.Content.ReadAsStringAsync()).ShouldContain("接口令牌无效、已过期或已吊销");

        admin = await factory.SignInAsync("sysadmin"); // a day later: the earlier session has ended
        Guid id;
        await using (var db = factory.Database.CreateContext())
        {
            var prefix = revoked[..12];
            id = await db.ApiTokens.Where(t => t.Prefix == prefix).Select(t => t.Id).SingleAsync();
        }
        (await admin.PostAsync($"/api/v1/admin/api-tokens/{id}/revocation", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await revokedClient.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "revoked: refused at once");
        (await admin.PostAsync($"/api/v1/admin/api-tokens/{id}/revocation", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "已吊销");

        (await Bearer(factory, "crm_" + new string('x', 43)).GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(factory, "not-a-token").GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_cannot_open_a_page_post_a_form_or_manage_tokens_and_has_its_own_rate_limit()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var admin = await factory.SignInAsync("sysadmin");
        var token = await IssueAsync(admin, "页面测试", await BureauAsync(factory), Roles.DistrictLeader, factory.Clock.Today().AddDays(30), permitsPerMinute: 6);
        var integration = Bearer(factory, token);

        // Pages and forms read the cookie only: with the token alone the caller is not signed in.
        foreach (var page in new[] { "/", "/projects", "/cockpit", "/swagger/v1/swagger.json" })
        {
            var answer = await integration.GetAsync(page);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            answer.Headers.Location!.ToString().ShouldContain("/account/login");
        }
        var form = await integration.PostAsync("/projects/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "new-project", ["name"] = "令牌提交的项目" }));
        form.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Redirect);
        await using (var db = factory.Database.CreateContext())
            (await db.Projects.AnyAsync(p => p.Name == "令牌提交的项目")).ShouldBeFalse();

        // A token never manages tokens (cookie only): 401, even for a token whose role could.
        (await integration.GetAsync("/api/v1/admin/api-tokens")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Its own budget: 6 calls a minute (the page requests above were no token calls; the admin call was), then 429.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await integration.GetAsync("/api/v1/workbench/summary")).StatusCode);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(5, "6 permits, one spent on the admin call above");
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Only_a_business_role_within_a_year_and_a_name_are_accepted_and_a_refusal_issues_nothing()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var admin = await factory.SignInAsync("sysadmin");
        var bureau = await BureauAsync(factory);
        var today = factory.Clock.Today();

        async Task<string> RefusedAsync(object input)
        {
            var answer = await admin.PostAsJsonAsync("/api/v1/admin/api-tokens", input);
            answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        }

        (await RefusedAsync(new { name = "审计对接", departmentId = bureau, role = Roles.AuditAdmin, expiresOn = today.AddDays(30), permitsPerMinute = 60 }))
            .ShouldContain("只能绑定业务角色");
        (await RefusedAsync(new { name = "长期对接", departmentId = bureau, role = Roles.Officer, expiresOn = today.AddDays(400), permitsPerMinute = 60 }))
            .ShouldContain("最长有效 366 天");
        (await RefusedAsync(new { name = "过期对接", departmentId = bureau, role = Roles.Officer, expiresOn = today.AddDays(-1), permitsPerMinute = 60 }))
            .ShouldContain("不能早于今天");
        (await RefusedAsync(new { name = " ", departmentId = bureau, role = Roles.Officer, expiresOn = today.AddDays(30), permitsPerMinute = 60 }))
            .ShouldContain("集成名称");
        (await RefusedAsync(new { name = "限流对接", departmentId = bureau, role = Roles.Officer, expiresOn = today.AddDays(30), permitsPerMinute = 0 }))
            .ShouldContain("每分钟调用上限");
        await using var db = factory.Database.CreateContext();
        (await db.ApiTokens.CountAsync()).ShouldBe(0);
        (await db.Users.CountAsync(u => u.IsIntegration)).ShouldBe(0, "a refused issue leaves no account behind");

        // An officer may not issue tokens at all.
        var officer = await factory.SignInAsync("officer");
        (await officer.PostAsJsonAsync("/api/v1/admin/api-tokens", new { name = "自助", departmentId = bureau, role = Roles.Officer, expiresOn = today.AddDays(30), permitsPerMinute = 60 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cookie_write_through_the_api_needs_the_antiforgery_header()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        var project = new { name = "防伪测试项目", type = 1, industry = "金融业/银行", registeredOn = "2026-11-01", plannedDomesticCny = 0m };

        var header = officer.DefaultRequestHeaders.GetValues(CrmWebApplicationFactory.AntiforgeryHeader).Single();
        officer.DefaultRequestHeaders.Remove(CrmWebApplicationFactory.AntiforgeryHeader);
        var refused = await officer.PostAsJsonAsync("/api/v1/projects", project);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("X-CSRF-TOKEN");
        (await officer.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads need no token");

        officer.DefaultRequestHeaders.Add(CrmWebApplicationFactory.AntiforgeryHeader, header);
        (await officer.PostAsJsonAsync("/api/v1/projects", project)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Issues a token through the API as the signed-in 系统管理员 and returns it (shown once).</summary>
    public static async Task<string> IssueAsync(HttpClient admin, string name, Guid department, string role, DateOnly expiresOn, int permitsPerMinute = 600)
    {
        var answer = await admin.PostAsJsonAsync("/api/v1/admin/api-tokens", new { name, departmentId = department, role, expiresOn, permitsPerMinute });
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        token.ShouldStartWith("crm_");
        return token;
    }

    /// <summary>A client with no cookie jar that sends only the token, as another system would.</summary>
    public static HttpClient Bearer(CrmWebApplicationFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> BureauAsync(CrmWebApplicationFactory factory)
    {
        await using var db = factory.Database.CreateContext();
        return await db.Departments.Where(d => d.Code == "NG-SWJ").Select(d => d.Id).SingleAsync();
    }
}
