using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 7 through the UI: the demo assessor runs the 2026 appraisal, opens one person's line items and freezes the run.</summary>
public class AppraisalBrowserTests
{
    [BrowserFact]
    public async Task The_assessor_runs_the_appraisal_reads_a_persons_line_items_and_freezes_the_result()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(1440, 1000);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the freeze asks for confirmation
        await BrowserSession.SignInAsync(page, "assessor");

        await page.GotoAsync("/appraisal");
        (await page.Locator("[data-testid=empty]").InnerTextAsync()).ShouldBe("还没有考核结果。");
        await BrowserSession.SubmitAsync(page, "[data-testid=run-form] button[type=submit]");
        await page.WaitForURLAsync("**/appraisal/runs/*");
        (await page.Locator("[data-testid=run-status]").InnerTextAsync()).ShouldContain("试算");
        var departments = page.Locator("[data-testid=departments] tbody tr");
        (await departments.CountAsync()).ShouldBeGreaterThan(2);
        (await page.Locator("[data-testid=people]").InnerTextAsync()).ShouldContain("陈静");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("appraisal-run.png"), FullPage = true });

        // 陈静's line items: every item with its inputs, formula and points, and the records behind them.
        await page.ClickAsync("[data-testid=people] a:text-is('陈静')");
        await page.WaitForURLAsync("**/person/*");
        var lines = page.Locator("[data-testid=lines] tbody tr");
        (await lines.CountAsync()).ShouldBe(5);
        (await lines.First.InnerTextAsync()).ShouldContain("个人利用内资");
        (await lines.First.InnerTextAsync()).ShouldContain("完成率");
        await page.ClickAsync("[data-testid=lines] tbody tr:first-child summary");
        (await page.Locator("[data-testid=evidence] li").CountAsync()).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("appraisal-person.png"), FullPage = true });

        await page.GoBackAsync();
        // 2026 is not over on 2026-11-22: the page says why an early freeze matters, and the freeze needs the confirmation.
        (await page.Locator("[data-testid=early-warning]").InnerTextAsync()).ShouldContain("此后认定的到位资金");
        await BrowserSession.SubmitAsync(page, "[data-testid=freeze]");
        (await page.Locator("[data-testid=message]").InnerTextAsync()).ShouldContain("请勾选“确认提前冻结”");
        (await page.Locator("[data-testid=run-status]").InnerTextAsync()).ShouldContain("试算");
        await page.CheckAsync("[data-testid=early-freeze] input");
        await BrowserSession.SubmitAsync(page, "[data-testid=freeze]");
        (await page.Locator("[data-testid=run-status]").InnerTextAsync()).ShouldContain("已冻结");
        (await page.Locator("[data-testid=freeze]").CountAsync()).ShouldBe(0);

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "officer");
        await phone.GotoAsync("/appraisal/mine");
        (await phone.Locator("[data-testid=lines]").InnerTextAsync()).ShouldContain("个人利用内资");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling on a phone");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("appraisal-mine-phone.png"), FullPage = true });
    }
}
