using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AngleSharp.Html.Parser;
using InvestmentCrm.Companies;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Faults;

/// <summary>
/// Issue 16 (acceptance): a host process killed with SIGKILL in the middle of a burst of writes loses nothing it
/// acknowledged — every company answered 201 is there after the restart. PostgreSQL, bounded to a few seconds of writes.
/// </summary>
public class HostKillTests
{
    private sealed class Host(Process process, int port) : IAsyncDisposable
    {
        public Uri Address { get; } = new($"http://127.0.0.1:{port}");

        public static async Task<Host> StartAsync(TestDatabase database, int port, string folder)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InvestmentCrm.Web.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["Database__Provider"] = database.Provider;
            start.Environment["Database__ConnectionString"] = database.ConnectionString;
            start.Environment["Database__MigrateOnStartup"] = "false";
            start.Environment["Database__SeedDemoData"] = "false";
            start.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
            start.Environment["RateLimiting__LoginPerMinute"] = "100";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var host = new Host(process, port);
            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    if ((await probe.GetAsync(new Uri(host.Address, "/health"))).StatusCode == HttpStatusCode.OK)
                        return host;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(250);
            }
            await host.DisposeAsync();
            throw new InvalidOperationException("测试主机未能在 60 秒内启动。");
        }

        public async Task<HttpClient> SignInAsync(string userName)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
            var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/login"));
            var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["_handler"] = "login", ["Input.UserName"] = userName, ["Input.Password"] = InvestmentCrm.EntityFrameworkCore.Seeding.DemoDataSeeder.DemoPassword,
            }));
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            await CrmWebApplicationFactory.AddApiAntiforgeryAsync(client);
            return client;
        }

        /// <summary>SIGKILL: no shutdown, no flushing — as a crashed machine.</summary>
        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        public ValueTask DisposeAsync()
        {
            if (!process.HasExited)
                Kill();
            process.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Theory, OnPostgres]
    public async Task Every_acknowledged_write_survives_a_kill_9_of_the_host(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var folder = Directory.CreateTempSubdirectory("crm-kill-").FullName;
        var port = FreePort();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using (var host = await Host.StartAsync(database, port, folder))
        {
            var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.SignInAsync("head")));
            using var stop = new CancellationTokenSource();
            var writers = clients.Select((client, worker) => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var name = $"断电测试企业{worker}-{i}有限公司";
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/v1/companies",
                            new { name, nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true });
                        if (response.StatusCode == HttpStatusCode.Created)
                            acknowledged.Add(name);
                    }
                    catch (HttpRequestException) { return; }
                    catch (TaskCanceledException) { return; }
                }
            })).ToList();

            // Kill in the middle of the burst, once a good number of writes were acknowledged.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (acknowledged.Count < 40 && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            host.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(40);

        // After the restart every acknowledged company is there, and the host serves.
        await using var restarted = await Host.StartAsync(database, FreePort(), folder);
        var head = await restarted.SignInAsync("head");
        (await head.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = database.CreateContext();
        var names = acknowledged.ToList();
        var present = await db.Unscoped.Companies.Where(c => names.Contains(c.Name)).Select(c => c.Name).ToListAsync();
        names.Except(present).ShouldBeEmpty();
    }
}
