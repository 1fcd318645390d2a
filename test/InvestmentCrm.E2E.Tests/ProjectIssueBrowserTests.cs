using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>
/// Issue 18: the closed loop of a project problem — the 属地秘书 raises it for the company on a phone, the 手续保障专班
/// accepts and solves it, the secretary records the company's confirmation, and the 包保领导 follows the project on
/// 我的包保项目.
/// </summary>
public class ProjectIssueBrowserTests
{
    private const string Title = "二期临时用地规划许可手续";

    [BrowserFact]
    public async Task A_problem_goes_from_the_secretarys_phone_through_the_task_force_to_the_companys_confirmation()
    {
        await using var session = await BrowserSession.StartAsync();

        // 马辉, 属地秘书 of 华为吉林区域总部, on a phone: the text suggests 手续, routed to the 手续保障专班.
        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "mahui");
        await phone.GotoAsync("/issues/new");
        await phone.SelectOptionAsync("[data-testid=issue-project]", new SelectOptionValue { Label = "华为吉林区域总部" });
        await phone.FillAsync("[data-testid=issue-title]", Title);
        await phone.FillAsync("[data-testid=issue-description]", "二期施工临时用地的规划许可手续尚未办理，企业反映影响开工准备。");
        await phone.Locator("[data-testid=issue-route-note]").WaitForAsync();
        (await phone.Locator("[data-testid=issue-route-note]").InnerTextAsync()).ShouldContain("手续保障专班");
        (await phone.Locator("[data-testid=issue-category]").InputValueAsync()).ShouldBe("Procedures");
        await phone.CheckAsync("[data-testid=issue-behalf]");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("issue-raise-phone.png"), FullPage = true });
        await BrowserSession.SubmitAsync(phone, "[data-testid=raise-submit]");
        phone.Url.ShouldContain("/issues/");
        (await phone.Locator("[data-testid=issue-status]").InnerTextAsync()).ShouldBe("待受理");
        (await phone.Locator("[data-testid=issue-department]").InnerTextAsync()).ShouldBe("手续保障专班");
        var issueUrl = new Uri(phone.Url).AbsolutePath;

        // 高峰 of the 手续保障专班 sees it in the list, accepts and solves it.
        var desk = await session.NewPageAsync();
        await BrowserSession.SignInAsync(desk, "zhuanban");
        await desk.GotoAsync("/issues");
        await desk.ClickAsync($"[data-testid=issue-table] >> text={Title}");
        await desk.WaitForURLAsync(url => url.EndsWith(issueUrl, StringComparison.Ordinal));
        await desk.ClickAsync("details:has([data-testid=act-Accept]) > summary");
        await BrowserSession.SubmitAsync(desk, "[data-testid=act-Accept-submit]");
        (await desk.Locator("[data-testid=issue-status]").InnerTextAsync()).ShouldBe("已受理");
        (await desk.Locator("[data-testid=response-in-time]").InnerTextAsync()).ShouldBe("按时受理");
        await desk.ClickAsync("details:has([data-testid=act-Solve]) > summary");
        await desk.FillAsync("[data-testid=act-Solve] textarea[name=note]", "规划许可已核发，临时用地手续办结。");
        await BrowserSession.SubmitAsync(desk, "[data-testid=act-Solve-submit]");
        (await desk.Locator("[data-testid=issue-status]").InnerTextAsync()).ShouldBe("已解决待确认");
        // The task force cannot answer for the company.
        (await desk.Locator("[data-testid=act-AnswerForCompany]").CountAsync()).ShouldBe(0);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("issue-detail.png"), FullPage = true });

        // Back on the secretary's phone: the company confirms.
        await phone.GotoAsync(issueUrl);
        await BrowserSession.SubmitAsync(phone, "[data-testid=act-AnswerForCompany-submit]");
        (await phone.Locator("[data-testid=issue-status]").InnerTextAsync()).ShouldBe("企业已确认");
        (await phone.Locator("[data-testid=issue-steps]").InnerTextAsync()).ShouldContain("企业确认");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("issue-detail-phone.png"), FullPage = true });

        // 张华, 包保领导 of 华为: the project on 我的包保项目 with the problem still open there (二期临舍搭建用地协调).
        var leader = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(leader, "baobao");
        await leader.GotoAsync("/my-projects");
        var card = leader.Locator("[data-testid=my-project]", new PageLocatorOptions { HasText = "华为吉林区域总部" });
        (await card.Locator("[data-testid=open-issues]").InnerTextAsync()).ShouldContain("二期临舍搭建用地协调");
        (await card.InnerTextAsync()).ShouldNotContain(Title);
        await leader.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("my-projects-phone.png"), FullPage = true });

        var dispatch = await session.NewPageAsync();
        await BrowserSession.SignInAsync(dispatch, "dispatch");
        await dispatch.GotoAsync("/issues/statistics?year=2026");
        (await dispatch.Locator("[data-testid=by-category]").InnerTextAsync()).ShouldContain("手续");
        await dispatch.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("issue-statistics.png"), FullPage = true });
    }
}
