using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.EntityFrameworkCore.Seeding;
using Microsoft.EntityFrameworkCore;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Benchmarks;

/// <summary>
/// The HTTP load case (issue 21): the published host runs as its own process on a generated database, loopback only;
/// N signed-in clients, each as one of the demo's roles, request that role's pages and API reads for T seconds; the
/// report gives requests/s, p50/p95/p99 per kind of request, errors, and the host's peak RSS, against /health on the same
/// host as the in-run baseline.
/// </summary>
public static class LoadCases
{
    public sealed record Result(string Kind, int Requests, int Errors, double P50, double P95, double P99);

    /// <summary>What each role asks for (the pages and reads of a working day), by kind for the report.</summary>
    private static readonly (string Role, (string Kind, string Url)[] Requests)[] Roles =
    [
        ("officer", [("list page", "/projects"), ("list page", "/funds"), ("page", "/"), ("search", "/companies?q=医疗器械"), ("API read", "/api/v1/projects"), ("page", "/projects/{project}")]),
        ("head", [("figure page", "/figures/department"), ("figure page", "/figures/mine"), ("list page", "/issues"), ("API read", "/api/v1/projects?page=2")]),
        ("leader", [("figure page", "/cockpit"), ("figure page", "/project-pool"), ("list page", "/contracts"), ("page", "/my-projects")]),
        ("assessor", [("figure page", "/appraisal"), ("page", "/")]),
    ];

    /// <summary>The demo's district leader (who verifies the generated tranches) and its departments (which lead the generated projects).</summary>
    public static async Task<(Guid Leader, List<Guid> Departments)> DemoOrganisationAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var leader = await db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        var departments = await db.Departments.OrderBy(d => d.Code).Select(d => d.Id).ToListAsync();
        return (leader, departments);
    }

    /// <summary>How long after the load the idle resident set is read: past the host's quiet spell and its trim job's next run.</summary>
    public static readonly TimeSpan IdleWait = InvestmentCrm.Web.Hosting.NodeActivity.IdleAfter + TimeSpan.FromSeconds(20);

    /// <summary>One phase of the run: what the clients saw, how long it lasted, and each host's peak resident set during it.</summary>
    public sealed record Phase(IReadOnlyList<Result> Results, double Seconds, IReadOnlyList<long> PeakRssBytes);

    /// <summary>The whole run: each host's resident set when idle after start and after the load, and the three phases.</summary>
    public sealed record Run(IReadOnlyList<Resident> Idle, Phase Baseline, Phase Users, Phase ClosedLoop, IReadOnlyList<Resident> IdleAfter);

    /// <summary>The resident set and its parts: anonymous memory (heaps, the collector's and native) and mapped files (code).</summary>
    public sealed record Resident(long Bytes, long AnonymousBytes, long FileBytes, long SharedBytes);

    /// <summary>
    /// Starts the host (or two hosts on one PostgreSQL database behind nginx, as etc/nginx deploys them), signs the clients
    /// in and lets each open its pages once (a working morning's first look), then: the baseline (/health, closed loop,
    /// 10 s); the users (each request after the answer and a pause of <paramref name="think"/> ± half, as people read a page
    /// before the next); the same clients in a closed loop (the throughput). The resident sets are read idle after start
    /// and <see cref="IdleWait"/> after the load.
    /// </summary>
    public static async Task<Run> RunAsync(string provider, string connectionString, int clients, TimeSpan duration, TimeSpan think, int nodes = 1)
    {
        // Two nodes share the key ring (a cookie issued by one is read by the other), as etc/systemd's nodes do.
        var keys = Path.Combine(Path.GetTempPath(), $"crm-load-keys-{Guid.NewGuid():N}");
        var hosts = Enumerable.Range(0, nodes).Select(_ => FreePort()).Select(port => (Port: port, Process: StartHost(provider, connectionString, port, keys))).ToList();
        NginxProxy? proxy = null;
        try
        {
            foreach (var (port, _) in hosts)
                await WaitForHealthAsync(new Uri($"http://127.0.0.1:{port}"));
            if (nodes > 1)
                proxy = NginxProxy.Start([.. hosts.Select(h => h.Port)]);
            var baseAddress = new Uri($"http://127.0.0.1:{proxy?.Port ?? hosts[0].Port}");
            await WaitForHealthAsync(baseAddress);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var pids = hosts.Select(h => h.Process.Id).ToArray();
            var idle = pids.Select(ResidentOf).ToList();

            var sessions = await SignInAsync(baseAddress, clients);
            try
            {
                // The first look once per node (nginx spreads it): each node compiles its pages and fills its own figure cache.
                await DriveAsync(sessions, TimeSpan.Zero, TimeSpan.Zero, passes: nodes);
                var health = HealthSessions(baseAddress, clients);
                var baseline = await MeasureAsync(pids, () => DriveAsync(health, TimeSpan.FromSeconds(Math.Min(10, duration.TotalSeconds)), TimeSpan.Zero));
                foreach (var (client, _) in health)
                    client.Dispose();
                var users = await MeasureAsync(pids, () => DriveAsync(sessions, duration, think));
                var closedLoop = await MeasureAsync(pids, () => DriveAsync(sessions, duration, TimeSpan.Zero));
                await Task.Delay(IdleWait);
                return new Run(idle, baseline, users, closedLoop, [.. pids.Select(ResidentOf)]);
            }
            finally
            {
                foreach (var (client, _) in sessions)
                    client.Dispose();
            }
        }
        finally
        {
            proxy?.Dispose();
            foreach (var (_, process) in hosts)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }
    }

    /// <summary>Runs a phase with the hosts' peak resident sets reset before it (clear_refs 5), so each phase has its own peaks.</summary>
    private static async Task<Phase> MeasureAsync(int[] pids, Func<Task<(IReadOnlyList<Result> Results, double Seconds)>> phase)
    {
        foreach (var pid in pids)
            await File.WriteAllTextAsync($"/proc/{pid}/clear_refs", "5");
        var (results, seconds) = await phase();
        return new Phase(results, seconds, [.. pids.Select(pid => Rss(pid, "VmHWM:"))]);
    }

    private static async Task<List<(HttpClient Client, (string Kind, string Url)[] Requests)>> SignInAsync(Uri baseAddress, int clients)
    {
        var sessions = new List<(HttpClient Client, (string Kind, string Url)[] Requests)>();
        for (var i = 0; i < clients; i++)
        {
            var client = NewClient(baseAddress);
            var (role, requests) = Roles[i % Roles.Length];
            var response = await CrmWebApplicationFactory.PostLoginAsync(client, role, DemoDataSeeder.DemoPassword);
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"登录 {role} 失败：HTTP {(int)response.StatusCode}");
            if (requests.Any(r => r.Url.Contains("{project}", StringComparison.Ordinal)))
            {
                // A project of the client's own list: the first of the API's first page.
                using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/projects?pageSize=1"));
                var project = list.RootElement.GetProperty("items")[0].GetProperty("id").GetString();
                requests = [.. requests.Select(r => (r.Kind, r.Url.Replace("{project}", project, StringComparison.Ordinal)))];
            }
            sessions.Add((client, requests));
        }
        return sessions;
    }

    private static List<(HttpClient Client, (string Kind, string Url)[] Requests)> HealthSessions(Uri baseAddress, int clients) =>
        [.. Enumerable.Range(0, clients).Select(_ => (NewClient(baseAddress), new[] { ("baseline", "/health") }))];

    private static HttpClient NewClient(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.All })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// Each session requests its role's pages in turn until <paramref name="duration"/> is over (or for the given passes
    /// over its pages), pausing <paramref name="think"/> ± half after each answer; the clients start spread over one pause.
    /// </summary>
    private static async Task<(IReadOnlyList<Result> Results, double Seconds)> DriveAsync(
        List<(HttpClient Client, (string Kind, string Url)[] Requests)> sessions, TimeSpan duration, TimeSpan think, int passes = 0)
    {
        var samples = new ConcurrentBag<(string Kind, string Url, double Ms, bool Ok)>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async (session, index) =>
        {
            var random = new Random(index);
            if (think > TimeSpan.Zero)
                await Task.Delay(think * random.NextDouble());
            var next = index;
            for (var sent = 0; passes > 0 ? sent < passes * session.Requests.Length : clock.Elapsed < duration; sent++)
            {
                var (kind, url) = session.Requests[next++ % session.Requests.Length];
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    using var response = await session.Client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    ok = response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                catch (TaskCanceledException)
                {
                    ok = false;
                }
                samples.Add((kind, Template(url), Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok));
                if (think > TimeSpan.Zero)
                    await Task.Delay(think * (0.5 + random.NextDouble()));
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return ([.. samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summarise(g.Key, [.. g]))
            .Append(Summarise("all", [.. samples]))
            .Concat(samples.GroupBy(s => $"{s.Kind}: {s.Url}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summarise(g.Key, [.. g])))], seconds);
    }

    /// <summary>The address as the report names it: a project page is any project's.</summary>
    private static string Template(string url) =>
        System.Text.RegularExpressions.Regex.Replace(url, "/projects/[0-9a-f-]{36}", "/projects/{id}");

    private static Result Summarise(string kind, (string Kind, string Url, double Ms, bool Ok)[] samples)
    {
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Result(kind, samples.Length, samples.Count(s => !s.Ok), At(0.50), At(0.95), At(0.99));
    }

    /// <summary>The Release build of the web host, as deployed (etc/systemd), on the given database; no demo seeding, no migration.</summary>
    private static Process StartHost(string provider, string connectionString, int port, string keysFolder)
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "InvestmentCrm.Web", "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "InvestmentCrm.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Staging: production's error pages and settings, without its refusal of plain HTTP (nginx terminates TLS in production).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["Database__Provider"] = provider;
        // As deployed (TestDatabase.NodeConnectionString).
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Database__MigrateOnStartup"] = "false";
        start.Environment["Database__SeedDemoData"] = "false";
        start.Environment["DataProtection__KeysFolder"] = keysFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The clients sign in from one address and share four accounts, where an office has many of each: the per-address
        // sign-in and per-user search limits are raised for the run (the report says so).
        start.Environment["RateLimiting__LoginPerMinute"] = "10000";
        start.Environment["RateLimiting__SearchPerMinute"] = "100000";
        // The process settings of a deployed node (malloc, runtime knobs), as its unit file gives them.
        foreach (var (name, value) in DeployedProcessSettings())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[host] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The unit file's <c>Environment=MALLOC_…</c> and <c>Environment=DOTNET_…</c> lines (etc/systemd/investment-crm@.service).</summary>
    internal static IEnumerable<(string Name, string Value)> DeployedProcessSettings() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "etc", "systemd", "investment-crm@.service"))
            .Where(line => line.StartsWith("Environment=MALLOC_", StringComparison.Ordinal) || line.StartsWith("Environment=DOTNET_", StringComparison.Ordinal))
            .Select(line => line["Environment=".Length..].Split('=', 2))
            .Select(pair => (pair[0], pair[1]));

    private static async Task WaitForHealthAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("the host did not answer /health within a minute");
    }

    private static Resident ResidentOf(int pid) => new(Rss(pid, "VmRSS:"), Rss(pid, "RssAnon:"), Rss(pid, "RssFile:"), Rss(pid, "RssShmem:"));

    /// <summary>The host process's resident set (VmRSS) or its peak since the last reset (VmHWM), in bytes.</summary>
    private static long Rss(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
