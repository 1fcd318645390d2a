using System.Data.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.EntityFrameworkCore.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Hosting;

/// <summary>Builds the host, runs a CLI verb or the web app, and turns bad configuration into one clear line.</summary>
public static class CrmHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (verb, options, configArgs) = ParseVerb(args);
        try
        {
            var builder = WebApplication.CreateBuilder(configArgs);
            builder.AddCrm();
            var app = builder.Build();
            return verb switch
            {
                "migrate" => await MigrateAsync(app, script: options.Contains("--script")),
                "seed" => await SeedAsync(app),
                null => await ServeAsync(app),
                _ => Fail($"未知命令“{verb}”。可用命令：migrate、migrate --script、seed；不带命令则启动网站。"),
            };
        }
        catch (InvalidConfigurationException ex)
        {
            return Fail(ex.Message);
        }
        catch (Exception ex) when (IsDatabaseUnavailable(ex))
        {
            return Fail($"无法连接数据库：{Innermost(ex).Message}。请检查 Database:Provider 与 Database:ConnectionString 配置，以及数据库服务是否已启动。");
        }
    }

    /// <summary>Prepares the database the way the configuration asks; used by the web start and by tests.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("InvestmentCrm.Startup");

        // Fail fast with one clear message instead of on the first request (the raw connection, so EF logs nothing extra).
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await connection.CloseAsync();

        if (options.MigrateOnStartup)
        {
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            if (applied.Count > 0)
                logger.LogInformation("已应用数据库迁移：{Migrations}", string.Join(", ", applied));
        }

        if (options.SeedDemoData && await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct))
            logger.LogInformation("已写入演示数据（南关区组织机构、演示用户、项目与 2012 年指标）。演示密码：{Password}", DemoDataSeeder.DemoPassword);
    }

    private static async Task<int> ServeAsync(WebApplication app)
    {
        app.UseCrm();
        await PrepareDatabaseAsync(app.Services);
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(WebApplication app, bool script)
    {
        using var scope = app.Services.CreateScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (script)
        {
            await Console.Out.WriteLineAsync(migrator.Script());
            return 0;
        }
        var applied = await migrator.MigrateAsync();
        await Console.Out.WriteLineAsync(applied.Count == 0 ? "数据库已是最新，无需迁移。" : $"已应用 {applied.Count} 个迁移：{string.Join(", ", applied)}");
        return 0;
    }

    private static async Task<int> SeedAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        await Console.Out.WriteLineAsync(seeded
            ? $"已写入演示数据。演示账号见登录页，密码：{DemoDataSeeder.DemoPassword}"
            : "数据库中已有数据，未写入演示数据。");
        return 0;
    }

    /// <summary>The first argument that is not an option is the verb; options of the verb follow it; the rest is configuration.</summary>
    internal static (string? Verb, HashSet<string> Options, string[] ConfigArgs) ParseVerb(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
            return (null, [], args);
        var verbOptions = args.Skip(1).TakeWhile(a => a is "--script").ToHashSet();
        return (args[0], verbOptions, args.Skip(1 + verbOptions.Count).ToArray());
    }

    private static bool IsDatabaseUnavailable(Exception ex) =>
        Innermost(ex) is DbException or System.Net.Sockets.SocketException or TimeoutException
        || ex is DbException;

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
