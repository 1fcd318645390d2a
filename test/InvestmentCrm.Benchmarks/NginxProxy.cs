using System.Diagnostics;
using System.Text.RegularExpressions;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Benchmarks;

/// <summary>
/// nginx (Debian's) in front of the load run's nodes, with the site of etc/nginx/investment-crm.conf as deployed — its
/// upstream (least_conn, keepalive), proxy headers, sign-in zone and /health — changed only where a loopback run must:
/// plain HTTP on a free loopback port instead of TLS on 443 (no certificate here), the nodes' ports, and the shared sign-in
/// limit raised as the hosts' own are (fifty clients sign in from one address).
/// </summary>
public sealed partial class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    public int Port { get; }

    private NginxProxy(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public static NginxProxy Start(IReadOnlyList<int> nodePorts)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("--nodes 2 needs nginx (apt-get install nginx).");
        var port = LoadCases.FreePort();
        var folder = Path.Combine(Path.GetTempPath(), $"crm-load-nginx-{port}");
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(config, $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{Site(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "etc", "nginx", "investment-crm.conf")), port, nodePorts)}}
            }
            """);
        var process = Process.Start(new ProcessStartInfo(nginx, ["-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start");
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[nginx] {line}"); };
        process.BeginErrorReadLine();
        return new NginxProxy(process, folder, port);
    }

    /// <summary>The deployed site, for loopback: see the class summary for each change.</summary>
    internal static string Site(string deployed, int port, IReadOnlyList<int> nodePorts)
    {
        var site = RedirectServer().Replace(deployed, "");
        site = site.Replace("listen 443 ssl;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        site = TlsLine().Replace(site, "");
        site = site.Replace("rate=10r/m", "rate=100000r/m", StringComparison.Ordinal);
        site = site.Replace("127.0.0.1:5081", $"127.0.0.1:{nodePorts[0]}", StringComparison.Ordinal)
                   .Replace("127.0.0.1:5082", $"127.0.0.1:{nodePorts[1]}", StringComparison.Ordinal);
        if (!site.Contains($"listen 127.0.0.1:{port};", StringComparison.Ordinal) || !site.Contains($"127.0.0.1:{nodePorts[1]}", StringComparison.Ordinal))
            throw new InvalidOperationException("etc/nginx/investment-crm.conf changed shape: its listen or upstream lines were not found.");
        return site;
    }

    [GeneratedRegex(@"server\s*\{\s*listen 80;[^}]*\}", RegexOptions.Singleline)]
    private static partial Regex RedirectServer();

    [GeneratedRegex(@"^\s*(http2 on|ssl_certificate|ssl_certificate_key|add_header Strict-Transport-Security)\b.*$\n?", RegexOptions.Multiline)]
    private static partial Regex TlsLine();

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
