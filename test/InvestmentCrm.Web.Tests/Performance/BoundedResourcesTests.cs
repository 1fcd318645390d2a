using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvestmentCrm.Web.Tests.Performance;

/// <summary>Issue 21: lists that do not grow with their pages, a bounded connection pool, compressed and cached responses, and a cockpit that holds under many requests.</summary>
public class BoundedResourcesTests
{
    [Fact]
    public async Task The_pager_is_the_same_size_for_ten_pages_and_for_ten_thousand()
    {
        await using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        Task<string> RenderAsync(int total, int page) => renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<Pager>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(Pager.Page)] = page, [nameof(Pager.PageSize)] = 20, [nameof(Pager.Total)] = total,
                [nameof(Pager.Href)] = (Func<int, string>)(p => $"projects?page={p}"),
            }))).ToHtmlString());

        var ten = await RenderAsync(200, 5);
        var tenThousand = await RenderAsync(200_000, 5_000);
        Math.Abs(tenThousand.Length - ten.Length).ShouldBeLessThan(200, "only the numbers are longer");
        var links = new HtmlParser().ParseDocument(tenThousand).QuerySelectorAll("a.page-link").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe(["projects?page=1", "projects?page=4999", "projects?page=4998", "projects?page=4999", "projects?page=5001", "projects?page=5002",
            "projects?page=5001", "projects?page=10000"]);
        // The window stays inside the pages at either end, and a page beyond the last shows none.
        new HtmlParser().ParseDocument(await RenderAsync(200_000, 1)).QuerySelectorAll("a.page-link").Select(a => a.TextContent)
            .ShouldBe(["2", "3", "4", "5", "下一页", "»"]);
        new HtmlParser().ParseDocument(await RenderAsync(40, 9)).QuerySelectorAll("a.page-link").Select(a => a.TextContent).ShouldBe(["«", "上一页"]);
    }

    [Fact]
    public void A_postgresql_node_bounds_its_pool_and_prepares_its_statements_unless_the_connection_says_otherwise()
    {
        string Resolve(string connection, int? pool = null) => PersistenceServiceCollectionExtensions.ResolveConnectionString(new DatabaseOptions
        {
            Provider = DatabaseProviders.PostgreSql,
            ConnectionString = connection,
            MaxPoolSize = pool ?? DatabaseOptions.DefaultMaxPoolSize,
        }, Path.GetTempPath());

        var bounded = new Npgsql.NpgsqlConnectionStringBuilder(Resolve("Host=db;Database=crm;Username=crm"));
        (bounded.MaxPoolSize, bounded.MaxAutoPrepare, bounded.NoResetOnClose, bounded.GssEncryptionMode).ShouldBe((30, 50, true, Npgsql.GssEncryptionMode.Disable));
        new Npgsql.NpgsqlConnectionStringBuilder(Resolve("Host=db;Database=crm;Username=crm", pool: 12)).MaxPoolSize.ShouldBe(12);
        new Npgsql.NpgsqlConnectionStringBuilder(Resolve("Host=db;Database=crm;Username=crm;Maximum Pool Size=80;Max Auto Prepare=0;No Reset On Close=false;GSS Encryption Mode=Prefer"))
            .ShouldSatisfyAllConditions(b => b.MaxPoolSize.ShouldBe(80), b => b.MaxAutoPrepare.ShouldBe(0), b => b.NoResetOnClose.ShouldBeFalse(),
                b => b.GssEncryptionMode.ShouldBe(Npgsql.GssEncryptionMode.Prefer));
        Should.Throw<InvalidConfigurationException>(() => Resolve("Host=db", pool: 0)).Message.ShouldContain("Database:MaxPoolSize");
    }

    [Fact]
    public void A_postgresql_node_sets_its_work_mem_at_connection_start_unless_the_connection_says_otherwise()
    {
        string Resolve(string connection, string? workMem = null) => PersistenceServiceCollectionExtensions.ResolveConnectionString(new DatabaseOptions
        {
            Provider = DatabaseProviders.PostgreSql,
            ConnectionString = connection,
            WorkMem = workMem ?? new DatabaseOptions().WorkMem,
        }, Path.GetTempPath());

        new Npgsql.NpgsqlConnectionStringBuilder(Resolve("Host=db;Database=crm")).Options.ShouldBe("-c work_mem=16MB");
        new Npgsql.NpgsqlConnectionStringBuilder(Resolve("Host=db;Database=crm;Options=-c statement_timeout=30000", "64MB")).Options
            .ShouldBe("-c statement_timeout=30000 -c work_mem=64MB");
        new Npgsql.NpgsqlConnectionStringBuilder(Resolve("Host=db;Database=crm;Options=-c work_mem=4MB")).Options.ShouldBe("-c work_mem=4MB");
        Should.Throw<InvalidConfigurationException>(() => Resolve("Host=db", "16 MB")).Message.ShouldContain("Database:WorkMem");
        Should.Throw<InvalidConfigurationException>(() => Resolve("Host=db", "16MB -c fsync=off")).Message.ShouldContain("Database:WorkMem");
    }

    [Theory, OnPostgres]
    public async Task A_postgresql_node_connection_runs_with_the_configured_work_mem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        await using var db = database.CreateNodeContext();

        (await db.Database.SqlQueryRaw<string>("""SELECT current_setting('work_mem') AS "Value" """).SingleAsync()).ShouldBe("16MB");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Pages_and_json_are_compressed_and_static_assets_fingerprinted_and_cached_immutable(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var leader = await factory.SignInAsync("leader");
        foreach (var url in new[] { "/projects", "/api/v1/projects" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            var response = await leader.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentEncoding.ShouldBe(["gzip"], url);
        }

        // Static assets: the page links them by fingerprint and they are served, to anyone (the sign-in page needs its
        // stylesheet), compressed or not as the browser accepts.
        var page = await leader.GetStringAsync("/projects");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(page, "href=\"(lib/app/site\\.([a-z0-9]+)\\.css)\"");
        stylesheet.Success.ShouldBeTrue("the page links site.css by its fingerprint");
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var accept in new[] { "", "gzip, br" })
        {
            using var assetRequest = new HttpRequestMessage(HttpMethod.Get, "/" + stylesheet.Groups[1].Value);
            if (accept != "")
                assetRequest.Headers.AcceptEncoding.ParseAdd(accept);
            var asset = await anonymous.SendAsync(assetRequest);
            asset.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await asset.Content.ReadAsStreamAsync();
            var text = await new StreamReader(asset.Content.Headers.ContentEncoding.Contains("gzip")
                ? new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress) : body).ReadToEndAsync();
            text.ShouldStartWith("/* InvestmentCrm", customMessage: accept);
        }

        // The fingerprinted address is cached a year as immutable. The host under test runs on the build's manifest, where
        // ASP.NET Core revalidates every asset (no-cache, for edits during development); the published manifest keeps the
        // build's headers, which are these (docs/architecture.md, "Resources of a node").
        using var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "InvestmentCrm.Web.staticwebassets.endpoints.json")));
        var fingerprinted = manifest.RootElement.GetProperty("Endpoints").EnumerateArray()
            .Where(e => e.GetProperty("Route").GetString() == stylesheet.Groups[1].Value).ToList();
        fingerprinted.ShouldNotBeEmpty();
        fingerprinted.ShouldAllBe(e => e.GetProperty("ResponseHeaders").EnumerateArray()
            .Any(h => h.GetProperty("Name").GetString() == "Cache-Control" && h.GetProperty("Value").GetString() == "max-age=31536000, immutable"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_cockpit_answers_every_one_of_500_requests_from_25_clients_at_once(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        // Four sessions (sign-in is limited per address), shared by 25 workers at once.
        var sessions = new[] { await factory.SignInAsync("leader"), await factory.SignInAsync("head"), await factory.SignInAsync("leader"), await factory.SignInAsync("head") };
        var statuses = await Task.WhenAll(Enumerable.Range(0, 25).Select(worker => sessions[worker % sessions.Length]).Select(async client =>
        {
            var mine = new List<HttpStatusCode>();
            for (var i = 0; i < 20; i++)
                mine.Add((await client.GetAsync(i % 4 == 0 ? "/cockpit?year=2025" : "/cockpit")).StatusCode);
            return mine;
        }));
        statuses.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<HttpStatusCode, int> { [HttpStatusCode.OK] = 500 });
    }

    /// <summary>
    /// A list page renders what it shows: the first page of 20 matching projects and of 10,000 (500 pages) differ only in
    /// the pager and the count — not by a link per page (414 KB of a 427 KB page before the compact pager).
    /// </summary>
    [Fact]
    public async Task A_list_page_is_the_same_size_for_one_page_of_matches_and_for_five_hundred()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var leader = await factory.SignInAsync("leader");
        await using (var db = factory.Database.CreateContext())
        {
            var bureau = db.Departments.Single(d => d.Code == "NG-SWJ").Id;
            var now = factory.Clock.Now.UtcDateTime;
            for (var start = 0; start < 10_000; start += 2_500)
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var i in Enumerable.Range(start, 2_500))
                    db.Projects.Add(new InvestmentCrm.Projects.Project($"乙组规模测试{i:D5}", InvestmentCrm.Projects.ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 5), null, now) { LeadDepartmentId = bureau });
                if (start == 0)
                    foreach (var i in Enumerable.Range(0, 20))
                        db.Projects.Add(new InvestmentCrm.Projects.Project($"甲组规模测试{i:D5}", InvestmentCrm.Projects.ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 5), null, now) { LeadDepartmentId = bureau });
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        var onePage = await leader.GetStringAsync("/projects?search=" + Uri.EscapeDataString("甲组规模测试"));
        var fiveHundredPages = await leader.GetStringAsync("/projects?search=" + Uri.EscapeDataString("乙组规模测试"));
        var parser = new HtmlParser();
        parser.ParseDocument(onePage).QuerySelectorAll("[data-testid=project-table] tbody tr").Length.ShouldBe(20);
        parser.ParseDocument(fiveHundredPages).QuerySelectorAll("[data-testid=project-table] tbody tr").Length.ShouldBe(20);
        fiveHundredPages.ShouldContain("page=500", customMessage: "the last page is one link away");
        (fiveHundredPages.Length - onePage.Length).ShouldBeLessThan(2_000, "only the pager and the count differ");
    }

    /// <summary>
    /// The host runs the workstation collector and compiles each method once, without tiers (docs/architecture.md, "Memory"): the
    /// settings travel in its runtimeconfig.
    /// </summary>
    [Fact]
    public void The_host_runs_the_workstation_garbage_collector_and_compiles_each_method_once()
    {
        var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "InvestmentCrm.Web.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeFalse();
        properties.GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
        properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_users_page_pages_through_the_users()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        int users;
        await using (var db = factory.Database.CreateContext())
        {
            var department = db.Departments.Single(d => d.Code == "NG-SWJ").Id;
            foreach (var i in Enumerable.Range(0, 60))
                db.Users.Add(new InvestmentCrm.Organization.AppUser { UserName = $"zz-staff-{i:D2}", NormalizedUserName = $"ZZ-STAFF-{i:D2}", DisplayName = $"职员{i:D2}", DepartmentId = department });
            await db.SaveChangesAsync();
            users = db.Users.Count();
        }
        var admin = await factory.SignInAsync("sysadmin");
        var parser = new HtmlParser();
        var first = parser.ParseDocument(await admin.GetStringAsync("/admin/users"));
        first.QuerySelectorAll("[data-testid=user-table] tbody tr").Length.ShouldBe(50);
        first.QuerySelectorAll("a.page-link").Select(a => a.GetAttribute("href")).ShouldContain("admin/users?page=2");
        var second = parser.ParseDocument(await admin.GetStringAsync("/admin/users?page=2"));
        second.QuerySelectorAll("[data-testid=user-table] tbody tr").Length.ShouldBe(users - 50);
        second.QuerySelector("[data-testid=user-table] tbody tr:last-child")!.TextContent.ShouldContain("zz-staff-59");
    }
}
