using System.Diagnostics;
using System.Globalization;
using System.Text;
using InvestmentCrm.Benchmarks;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;

// End-to-end figures for docs/benchmarks, as ratios against a baseline measured in the same run.
//   dotnet run -c Release --project test/InvestmentCrm.Benchmarks [-- --projects 20000]
// PostgreSQL is measured too when CRM_TEST_POSTGRES is set.
var projects = args.SkipWhile(a => a != "--projects").Skip(1).Select(int.Parse).FirstOrDefault(20_000);
var providers = TestEnvironment.PostgresConnectionString is null
    ? new[] { DatabaseProviders.Sqlite }
    : new[] { DatabaseProviders.Sqlite, DatabaseProviders.PostgreSql };

var report = new StringBuilder();
report.AppendLine("# Benchmark: 工作台 summary").AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.")
    .AppendLine(CultureInfo.InvariantCulture, $"Data: {projects:N0} projects with stage transitions, contracts and {projects * 2:N0} funds tranches (generated).")
    .AppendLine()
    .AppendLine("The app's query (`WorkbenchAppService.GetSummaryAsync`: GROUP BY and filtered reads in the database) against")
    .AppendLine("a baseline in the same run that loads every project and tranche and computes the same figures in memory.")
    .AppendLine()
    .AppendLine("| provider | case | p50 ms | p95 ms | baseline p95 ÷ app p95 |")
    .AppendLine("|---|---|---:|---:|---:|");

foreach (var provider in providers)
{
    await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
    Console.WriteLine($"{provider}: generating {projects:N0} projects ...");
    await PipelineData.GenerateAsync(database, projects);

    var app = await Measure.RunAsync(() => WorkbenchCases.AppAsync(database));
    var baseline = await Measure.RunAsync(() => WorkbenchCases.BaselineAsync(database));
    report.AppendLine(CultureInfo.InvariantCulture, $"| {provider} | app summary | {app.P50:F1} | {app.P95:F1} | {baseline.P95 / app.P95:F1}× |")
          .AppendLine(CultureInfo.InvariantCulture, $"| {provider} | baseline (load all, compute in memory) | {baseline.P50:F1} | {baseline.P95:F1} | 1.0× |");
    Console.WriteLine($"{provider}: app p95 {app.P95:F1} ms, baseline p95 {baseline.P95:F1} ms");
}

var output = RepositoryPaths.Docs("benchmarks", "workbench.md");
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine($"written {output}");

namespace InvestmentCrm.Benchmarks
{
    internal static class Measure
    {
        /// <summary>Warm-up runs, then p50/p95 of wall time in milliseconds.</summary>
        public static async Task<(double P50, double P95)> RunAsync(Func<Task> action, int warmup = 3, int runs = 30)
        {
            for (var i = 0; i < warmup; i++)
                await action();
            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await action();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return (times[runs / 2], times[(int)Math.Ceiling(runs * 0.95) - 1]);
        }
    }

    internal static class RepositoryPaths
    {
        public static string Docs(params string[] parts)
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InvestmentCrm.sln")))
                folder = folder.Parent;
            var path = Path.Combine([folder?.FullName ?? ".", "docs", .. parts]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return path;
        }
    }
}
