using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Roles and data scope as a person meets them in the browser.</summary>
public class SecurityBrowserTests
{
    [BrowserFact]
    public async Task An_officer_is_refused_the_administration_in_Chinese_and_signs_out()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "officer");

        // The navigation offers no administration to an officer …
        (await page.Locator(".crm-nav").InnerTextAsync()).ShouldNotContain("用户管理");
        // … and typing the address is refused with a Chinese explanation.
        var response = await page.GotoAsync("/admin/users");
        response!.Status.ShouldBe(403);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("没有权限");
        (await page.Locator("body").InnerTextAsync()).ShouldContain("请联系系统管理员");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("access-denied.png") });

        await page.GotoAsync("/");
        await page.ClickAsync("button:has-text('退出')");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("您已安全退出。");
    }

    [BrowserFact]
    public async Task Projects_are_listed_searched_and_opened_within_the_data_scope()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "head");

        await page.ClickAsync(".crm-nav >> text=招商项目");
        await page.WaitForURLAsync(url => url.Contains("/projects", StringComparison.Ordinal));
        var names = await page.Locator("[data-testid=project-table] tbody td:first-child").AllInnerTextsAsync();
        names.ShouldContain("华润中心");
        names.ShouldNotContain("平安银行长春分行新址"); // 自强街道's project: outside 商务局's scope
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("projects.png"), FullPage = true });

        await page.FillAsync("input[name=search]", "华润");
        await page.ClickAsync("button:has-text('查询')");
        (await page.Locator("[data-testid=project-table] tbody tr").CountAsync()).ShouldBe(2);

        await page.ClickAsync("text=华润中心二期");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("华润中心二期");
        await page.FillAsync("#name", "华润中心二期（万象城扩建）");
        await page.ClickAsync("button:text-is('保存')");
        await page.WaitForURLAsync(url => url.Contains("saved=true", StringComparison.Ordinal));
        (await page.Locator("[data-testid=message]").InnerTextAsync()).ShouldBe("已保存。");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("华润中心二期（万象城扩建）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("project-detail.png"), FullPage = true });

        // Deleting asks first; dismissing the question keeps the project.
        page.Dialog += async (_, dialog) => await dialog.DismissAsync();
        await page.ClickAsync("button:has-text('删除项目')");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("华润中心二期（万象城扩建）");

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "head");
        await phone.GotoAsync("/projects");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("projects-phone.png"), FullPage = true });

        // The pager of a long list: 首页, 上一页, five page numbers, 下一页, 末页 — the same size for any number of pages.
        var leader = await session.NewPageAsync();
        await BrowserSession.SignInAsync(leader, "leader");
        await leader.GotoAsync("/projects?page=3");
        var pager = leader.Locator("[data-testid=pager]");
        (await pager.Locator("a.page-link").AllInnerTextsAsync()).ShouldContain("下一页");
        (await pager.Locator(".page-item.active").InnerTextAsync()).Trim().ShouldBe("3");
        await pager.ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserSession.ScreenshotPath("pager.png") });
    }

    [BrowserFact]
    public async Task Administrators_see_their_own_pages()
    {
        await using var session = await BrowserSession.StartAsync();
        var admin = await session.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "sysadmin", expectHome: false);
        await admin.GotoAsync("/admin/users");
        (await admin.Locator("[data-testid=user-table]").InnerTextAsync()).ShouldContain("陈静");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("admin-users.png"), FullPage = true });
        await admin.ClickAsync(".crm-nav >> text=角色与权限");
        await admin.ClickAsync("text=招商专员");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("admin-role.png"), FullPage = true });

        var auditor = await session.NewPageAsync();
        await BrowserSession.SignInAsync(auditor, "auditor", expectHome: false);
        await auditor.WaitForURLAsync(url => url.Contains("/admin/audit", StringComparison.Ordinal));
        (await auditor.Locator("[data-testid=audit-table] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await auditor.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("audit-log.png") });
        await auditor.GotoAsync("/admin/security-log");
        (await auditor.Locator("[data-testid=security-log]").InnerTextAsync()).ShouldContain("登录成功");
    }

    [BrowserFact]
    public async Task An_administrator_account_requested_by_the_system_administrator_is_confirmed_by_the_security_administrator()
    {
        await using var session = await BrowserSession.StartAsync();
        var admin = await session.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "sysadmin", expectHome: false);
        await admin.GotoAsync("/admin/users");
        await admin.FillAsync("#new-username", "qianshen");
        await admin.FillAsync("#new-name", "钱审");
        await admin.CheckAsync("input[name='Create.Roles'][value='AuditAdmin']");
        await BrowserSession.SubmitAsync(admin, "button:has-text('创建并生成初始密码')");
        (await admin.Locator("[data-testid=pending]").InnerTextAsync()).ShouldContain("已提交安全管理员确认");
        (await admin.Locator("[data-testid=user-table]").InnerTextAsync()).ShouldNotContain("qianshen");

        foreach (var (width, height, mobile, file) in new[] { (390, 844, true, "administrator-changes-phone.png"), (1366, 800, false, "administrator-changes.png") })
        {
            var security = await session.NewPageAsync(width, height, mobile);
            await BrowserSession.SignInAsync(security, "security", expectHome: false);
            await security.GotoAsync("/admin/administrator-changes");
            (await security.Locator("[data-testid=change-table]").InnerTextAsync()).ShouldContain("qianshen");
            await security.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath(file), FullPage = true });
            if (!mobile)
            {
                security.Dialog += async (_, dialog) => await dialog.AcceptAsync();
                await security.ClickAsync("button:text-is('确认')");
                await security.WaitForSelectorAsync("[data-testid=message]");
                (await security.Locator("[data-testid=message]").InnerTextAsync()).ShouldContain("初始密码");
                (await security.Locator("[data-testid=no-changes]").InnerTextAsync()).ShouldBe("没有待确认的变更。");
            }
        }
    }
}
