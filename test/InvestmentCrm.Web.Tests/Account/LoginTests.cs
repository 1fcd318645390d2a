using InvestmentCrm.Web.Account;
using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Account;

public class LoginTests
{
    private static HttpClient NoRedirects(CrmWebApplicationFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Anonymous_pages_redirect_to_the_login_page()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var response = await NoRedirects(factory).GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/account/login?ReturnUrl=%2F");
    }

    [Fact]
    public async Task The_login_page_lists_the_demo_accounts_while_the_demo_seed_is_active()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var page = await new HtmlParser().ParseDocumentAsync(await factory.CreateClient().GetStringAsync("/account/login"));

        page.Title.ShouldBe("登录 - 南关区招商引资管理平台");
        var demo = page.QuerySelector("[data-testid=demo-accounts]").ShouldNotBeNull();
        demo.TextContent.ShouldContain("Nanguan@2026");
        demo.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("code")!.TextContent).ShouldContain("officer");
        demo.TextContent.ShouldContain("招商专员");
    }

    [Fact]
    public async Task Without_the_demo_seed_no_accounts_or_passwords_are_shown()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.Migrated);
        var html = await factory.CreateClient().GetStringAsync("/account/login");
        var page = await new HtmlParser().ParseDocumentAsync(html);
        page.QuerySelector("[data-testid=demo-accounts]").ShouldBeNull();
        html.ShouldNotContain("Nanguan@2026");
    }

    [Fact]
    public async Task A_wrong_password_gets_one_Chinese_answer_and_five_failures_lock_the_account()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = NoRedirects(factory);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var response = await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "wrong-password");
            var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("[data-testid=login-error]")!.TextContent.ShouldBe(Login.Refused);
        }

        var fifth = await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "wrong-password");
        (await fifth.Content.ReadAsStringAsync()).ShouldContain(Login.Refused);
        // Locked: even the right password is refused now, with the same answer (it does not tell that the name exists).
        var locked = await CrmWebApplicationFactory.PostLoginAsync(client, "officer", "Nanguan@2026");
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync()).ShouldContain(Login.Refused);
    }

    [Fact]
    public async Task Empty_fields_are_refused_with_Chinese_messages()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var response = await CrmWebApplicationFactory.PostLoginAsync(NoRedirects(factory), "", "");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("请输入用户名。");
        html.ShouldContain("请输入密码。");
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        await using (var db = factory.Database.CreateContext())
        {
            var officer = await db.Users.SingleAsync(u => u.UserName == "officer");
            officer.IsActive = false;
            await db.SaveChangesAsync();
        }
        var response = await CrmWebApplicationFactory.PostLoginAsync(NoRedirects(factory), "officer", "Nanguan@2026");
        (await response.Content.ReadAsStringAsync()).ShouldContain(Login.Refused);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "officer",
            ["Input.Password"] = "Nanguan@2026",
        });
        var response = await NoRedirects(factory).PostAsync("/account/login", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Signing_in_leads_home_and_signing_out_ends_the_session()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("officer");
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/"));
        home.QuerySelector("[data-testid=current-user]")!.TextContent.ShouldContain("陈静");

        var logoutForm = home.QuerySelector("form[action='account/logout']").ShouldNotBeNull();
        var token = logoutForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        logout.Headers.Location!.OriginalString.ShouldBe("/account/login?loggedOut=true");

        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("officer");
        // A forged post from another site has neither the form's token nor the header an API script would add.
        client.DefaultRequestHeaders.Remove(CrmWebApplicationFactory.AntiforgeryHeader);
        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "a forged sign-out changes nothing");
    }

    [Fact]
    public async Task The_return_url_must_be_local()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = NoRedirects(factory);
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/login"));
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["_handler"] = "login",
            ["Input.UserName"] = "officer",
            ["Input.Password"] = "Nanguan@2026",
        };
        var response = await client.PostAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldNotContain("evil");
    }
}
