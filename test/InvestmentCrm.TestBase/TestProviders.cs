using System.Reflection;
using InvestmentCrm.EntityFrameworkCore.Common;
using Xunit;
using Xunit.Sdk;

namespace InvestmentCrm.TestBase;

/// <summary>Where the PostgreSQL variants of the tests connect; CI sets it after starting the server.</summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "CRM_TEST_POSTGRES";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;
}

/// <summary>Runs a theory on SQLite: <c>[Theory, OnSqlite, OnPostgres]</c> with a <c>string provider</c> parameter.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProviders.Sqlite]];
}

/// <summary>Runs a theory on PostgreSQL when CRM_TEST_POSTGRES is set; shows as skipped otherwise (never a silent pass).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (TestEnvironment.PostgresConnectionString is null)
            Skip = $"PostgreSQL 变体未运行：未设置环境变量 {TestEnvironment.PostgresVariable}。";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProviders.PostgreSql]];
}

/// <summary>A fact that needs Debian's Chromium; skipped (and says so) where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
            Skip = $"浏览器测试未运行：未找到 {ChromiumPath}（apt-get install chromium）。";
    }
}

/// <summary>
/// A fact that runs command-line tools (npm, curl): skipped, and says so, where one is missing on a developer's machine;
/// under CI (CI=true, where .ci/run installs them) it always runs, so a missing tool fails instead of passing unseen.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(tool => !OnPath(tool)).ToList();
        if (missing.Count > 0 && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"未运行：本机没有 {string.Join("、", missing)}（CI 中由 .ci/run 安装）。";
    }

    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, tool)));
}
