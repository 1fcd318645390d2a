using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 19 (so far): the dispatch office prepares the October 2022 调度会, orders its agenda and records a decision.</summary>
public class MeetingBrowserTests
{
    [BrowserFact]
    public async Task The_dispatch_office_prepares_the_October_2022_meeting_orders_the_agenda_and_records_a_decision()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "dispatch");
        await page.GotoAsync("/meetings?year=2022");
        await page.FillAsync("#prepare-year", "2022");
        await page.FillAsync("#prepare-month", "10");
        await BrowserSession.SubmitAsync(page, "[data-testid=prepare-monthly]");
        (await page.Locator("[data-testid=meeting-title]").InnerTextAsync()).ShouldBe("2022年10月重点项目运行调度会");
        var items = page.Locator("[data-testid=agenda-item]");
        (await items.CountAsync()).ShouldBeGreaterThan(1);

        // The second item goes first.
        var second = await items.Nth(1).Locator("h2 a").InnerTextAsync();
        await BrowserSession.SubmitAsync(page, "[data-testid=agenda-item] >> nth=1 >> button[title=上移]");
        (await page.Locator("[data-testid=agenda-item] >> nth=0 >> h2 a").InnerTextAsync()).ShouldBe(second);

        // A decision on 华为 that opens a problem for 住建局.
        var huawei = page.Locator("[data-testid=agenda-item]", new PageLocatorOptions { HasText = "华为吉林区域总部" });
        (await huawei.Locator("[data-testid=investment-line]").InnerTextAsync()).ShouldContain("较序时进度 -15.0 个百分点");
        await huawei.Locator("details > summary").ClickAsync();
        await huawei.Locator("input[name=text]").FillAsync("10 月底前完成二期管网接驳");
        await huawei.Locator("select[name=departmentId]").SelectOptionAsync(new SelectOptionValue { Label = "住房和城乡建设局" });
        await huawei.Locator("input[name=dueOn]").FillAsync("2022-10-31");
        await huawei.Locator("select[name=category]").SelectOptionAsync("Factors");
        await BrowserSession.SubmitAsync(page, "[data-testid=agenda-item]:has-text('华为吉林区域总部') button:has-text('记录')");
        var decision = page.Locator("[data-testid=agenda-item]", new PageLocatorOptions { HasText = "华为吉林区域总部" }).Locator("[data-testid=decision]");
        (await decision.InnerTextAsync()).ShouldContain("10 月底前完成二期管网接驳");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("meeting.png"), FullPage = true });

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "baobao");
        await phone.GotoAsync(new Uri(page.Url).PathAndQuery);
        (await phone.Locator("[data-testid=agenda-item]").CountAsync()).ShouldBe(await items.CountAsync());
        // The meeting is the district's: the 包保领导 reads every item's lists, not only his own projects'.
        (await phone.Locator("[data-testid=investment-line]").First.InnerTextAsync()).ShouldContain("年度计划");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("meeting-phone.png"), FullPage = true });
    }
}
