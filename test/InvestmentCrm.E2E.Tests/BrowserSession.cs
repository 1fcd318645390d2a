using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>The real app on Kestrel (a free loopback port, demo data) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(CrmWebApplicationFactory factory, IPlaywright playwright, IBrowser browser, string baseUrl) =>
        (Factory, Playwright, Browser, BaseUrl) = (factory, playwright, browser, baseUrl);

    public CrmWebApplicationFactory Factory { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    public static async Task<BrowserSession> StartAsync()
    {
        var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var baseUrl = factory.StartOnLoopback().ToString().TrimEnd('/');

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            // This machine has no network but loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(factory, playwright, browser, baseUrl);
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 800, bool isMobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Clicks a submit button and waits for the next document (the redirect after a save, or the page with the refusal).</summary>
    public static async Task SubmitAsync(IPage page, string button)
    {
        await page.EvaluateAsync("() => { window.__beforeSubmit = true; }");
        await page.ClickAsync(button);
        await page.WaitForFunctionAsync("() => window.__beforeSubmit === undefined");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task SignInAsync(IPage page, string userName, bool expectHome = true)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", InvestmentCrm.EntityFrameworkCore.Seeding.DemoDataSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        // The first sign-in of a fresh host (password hashing, first render) can take long on 2 busy CI cores.
        // Waiting for the address to commit and then for the document, rather than for the page's "load" event:
        // under a loaded CI run that event was once missed after the address had already changed (a 90 s timeout).
        var wait = new PageWaitForURLOptions { Timeout = 90_000, WaitUntil = WaitUntilState.Commit };
        if (expectHome)
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", wait);
        else
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal), wait);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = 90_000 });
    }

    /// <summary>docs/screenshots in the repository (found by walking up to the solution file).</summary>
    public static string ScreenshotPath(string name) => RepositoryPaths.Docs("screenshots", name);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
