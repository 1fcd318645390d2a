using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 5 through the UI: the demo leader reads the cockpit, goes back to 2012, drills into a number.</summary>
public class CockpitBrowserTests
{
    [BrowserFact]
    public async Task The_leader_reads_the_cockpit_changes_the_as_of_date_and_drills_into_a_number()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(1440, 1000);
        await BrowserSession.SignInAsync(page, "leader");

        await page.GotoAsync("/cockpit");
        await page.WaitForSelectorAsync("[data-chart] svg"); // ECharts has drawn
        (await page.Locator("[data-testid=time-progress]").InnerTextAsync()).ShouldContain("统计截至 2026-11-22");
        var domestic = page.Locator("[data-figure=DomesticFunds]");
        (await domestic.Locator("[data-testid=figure-value]").InnerTextAsync()).ShouldBe("31.20");
        (await domestic.Locator("[data-light]").GetAttributeAsync("data-light")).ShouldBe("Yellow");
        (await page.Locator("[data-testid=behind-schedule]").InnerTextAsync()).ShouldContain("八一未来城智慧谷");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("cockpit-desktop.png"), FullPage = true });

        // Back to the worked example: 2012 as of 31 December.
        await page.SelectOptionAsync("#year", "2012");
        await page.FillAsync("#asOf", "2012-12-31");
        await page.ClickAsync("[data-testid=cockpit-filter] button[type=submit]");
        await page.WaitForURLAsync("**/cockpit?year=2012&asOf=2012-12-31*");
        (await page.Locator("[data-figure=FulfilmentRate] [data-testid=figure-value]").InnerTextAsync()).ShouldBe("80.0");
        (await page.Locator("[data-figure=DomesticArrivalRate] [data-testid=figure-value]").InnerTextAsync()).ShouldBe("25.0");
        (await page.Locator("[data-figure=DomesticFunds] [data-testid=completion]").InnerTextAsync()).ShouldBe("33.3%");
        (await page.Locator("[data-figure=ForeignFunds] [data-testid=completion]").InnerTextAsync()).ShouldBe("0.0%");

        // Drill into 履约率: the ten projects of the 2012 cohort, eight of them fulfilled.
        await page.ClickAsync("[data-figure=FulfilmentRate] [data-testid=figure-value]");
        await page.WaitForURLAsync("**/figures/records?figure=FulfilmentRate*");
        (await page.Locator("[data-testid=records-total]").InnerTextAsync()).ShouldBe("10");
        (await page.Locator("[data-testid=records] tbody tr").CountAsync()).ShouldBe(10);
        (await page.Locator("[data-testid=records] tbody tr:has-text('君顶国际楼宇填充')").InnerTextAsync()).ShouldContain("终止");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("cockpit-drilldown.png"), FullPage = true });

        // 五年规划进度 from the cockpit: 十四五 at its end.
        await page.GotoAsync("/figures/plan?plan=2021&asOf=2025-12-31");
        (await page.Locator("[data-testid=domestic] [data-testid=verdict]").InnerTextAsync()).ShouldBe("欠进度");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("plan-progress.png"), FullPage = true });

        var wall = await session.NewPageAsync(2560, 1440);
        await BrowserSession.SignInAsync(wall, "leader");
        await wall.GotoAsync("/cockpit");
        await wall.WaitForSelectorAsync("[data-chart] svg");
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("cockpit-large-screen.png") });

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "leader");
        await phone.GotoAsync("/cockpit");
        await phone.WaitForSelectorAsync("[data-chart] svg");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling on a phone");
        foreach (var table in new[] { "ranking", "behind-schedule" })
            (await phone.Locator($"[data-testid={table}]").EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth"))
                .ShouldBeTrue($"{table} fits a phone without scrolling sideways inside its box");
        (await phone.Locator("[data-testid=behind-schedule]").InnerTextAsync()).ShouldContain("逾期未完成"); // the reason stays on a phone
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("cockpit-phone.png"), FullPage = true });
        await phone.GotoAsync("/figures/plan?plan=2021&asOf=2025-12-31");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the plan page fits a phone");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("plan-progress-phone.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task A_manager_decomposes_a_target_and_the_tree_shows_the_gap()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(1366, 900);
        await BrowserSession.SignInAsync(page, "dispatch");

        await page.GotoAsync("/targets?kind=Year&year=2026");
        var commerce = page.Locator("[data-testid=target-tree] tbody tr:has-text('商务局')").First;
        (await commerce.Locator("[data-testid=gap]").InnerTextAsync()).ShouldBe("未分解 5");

        // A person's target twice is refused in Chinese.
        await page.SelectOptionAsync("#metric", "DomesticFunds");
        await page.SelectOptionAsync("#scope", "Person");
        await page.SelectOptionAsync("#user-id", new SelectOptionValue { Label = "周婷（南岭街道）" });
        await page.SelectOptionAsync("#parent-id", new SelectOptionValue { Label = "利用内资（到位） · 南岭街道（3 亿元）" });
        await page.FillAsync("#value", "1");
        await BrowserSession.SubmitAsync(page, "[data-testid=add-target] button[type=submit]");
        (await page.Locator("[data-testid=message]").InnerTextAsync()).ShouldBe("2026年已有该个人的“利用内资（到位）”指标，请直接修改。");

        // Decompose 签约 of the zone to 马辉: the zone's gap shrinks to 1.
        await page.SelectOptionAsync("#metric", "SignedCount");
        await page.SelectOptionAsync("#scope", "Person");
        await page.SelectOptionAsync("#user-id", new SelectOptionValue { Label = "马辉（开发区招商局）" });
        await page.SelectOptionAsync("#parent-id", new SelectOptionValue { Label = "签约项目 · 南部都市经济开发区（南部新城）（3 个）" });
        await page.FillAsync("#value", "2");
        await BrowserSession.SubmitAsync(page, "[data-testid=add-target] button[type=submit]");
        (await page.Locator("[data-testid=target-tree] tbody tr:has-text('签约项目') ~ tr:has-text('南部都市经济开发区')").First.Locator("[data-testid=gap]").InnerTextAsync()).ShouldBe("未分解 1");

        // Raising 陈静's share closes 商务局's gap.
        var chen = page.Locator("[data-testid=target-tree] tbody tr:has-text('陈静')").First;
        await chen.Locator("input[name=value]").FillAsync("11");
        await BrowserSession.SubmitAsync(page, "[data-testid=target-tree] tbody tr:has-text('陈静') button:has-text('保存')");
        (await page.Locator("[data-testid=target-tree] tbody tr:has-text('商务局')").First.Locator("[data-testid=gap]").InnerTextAsync()).ShouldBe("已分解完");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("targets-tree.png"), FullPage = true });
    }
}
