using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using InvestmentCrm.EntityFrameworkCore.Seeding;
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
        ("officer", [("list page", "/projects"), ("list page", "/funds"), ("page", "/"), ("search", "/companies?q=医疗器械"), ("API read", "/api/v1/projects")]),
        ("head", [("figure page", "/figures/department"), ("figure page", "/figures/mine"), ("list page", "/issues"), ("API read", "/api/v1/projects?page=2")]),
        ("leader", [("figure page", "/cockpit"), ("figure page", "/project-pool"), ("list page", "/contracts"), ("page", "/my-projects")]),
        ("assessor", [("figure page", "/appraisal"), ("page", "/")]),
    ];

    public static async Task<(IReadOnlyList<Result> Results, double Seconds, long PeakRssBytes, Result Baseline)> RunAsync(
        string provider, string connectionString, int clients, TimeSpan duration)
    {
        var port = FreePort();
        using var host = StartHost(provider, connectionString, port);
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        await WaitForHealthAsync(baseAddress);

        // The baseline: /health on the same host, by the same number of clients.
        var baseline = (await DriveAsync(baseAddress, clients, TimeSpan.FromSeconds(Math.Min(10, duration.TotalSeconds)), signIn: false)).Results
            .Single(r => r.Kind == "all");
        var (results, seconds) = await DriveAsync(baseAddress, clients, duration, signIn: true);
        var peak = PeakRss(host.Id);
        host.Kill(entireProcessTree: true);
        return (results, seconds, peak, baseline with { Kind = "baseline: /health" });
    }

    private static async Task<(IReadOnlyList<Result> Results, double Seconds)> DriveAsync(Uri baseAddress, int clients, TimeSpan duration, bool signIn)
    {
        var samples = new ConcurrentBag<(string Kind, double Ms, bool Ok)>();
        var sessions = new List<(HttpClient Client, (string Kind, string Url)[] Requests)>();
        for (var i = 0; i < clients; i++)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.All };
            var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var (role, requests) = Roles[i % Roles.Length];
            if (signIn)
            {
                var response = await CrmWebApplicationFactory.PostLoginAsync(client, role, DemoDataSeeder.DemoPassword);
                if (response.StatusCode != HttpStatusCode.Redirect)
                    throw new InvalidOperationException($"登录 {role} 失败：HTTP {(int)response.StatusCode}");
            }
            sessions.Add((client, signIn ? requests : [("baseline", "/health")]));
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async (session, index) =>
        {
            var next = index;
            while (clock.Elapsed < duration)
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
                samples.Add((kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok));
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var (client, _) in sessions)
            client.Dispose();
        return ([.. samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summarise(g.Key, [.. g]))
            .Append(Summarise("all", [.. samples]))], seconds);
    }

    private static Result Summarise(string kind, (string Kind, double Ms, bool Ok)[] samples)
    {
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Result(kind, samples.Length, samples.Count(s => !s.Ok), At(0.50), At(0.95), At(0.99));
    }

    /// <summary>The Release build of the web host, as deployed (etc/systemd), on the given database; no demo seeding, no migration.</summary>
    private static Process StartHost(string provider, string connectionString, int port)
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
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Database__MigrateOnStartup"] = "false";
        start.Environment["Database__SeedDemoData"] = "false";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(Path.GetTempPath(), $"crm-load-keys-{port}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The clients sign in from one address and share four accounts, where an office has many of each: the per-address
        // sign-in and per-user search limits are raised for the run (the report says so).
        start.Environment["RateLimiting__LoginPerMinute"] = "10000";
        start.Environment["RateLimiting__SearchPerMinute"] = "100000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[host] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

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

    /// <summary>The host process's peak resident set (VmHWM), in bytes.</summary>
    private static long PeakRss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
