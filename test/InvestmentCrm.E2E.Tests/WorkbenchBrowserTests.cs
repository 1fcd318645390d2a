using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 15 (point 10) through the UI: a verifier goes from the 工作台's count to the 待认定 queue to the tranche.</summary>
public class WorkbenchBrowserTests
{
    [BrowserFact]
    public async Task A_verifier_opens_the_pending_queue_from_the_workbench_and_reaches_the_tranche_in_one_click()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(1366, 900);
        await BrowserSession.SignInAsync(page, "head"); // 商务局局长: may verify

        (await page.Locator("[data-testid=pending-tranches]").InnerTextAsync()).ShouldBe("1 笔");
        await page.ClickAsync("[data-testid=pending-tranches]");
        await page.WaitForURLAsync("**/funds?status=Pending");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("待认定到位资金");
        var row = page.Locator("[data-testid=tranche-row]");
        (await row.CountAsync()).ShouldBe(1);
        (await row.InnerTextAsync()).ShouldContain("基金广场二期");
        (await page.Locator("[data-testid=total-row]").InnerTextAsync()).ShouldContain("0.8 亿元");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("pending-queue-desktop.png"), FullPage = true });

        await row.Locator("[data-testid=open-tranche]").ClickAsync();
        await page.WaitForURLAsync("**/projects/*#tranche-*");
        var anchor = new Uri(page.Url).Fragment;
        var tranche = page.Locator(anchor);
        (await tranche.Locator("[data-testid=tranche-status]").InnerTextAsync()).ShouldBe("待认定");
        (await tranche.Locator("button[value=approve]").IsVisibleAsync()).ShouldBeTrue();

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "head");
        await phone.GotoAsync("/funds?status=Pending");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling on a phone");
        (await phone.Locator("[data-testid=tranche-table]").EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth")).ShouldBeTrue("the queue fits a phone");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("pending-queue-phone.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task My_figures_department_figures_and_the_audit_log_read_on_a_desk_and_on_a_phone()
    {
        await using var session = await BrowserSession.StartAsync();
        foreach (var (user, url, name, marker) in new[]
        {
            ("officer", "/figures/mine", "my-figures", "[data-testid=my-figures]"),
            ("head", "/figures/department", "department-figures", "[data-testid=people-note]"),
            ("auditor", "/admin/audit", "audit-log", "[data-testid=changes]"),
        })
        {
            var desk = await session.NewPageAsync(1366, 900);
            await BrowserSession.SignInAsync(desk, user, expectHome: user != "auditor");
            await desk.GotoAsync(url);
            await desk.WaitForSelectorAsync(marker);
            await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath($"{name}-desktop.png") });

            var phone = await session.NewPageAsync(390, 844, isMobile: true);
            await BrowserSession.SignInAsync(phone, user, expectHome: user != "auditor");
            await phone.GotoAsync(url);
            await phone.WaitForSelectorAsync(marker);
            (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue($"{url} fits a phone");
            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath($"{name}-phone.png") });
        }
    }
}
