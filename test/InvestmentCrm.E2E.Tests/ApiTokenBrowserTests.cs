using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 20 through the UI: the 系统管理员 issues an integration's token (shown once) and revokes it.</summary>
public class ApiTokenBrowserTests
{
    [BrowserFact]
    public async Task The_system_administrator_issues_a_token_sees_it_once_and_revokes_it()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(1440, 1000);
        await BrowserSession.SignInAsync(page, "sysadmin", expectHome: false);
        await page.ClickAsync(".crm-nav >> text=接口令牌");
        await page.WaitForURLAsync("**/admin/api-tokens");
        (await page.Locator("[data-testid=no-tokens]").InnerTextAsync()).ShouldBe("尚未签发接口令牌。");

        // A refusal says why beside the form and keeps what was typed.
        await page.FillAsync("#token-name", "市大数据局数据交换平台");
        string bureau;
        await using (var db = session.Factory.Database.CreateContext())
            bureau = (await db.Departments.Where(d => d.Code == "NG-SWJ").Select(d => d.Id).SingleAsync()).ToString();
        await page.SelectOptionAsync("#token-department", bureau);
        await page.SelectOptionAsync("#token-role", new SelectOptionValue { Label = "招商专员" });
        await page.FillAsync("#token-permits", "0");
        // The browser itself refuses 0 (min="1"); past its check, as an older browser would post it, the server says why.
        await page.EvalOnSelectorAsync("[data-testid=issue-form]", "form => form.noValidate = true");
        await BrowserSession.SubmitAsync(page, "button:has-text('签发令牌')");
        (await page.Locator("[data-testid=issue-form] [data-testid=form-error]").InnerTextAsync()).ShouldContain("每分钟调用上限");
        (await page.InputValueAsync("#token-name")).ShouldBe("市大数据局数据交换平台");
        (await page.Locator("#token-role option:checked").InnerTextAsync()).ShouldBe("招商专员");

        await page.FillAsync("#token-permits", "600");
        await BrowserSession.SubmitAsync(page, "button:has-text('签发令牌')");
        var issued = await page.Locator("[data-testid=token-value]").InnerTextAsync();
        issued.ShouldStartWith("crm_");
        var row = page.Locator("[data-testid=token-row]").First;
        (await row.InnerTextAsync()).ShouldContain("市大数据局数据交换平台");
        (await row.InnerTextAsync()).ShouldContain("商务局");
        (await row.InnerTextAsync()).ShouldContain("有效");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("api-tokens.png"), FullPage = true });

        // Shown once: a fresh visit lists the token by its prefix only.
        await page.GotoAsync("/admin/api-tokens");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain(issued);
        (await page.Locator("[data-testid=token-row]").First.InnerTextAsync()).ShouldContain(issued[..12] + "…");

        // Revoking asks first.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await BrowserSession.SubmitAsync(page, "[data-testid=token-row] button:has-text('吊销')");
        (await page.Locator("[data-testid=token-row]").First.InnerTextAsync()).ShouldContain("已吊销");

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "sysadmin", expectHome: false);
        await phone.GotoAsync("/admin/api-tokens");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling on a phone");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("api-tokens-phone.png"), FullPage = true });
    }
}
