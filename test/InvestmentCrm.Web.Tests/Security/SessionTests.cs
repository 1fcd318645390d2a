using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>
/// Issue 16 (point 3): sessions end on the server — a copied cookie is refused after sign-out, a password change ends the
/// other sessions; the login answer does not tell which names exist; parallel wrong guesses all count.
/// </summary>
public class SessionTests
{
    private const string Api = "/api/v1/workbench/summary";

    private static async Task<HttpResponseMessage> LogoutAsync(CookieSession session) =>
        await session.PostFormAsync("/account/logout", "", [], pageUrl: "/");

    [Theory, OnSqlite, OnPostgres]
    public async Task A_copied_cookie_is_refused_after_sign_out(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var browser = await CookieSession.SignInAsync(factory, "officer");
        var stolen = browser.Copy();
        (await stolen.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await LogoutAsync(browser)).Headers.Location!.OriginalString.ShouldContain("loggedOut=true");
        (await stolen.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the session ended on the server, not only in the browser");
        (await stolen.GetAsync("/")).Headers.Location!.PathAndQuery.ShouldStartWith("/account/login");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var desk = await CookieSession.SignInAsync(factory, "officer");
        var phone = await CookieSession.SignInAsync(factory, "officer");

        var changed = await desk.PostFormAsync("/account/change-password", "change-password",
            [new("Input.CurrentPassword", "Nanguan@2026"), new("Input.NewPassword", "Kvtr#bwmx7Qp"), new("Input.ConfirmPassword", "Kvtr#bwmx7Qp")]);
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await desk.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_role_change_ends_the_users_sessions_at_once(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await CookieSession.SignInAsync(factory, "officer");
        var admin = await factory.SignInAsync("sysadmin");
        Guid id, department;
        await using (var db = factory.Database.CreateContext())
            { var u = await db.Users.SingleAsync(x => x.UserName == "officer"); (id, department) = (u.Id, u.DepartmentId); }

        await FormPoster.PostAsync(admin, $"/admin/users/{id}", "edit-user",
            [new("Edit.DisplayName", "陈静"), new("Edit.DepartmentId", department.ToString()), new("Edit.Roles", Roles.Assessor)]);
        (await officer.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Counts how often a password is checked against a hash: the login does the same work whatever the reason it refuses.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        public int Verifications;
        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Unknown_disabled_and_locked_accounts_get_the_same_answer_after_the_same_hashing_work()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var hasher = new CountingHasher();
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>>(hasher))));
        await using (var db = factory.Database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.UserName == "head")).IsActive = false;
            (await db.Users.SingleAsync(u => u.UserName == "leader")).LockoutEnd = DateTimeOffset.UtcNow.AddYears(1);
            await db.SaveChangesAsync();
        }
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answers = new List<string>();
        foreach (var name in new[] { "nobody-here", "head", "leader", "officer" })
        {
            var before = hasher.Verifications;
            var response = await CrmWebApplicationFactory.PostLoginAsync(client, name, "Wrong#Password1");
            var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            answers.Add(page.QuerySelector("[data-testid=login-error]")!.TextContent);
            (hasher.Verifications - before).ShouldBe(1, $"“{name}”: one password hash check, as for an existing account");
        }
        answers.Distinct().ShouldBe([Login.Refused]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Parallel_wrong_guesses_all_count_toward_the_lockout(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        // Eight browsers, each with its own login form, guess at the same moment.
        var attempts = new List<(HttpClient Client, FormUrlEncodedContent Form)>();
        for (var i = 0; i < 8; i++)
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/login"));
            attempts.Add((client, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["_handler"] = "login", ["Input.UserName"] = "officer", ["Input.Password"] = "Wrong#Guess" + i,
            })));
        }
        await Task.WhenAll(attempts.Select(a => a.Client.PostAsync("/account/login", a.Form)));

        await using var db = factory.Database.CreateContext();
        var officer = await db.Users.SingleAsync(u => u.UserName == "officer");
        officer.LockoutEnd.ShouldNotBeNull("eight wrong guesses, five of them lock the account");
        officer.LockoutEnd.Value.ShouldBeGreaterThan(factory.Clock.GetUtcNow());
        (await db.SecurityLogs.CountAsync(l => l.UserName == "officer" && (l.Kind == SecurityEvent.LoginFailed || l.Kind == SecurityEvent.LockedOut))).ShouldBe(8);
    }
}
