using System.Text.Json;
using System.Net.Http.Json;
using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InvestmentCrm.TestBase;

/// <summary>The real host over a test database (already migrated/seeded), with a fixed clock.</summary>
public sealed class CrmWebApplicationFactory(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public TestClock Clock { get; } = new();

    public TestDatabase Database => database;

    /// <summary>Leave <c>Database:SeedDemoData</c> to the environment's settings files (as an installation would).</summary>
    public bool SeedByEnvironment { get; init; }

    /// <summary>The hosting environment; "Testing" unless a test needs production behaviour (e.g. __Host- cookies).</summary>
    public string Environment { get; init; } = "Testing";

    public static async Task<CrmWebApplicationFactory> CreateAsync(string provider, TestDatabaseContent content = TestDatabaseContent.DemoData) =>
        new(await TestDatabase.CreateAsync(provider, content));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        if (!SeedByEnvironment)
            builder.UseSetting("Database:SeedDemoData", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A client signed in through the real login form (antiforgery token included).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoDataSeeder.DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"登录 {userName} 失败：HTTP {(int)response.StatusCode}");
        await AddApiAntiforgeryAsync(client);
        return client;
    }

    /// <summary>Serves the host on Kestrel at a free loopback port (for a browser, curl or a second node) and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The request header that carries the antiforgery token on API writes made with the cookie (docs/api.md).</summary>
    public const string AntiforgeryHeader = InvestmentCrm.Web.Account.ApiTokenAuthentication.AntiforgeryHeader;

    /// <summary>
    /// As a person's script calling the API with the cookie: API writes carry the antiforgery token in a header
    /// (not while the password must first be changed: the API answers 403 until then).
    /// </summary>
    public static async Task AddApiAntiforgeryAsync(HttpClient client)
    {
        var answer = await client.GetAsync("/api/v1/account/antiforgery-token");
        if (!answer.IsSuccessStatusCode)
            return;
        var antiforgery = await answer.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
    }

    /// <summary>Fills in and posts the login form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/login"));
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
