using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using InvestmentCrm.Auditing;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>The 等保 profile of docs/security.md, driven through the real login form with a fake clock.</summary>
public class AuthenticationProfileTests
{
    private static Task<CrmWebApplicationFactory> DemoAsync() => CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);

    private static HttpClient NoRedirects(CrmWebApplicationFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Where a GET redirects to, as path and query (the cookie handler writes absolute URLs, pages relative ones).</summary>
    private static async Task<string> LocationOfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found))
            return "(no redirect)";
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task After_five_failures_the_account_is_locked_for_fifteen_minutes(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var client = NoRedirects(factory);
        for (var i = 0; i < 5; i++)
            await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "wrong-password");

        // The sixth attempt — wrong or right — meets the lock.
        var sixth = await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "wrong-password");
        (await sixth.Content.ReadAsStringAsync()).ShouldContain(InvestmentCrm.Web.Account.Login.Refused);
        var right = await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "Nanguan@2026");
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "the correct password is refused during the lock");

        factory.Clock.Now += TimeSpan.FromMinutes(14);
        (await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "Nanguan@2026")).StatusCode.ShouldBe(HttpStatusCode.OK, "still locked after 14 minutes");
        factory.Clock.Now += TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);
        (await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "Nanguan@2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the lock has ended");

        await using var db = factory.Database.CreateContext();
        var kinds = await db.SecurityLogs.Where(l => l.UserName == "officer").Select(l => l.Kind).ToListAsync();
        kinds.Count(k => k == SecurityEvent.LockedOut).ShouldBe(1);
        kinds.ShouldContain(SecurityEvent.LoginFailed);
        kinds.ShouldContain(SecurityEvent.LoginSucceeded);
    }

    [Fact]
    public async Task Thirty_idle_minutes_end_the_session()
    {
        await using var factory = await DemoAsync();
        var client = await factory.SignInAsync("officer");
        factory.Clock.Now += TimeSpan.FromMinutes(29);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Now += TimeSpan.FromMinutes(31);
        (await LocationOfAsync(client, "/")).ShouldStartWith("/account/login");
    }

    [Fact]
    public async Task A_session_ends_after_twelve_hours_even_when_active()
    {
        await using var factory = await DemoAsync();
        var client = await factory.SignInAsync("officer");
        for (var minutes = 20; minutes <= 720; minutes += 20)
        {
            factory.Clock.Now += TimeSpan.FromMinutes(20);
            (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"active after {minutes} minutes");
        }
        factory.Clock.Now += TimeSpan.FromMinutes(20);
        (await LocationOfAsync(client, "/")).ShouldStartWith("/account/login");
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_sessions_at_once()
    {
        await using var factory = await DemoAsync();
        var client = await factory.SignInAsync("officer");
        using (var scope = factory.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<OrganizationAdminAppService>();
            var officer = (await admin.UsersAsync("officer")).Single(u => u.UserName == "officer");
            await admin.SetUserActiveAsync(officer.Id, false);
        }
        (await LocationOfAsync(client, "/")).ShouldStartWith("/account/login");
        var again = await CrmWebApplicationFactory.PostLoginAsync(NoRedirects(factory), "officer", "Nanguan@2026");
        (await again.Content.ReadAsStringAsync()).ShouldContain(InvestmentCrm.Web.Account.Login.Refused);
    }

    [Fact]
    public async Task An_initial_password_must_be_changed_and_weak_ones_are_refused()
    {
        await using var factory = await DemoAsync();
        string password;
        using (var scope = factory.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<OrganizationAdminAppService>();
            var department = (await admin.DepartmentTreeAsync()).First(d => d.Name == "南岭街道");
            password = (await admin.CreateUserAsync(new UserInput("liwei", "李伟", department.Id, "科员", [Roles.Officer]))).InitialPassword!;
        }
        password.Length.ShouldBe(14);
        var client = await factory.SignInAsync("liwei", password);
        (await LocationOfAsync(client, "/")).ShouldBe("/account/change-password");
        (await client.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetStringAsync("/account/change-password")).ShouldContain("这是管理员设置的初始密码");

        var weak = await FormPoster.PostAsync(client, "/account/change-password", "change-password",
            [new("Input.CurrentPassword", password), new("Input.NewPassword", "abcdefghijk"), new("Input.ConfirmPassword", "abcdefghijk")]);
        var errors = await new HtmlParser().ParseDocumentAsync(await weak.Content.ReadAsStringAsync());
        errors.QuerySelector("[data-testid=password-errors]")!.TextContent.ShouldContain("至少三类");

        var common = await FormPoster.PostAsync(client, "/account/change-password", "change-password",
            [new("Input.CurrentPassword", password), new("Input.NewPassword", "Password123!"), new("Input.ConfirmPassword", "Password123!")]);
        (await common.Content.ReadAsStringAsync()).ShouldContain("常见或公开的密码");

        var good = await FormPoster.PostAsync(client, "/account/change-password", "change-password",
            [new("Input.CurrentPassword", password), new("Input.NewPassword", "Nanling#Street2026"), new("Input.ConfirmPassword", "Nanling#Street2026")]);
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_password_must_be_changed_and_one_about_to_expire_is_announced()
    {
        await using var factory = await DemoAsync();
        await using (var db = factory.Database.CreateContext())
        {
            var officer = await db.Users.SingleAsync(u => u.UserName == "officer");
            officer.PasswordChangedAt = factory.Clock.Now.UtcDateTime.AddDays(-91);
            var head = await db.Users.SingleAsync(u => u.UserName == "head");
            head.PasswordChangedAt = factory.Clock.Now.UtcDateTime.AddDays(-85);
            await db.SaveChangesAsync();
        }
        var expired = await factory.SignInAsync("officer");
        (await LocationOfAsync(expired, "/")).ShouldBe("/account/change-password");
        (await expired.GetStringAsync("/account/change-password")).ShouldContain("您的密码已过期");

        var soon = await factory.SignInAsync("head");
        var page = await new HtmlParser().ParseDocumentAsync(await soon.GetStringAsync("/"));
        page.QuerySelector("[data-testid=password-reminder]")!.TextContent.ShouldContain("2026-11-27 到期");
    }

    [Fact]
    public async Task Three_administrators_keep_their_powers_apart()
    {
        await using var factory = await DemoAsync();
        var sysadmin = await factory.SignInAsync("sysadmin");
        (await sysadmin.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LocationOfAsync(sysadmin, "/admin/audit")).ShouldStartWith("/account/access-denied");
        var denied = await sysadmin.GetAsync("/account/access-denied");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).ShouldContain("没有权限");
        (await LocationOfAsync(sysadmin, "/admin/security")).ShouldStartWith("/account/access-denied");

        var auditor = await factory.SignInAsync("auditor");
        (await LocationOfAsync(auditor, "/")).ShouldBe("/admin/audit");
        (await auditor.GetAsync("/admin/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.GetAsync("/admin/security-log")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LocationOfAsync(auditor, "/admin/users")).ShouldStartWith("/account/access-denied");
        (await LocationOfAsync(auditor, "/projects")).ShouldStartWith("/account/access-denied");

        var security = await factory.SignInAsync("security");
        (await security.GetAsync("/admin/security")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LocationOfAsync(security, "/admin/audit")).ShouldStartWith("/account/access-denied");

        using var scope = factory.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<OrganizationAdminAppService>();
        var sysadminRole = (await admin.RolesAsync()).Single(r => r.Name == Roles.SystemAdmin);
        var refused = await Should.ThrowAsync<InvestmentCrm.Common.DomainException>(() =>
            admin.UpdateRoleAsync(sysadminRole.Id, [Permissions.Admin.Users, Permissions.Audit.View], DataScope.OwnDepartment, []));
        refused.Message.ShouldContain("三权分立");

        await using var db = factory.Database.CreateContext();
        var denials = await db.SecurityLogs.Where(l => l.Kind == SecurityEvent.AccessDenied).Select(l => new { l.UserName, l.Detail }).ToListAsync();
        denials.ShouldContain(d => d.UserName == "sysadmin" && d.Detail!.Contains("/admin/audit") && d.Detail.Contains("查看审计与登录日志"));
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var factory = new CrmWebApplicationFactory(await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData),
            new Dictionary<string, string> { ["RateLimiting:LoginPerMinute"] = "3" });
        var client = NoRedirects(factory);
        for (var i = 0; i < 3; i++)
            (await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "wrong")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "wrong");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("请求过于频繁");
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        await using var factory = await DemoAsync();
        var response = await factory.CreateClient().GetAsync("/account/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task Production_uses_a_secure_host_only_cookie_and_hsts()
    {
        await using var factory = new CrmWebApplicationFactory(await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData)) { Environment = "Production" };
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://crm.example.gov.cn") });  // HSTS is never sent to localhost
        var response = await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "Nanguan@2026");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-crm.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldNotContain("domain=", Case.Insensitive);
        (await client.GetAsync("/account/login")).Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    [Fact]
    public async Task Production_over_plain_http_explains_in_Chinese_instead_of_failing()
    {
        await using var factory = new CrmWebApplicationFactory(await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData)) { Environment = "Production" };
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://crm.example.gov.cn") });

        var login = await http.GetAsync("/account/login");
        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a 500 before: the secure antiforgery cookie cannot be set over HTTP");
        (await login.Content.ReadAsStringAsync()).ShouldContain("只能经 HTTPS 传送");
        var api = await http.GetAsync("/api/v1/workbench/summary");
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadAsStringAsync()).ShouldContain("X-Forwarded-Proto");
        (await http.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK, "load balancers check over HTTP");

        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://crm.example.gov.cn") });
        (await https.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("kvtrbwmxpq", false)]         // one class
    [InlineData("kvtrbwmxp7", false)]         // two classes
    [InlineData("Kvtrbwmxp7", true)]          // three classes
    [InlineData("Password123!", false)]       // on the common list
    [InlineData("officer#2026X", false)]      // contains the user name
    [InlineData("南关区Tz4829km", true)]        // Chinese counts as a special character class
    public void The_password_rule_needs_three_classes_and_refuses_common_passwords(string password, bool accepted)
    {
        var problems = PasswordPolicy.Problems(password, "officer");
        (problems.Count == 0).ShouldBe(accepted);
        problems.ShouldAllBe(p => Regex.IsMatch(p, @"\p{IsCJKUnifiedIdeographs}"));
    }
}
