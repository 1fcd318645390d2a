using System.Net;
using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Issue 16 (point 4): published, patterned and reused passwords are refused; guesses on the change form count; generated ones always pass.</summary>
public class PasswordTests
{
    [Theory]
    [InlineData("Nanguan@2026")]      // the demo password: refused for every real account
    [InlineData("P@ssw0rd2024!")]     // a published word behind the usual substitutions
    [InlineData("Admin#20252025")]
    [InlineData("Qwerty#456789")]     // keyboard row
    [InlineData("Abcdef#12xyz")]      // alphabet run
    [InlineData("Aaaa#7777bbbb")]     // repeated characters
    [InlineData("Ab1!Ab1!Ab1!")]      // four distinct characters
    public void Common_published_and_patterned_passwords_are_refused(string password) =>
        PasswordPolicy.Problems(password, "liwei").ShouldNotBeEmpty();

    [Fact]
    public void A_generated_one_time_password_always_satisfies_the_policy_even_for_a_short_user_name()
    {
        // Before: a random password sometimes contained a two-letter user name, was refused, and the account not created.
        foreach (var userName in new[] { "a2", "Ab", "x" })
            for (var i = 0; i < 3000; i++)
                PasswordPolicy.Problems(PasswordGenerator.Generate(userName), userName).ShouldBeEmpty();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task None_of_the_last_five_passwords_may_be_chosen_again(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var officer = (await users.FindByNameAsync("officer"))!;
        string[] used = ["Kvtr#bwmx7Q1", "Kvtr#bwmx7Q2", "Kvtr#bwmx7Q3", "Kvtr#bwmx7Q4", "Kvtr#bwmx7Q5"];
        var current = "Nanguan@2026";
        foreach (var next in used)
        {
            (await users.ChangePasswordAsync(officer, current, next)).Succeeded.ShouldBeTrue();
            current = next;
        }
        // Current Q5 and the four before it (Q1–Q4) are remembered; the demo one is the sixth and too common anyway.
        foreach (var old in used)
        {
            var again = await users.ChangePasswordAsync(officer, current, old);
            again.Succeeded.ShouldBeFalse(old);
            again.Errors.Select(e => e.Description).ShouldContain("不能使用最近 5 次用过的密码。");
        }
        (await users.ChangePasswordAsync(officer, current, "Tzq#4829kmLp")).Succeeded.ShouldBeTrue();
        (await users.ChangePasswordAsync(officer, "Tzq#4829kmLp", used[0])).Succeeded.ShouldBeTrue("Q1 is now the sixth password back");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Wrong_current_passwords_on_the_change_form_are_logged_and_lock_the_account(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var session = await CookieSession.SignInAsync(factory, "officer");
        for (var i = 0; i < 4; i++)
        {
            var wrong = await session.PostFormAsync("/account/change-password", "change-password",
                [new("Input.CurrentPassword", "Not#The1Password"), new("Input.NewPassword", "Kvtr#bwmx7Qp"), new("Input.ConfirmPassword", "Kvtr#bwmx7Qp")]);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("当前密码不正确");
        }
        var fifth = await session.PostFormAsync("/account/change-password", "change-password",
            [new("Input.CurrentPassword", "Not#The1Password"), new("Input.NewPassword", "Kvtr#bwmx7Qp"), new("Input.ConfirmPassword", "Kvtr#bwmx7Qp")]);
        fifth.Headers.Location!.OriginalString.ShouldContain("/account/login", Case.Insensitive);
        (await session.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var db = factory.Database.CreateContext();
        (await db.Users.SingleAsync(u => u.UserName == "officer")).LockoutEnd.ShouldNotBeNull();
        var kinds = await db.SecurityLogs.Where(l => l.UserName == "officer").Select(l => l.Kind).ToListAsync();
        kinds.Count(k => k == SecurityEvent.PasswordChangeFailed).ShouldBe(5);
        kinds.ShouldContain(SecurityEvent.LockedOut);
    }
}
