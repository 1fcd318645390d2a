using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>The walking skeleton in a real browser: the demo officer signs in and sees real figures in Chinese.</summary>
public class SmokeTests
{
    [BrowserFact]
    public async Task The_demo_officer_signs_in_and_sees_the_home_page_with_real_figures()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();

        await page.GotoAsync("/");
        (await page.TitleAsync()).ShouldBe("登录 - 南关区招商引资管理平台");
        (await page.Locator("[data-testid=demo-accounts]").InnerTextAsync()).ShouldContain("officer");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("login.png"), FullPage = true });

        await BrowserSession.SignInAsync(page, "officer");

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("工作台");
        (await page.Locator("[data-testid=current-user]").InnerTextAsync()).ShouldContain("陈静");
        var stageLabels = await page.Locator("[data-testid=stage-counts] .crm-kpi-label").AllInnerTextsAsync();
        stageLabels.ShouldBe(["储备", "在谈", "签约", "落位", "到位", "暂停", "终止"]);
        // The officer's figures are those of the officer's data scope (商务局 and the projects the officer contributes to).
        string expected;
        await using (var db = session.Factory.Database.CreateContext())
            expected = InvestmentCrm.Common.Money.Yuan((await new InvestmentCrm.Workbench.WorkbenchAppService(db, await TestScopes.ForAsync(db, "officer")).GetSummaryAsync()).VerifiedDomesticCny).ToDisplay();
        (await page.Locator("[data-testid=verified-domestic]").InnerTextAsync()).ShouldBe(expected);
        // Chinese must render with a CJK font, not as boxes (Debian fonts-noto-cjk).
        (await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Noto Sans CJK SC\"', '工作台')")).ShouldBeTrue();
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('link[rel=stylesheet]').length")).ShouldBe(3);
        (await page.EvaluateAsync<bool>("() => getComputedStyle(document.querySelector('.crm-sidebar')).backgroundColor !== 'rgba(0, 0, 0, 0)'")).ShouldBeTrue("Bootstrap from wwwroot/lib must load");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("home.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task On_a_phone_the_navigation_is_a_drawer()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(page, "officer");

        (await page.Locator(".crm-sidebar .nav-link", new PageLocatorOptions { HasText = "工作台" }).IsVisibleAsync()).ShouldBeFalse();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("home-phone.png"), FullPage = true });

        await page.ClickAsync("button[aria-controls=crm-nav]");
        await page.Locator(".crm-sidebar .nav-link", new PageLocatorOptions { HasText = "工作台" }).WaitForAsync();
        // Bootstrap marks the drawer "showing" while it slides in.
        await page.WaitForSelectorAsync("#crm-nav.show:not(.showing)");
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("home-phone-nav.png") });
    }

    [BrowserFact]
    public async Task Signing_out_returns_to_the_login_page()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "leader");
        await page.ClickAsync("button:has-text('退出')");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("您已安全退出。");
    }
}
