using System.Net;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>
/// Issue 16 (point 5): signed-in work is limited per user, after authentication (colleagues behind one address keep their
/// own budget); the sign-in limit is per client address and X-Forwarded-For from an untrusted sender does not change it.
/// </summary>
public class RateLimitTests
{
    private static async Task<CrmWebApplicationFactory> LimitedAsync(string? trustedProxy = null) =>
        new(await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData), new Dictionary<string, string>
        {
            ["RateLimiting:SearchPerMinute"] = "3",
            ["RateLimiting:LoginPerMinute"] = "4",
            ["ForwardedHeaders:KnownProxies"] = trustedProxy ?? "",
        });

    /// <summary>Every request arrives from this address (the test server has none, and would trust any header then).</summary>
    private sealed class FromAddress(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static async Task<List<HttpStatusCode>> SixSignInsFromDifferentForwardedAddressesAsync(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await CrmWebApplicationFactory.PostLoginAsync(client, "nobody", "Wrong#Guess1")).StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Search_is_limited_per_signed_in_user_not_per_address()
    {
        await using var factory = await LimitedAsync();
        var officer = await factory.SignInAsync("officer");
        var head = await factory.SignInAsync("head");
        for (var i = 0; i < 3; i++)
            (await officer.GetAsync("/api/v1/companies/search?q=华为")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await officer.GetAsync("/api/v1/companies/search?q=华为");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // The same address, another user: a budget of their own.
        (await head.GetAsync("/api/v1/companies/search?q=华为")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_untrusted_X_Forwarded_For_does_not_escape_the_sign_in_limit()
    {
        await using var factory = await LimitedAsync();
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromAddress("198.51.100.7"))));
        var statuses = await SixSignInsFromDifferentForwardedAddressesAsync(host);
        statuses.Take(4).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(4).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_client_address_has_its_own_sign_in_limit()
    {
        await using var factory = await LimitedAsync(trustedProxy: "198.51.100.7");
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromAddress("198.51.100.7"))));
        (await SixSignInsFromDifferentForwardedAddressesAsync(host)).ShouldAllBe(s => s == HttpStatusCode.OK);
    }
}
