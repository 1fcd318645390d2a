using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 6 through the UI: an officer types a query character by character, sees the ranked hits update, opens one.</summary>
public class CompanySearchBrowserTests
{
    [BrowserFact]
    public async Task Typing_a_query_updates_the_ranked_results_and_a_result_opens_the_profile()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(1440, 1000);
        await BrowserSession.SignInAsync(page, "officer");
        await page.GotoAsync("/companies");
        (await page.Locator("[data-testid=result-count]").InnerTextAsync()).ShouldContain("您可查看的企业共");

        // Character by character, as an officer types: htmx asks after a pause and swaps the results in.
        var input = page.Locator("[data-testid=search-input]");
        await input.PressSequentiallyAsync("亿联", new LocatorPressSequentiallyOptions { Delay = 150 });
        var first = page.Locator("[data-testid=company-hit] h2").First;
        await Assertions.Expect(first).ToContainTextAsync("吉林亿联银行股份有限公司");
        (await first.Locator("mark").InnerTextAsync()).ShouldBe("亿联");
        page.Url.ShouldContain("q=%E4%BA%BF%E8%81%94"); // the address follows the query

        await input.FillAsync("");
        await input.PressSequentiallyAsync("华为", new LocatorPressSequentiallyOptions { Delay = 150 });
        await Assertions.Expect(first).ToContainTextAsync("华为技术有限公司");
        await Assertions.Expect(page.Locator("[data-testid=facet-nature]")).ToContainTextAsync("民企");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("company-search.png"), FullPage = true });

        await first.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/companies/*");
        (await page.Locator("[data-testid=company-name]").InnerTextAsync()).ShouldContain("华为技术有限公司");
        (await page.Locator("[data-testid=contacts]").InnerTextAsync()).ShouldContain("138****0001");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("company-profile.png"), FullPage = true });

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "officer");
        await phone.GotoAsync("/companies");
        await phone.Locator("[data-testid=search-input]").PressSequentiallyAsync("银行", new LocatorPressSequentiallyOptions { Delay = 150 });
        await Assertions.Expect(phone.Locator("[data-testid=company-hit]").First).ToContainTextAsync("银行");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling on a phone");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("company-search-phone.png"), FullPage = true });
    }
}
