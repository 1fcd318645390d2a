using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 17: the dispatch office reads 2022's 项目盘子, drills into 开复工 and takes it to Excel.</summary>
public class ProjectPoolBrowserTests
{
    [BrowserFact]
    public async Task The_dispatch_office_opens_the_2022_pool_drills_into_started_projects_and_exports_them()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "dispatch");
        await page.GotoAsync("/cockpit?year=2022&asOf=2022-09-30");
        await page.ClickAsync("[data-testid=pool-link]");
        await page.WaitForURLAsync(url => url.Contains("/project-pool", StringComparison.Ordinal));
        (await page.Locator("[data-testid=start-rate]").InnerTextAsync()).ShouldBe("100.0%");
        (await page.Locator("[data-testid=planned-total]").InnerTextAsync()).ShouldBe("792.30");
        (await page.Locator("[data-testid=major]").InnerTextAsync()).ShouldBe("19");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("project-pool.png"), FullPage = true });

        await page.ClickAsync("[data-testid=start-rate]");
        await page.WaitForURLAsync(url => url.Contains("show=Started", StringComparison.Ordinal));
        (await page.Locator("[data-testid=pool-table] tbody tr").CountAsync()).ShouldBe(50);
        (await page.Locator("#records-title").InnerTextAsync()).ShouldContain("开复工");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export]"));
        var path = Path.Combine(Path.GetTempPath(), $"pool-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        var sheet = XlsxWorkbook.Read(await File.ReadAllBytesAsync(path)).Rows();
        File.Delete(path);
        var crc = sheet.Single(row => row.Count > 6 && Equals(row[0], "华润中心"));
        crc[6].ShouldBeOfType<double>("amounts are numbers").ShouldBe(60d);

        // A project of the pool opens at its construction record, as of the pool's date.
        await page.ClickAsync("[data-testid=pool-table] >> text=华润中心");
        await page.WaitForURLAsync(url => url.Contains("/projects/", StringComparison.Ordinal));
        (await page.Locator("[data-testid=construction-status]").InnerTextAsync()).ShouldContain("在建");
        (await page.Locator("[data-testid=construction-events]").InnerTextAsync()).ShouldContain("2017-09-20");
        await page.Locator("#construction").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserSession.ScreenshotPath("project-construction.png") });

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "dispatch");
        await phone.GotoAsync("/project-pool?year=2022&asOf=2022-09-30");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("project-pool-phone.png"), FullPage = true });
    }
}
