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
            // The slim builder leaves out what a node never uses — the IIS integration and HTTP/3 (QUIC) — ~1.5 MB of mapped
            // assemblies resident for nothing (docs/architecture.md, "Memory"); HTTPS endpoints from configuration stay possible.
            var builder = WebApplication.CreateSlimBuilder(configArgs);
            builder.WebHost.UseKestrelHttpsConfiguration();
            // Maintenance verbs that delete or replace rows run as the owner role where one is configured (PostgreSQL).
            if (verb is "purge-audit" or "backup" or "restore" && builder.Configuration["Database:MigrationConnectionString"] is { Length: > 0 } owner)
                builder.Configuration["Database:ConnectionString"] = owner;
            builder.AddCrm();
            var app = builder.Build();
            return verb switch
            {
                "migrate" => await MigrateAsync(app, script: options.Contains("--script")),
                "seed" => await SeedAsync(app),
                "create-admin" => await CreateAdminAsync(app, options),
                "purge-audit" => await PurgeAuditAsync(app, options),
                "verify-audit" => await VerifyAuditAsync(app),
                "backup" => await BackupAsync(app, options, restore: false),
                "restore" => await BackupAsync(app, options, restore: true),
                null => await ServeAsync(app),
                _ => Fail($"未知命令“{verb}”。可用命令：migrate、migrate --script、seed、create-admin <用户名> [--name 姓名]、purge-audit [--days 天数]、verify-audit、backup <文件>、restore <文件>；不带命令则启动网站。"),
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

        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (options.MigrateOnStartup)
        {
            var applied = await migrator.MigrateAsync(ct);
            if (applied.Count > 0)
                logger.LogInformation("已应用数据库迁移：{Migrations}", string.Join(", ", applied));
        }
        // The roles of docs/security.md exist in every installation, with their default permissions.
        if (await migrator.IsUpToDateAsync(ct))
        {
            if (!options.MigrateOnStartup)
                await migrator.FillDerivedDataAsync(ct);
            await scope.ServiceProvider.GetRequiredService<SystemRolesSeeder>().EnsureAsync(ct);
        }
        else
            logger.LogWarning("数据库有未应用的迁移，请先运行 migrate 命令。");

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

    /// <summary>
    /// The first argument, when it is not an option or a setting, is the verb. After it, arguments of the form
    /// key=value are configuration; the others belong to the verb.
    /// </summary>
    internal static (string? Verb, List<string> Options, string[] ConfigArgs) ParseVerb(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
            return (null, [], args);
        var rest = args.Skip(1).ToList();
        return (args[0], rest.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList(), rest.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray());
    }

    /// <summary>purge-audit: deletes audit and login log rows older than the retention period (default and minimum 180 days); run daily by a timer.</summary>
    private static async Task<int> PurgeAuditAsync(WebApplication app, List<string> options)
    {
        var index = options.IndexOf("--days");
        var days = index >= 0 && index + 1 < options.Count && int.TryParse(options[index + 1], out var d)
            ? d
            : app.Configuration.GetValue("Audit:RetentionDays", InvestmentCrm.Auditing.AuditLogAppService.MinimumRetentionDays);
        using var scope = app.Services.CreateScope();
        try
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<InvestmentCrm.Auditing.AuditLogAppService>().PurgeAsync(days);
            await Console.Out.WriteLineAsync($"已清理保留期（{days} 天）之前的审计与登录日志 {deleted} 条；清理本身已记入登录日志。");
            return 0;
        }
        catch (InvestmentCrm.Common.DomainException ex)
        {
            return Fail(ex.Message);
        }
    }

    /// <summary>
    /// backup &lt;file&gt; writes a consistent copy of the database (SQLite's online backup, or pg_dump); restore &lt;file&gt;
    /// replaces the database with one (stop the site first). Both run as the owner role where one is configured.
    /// </summary>
    private static async Task<int> BackupAsync(WebApplication app, List<string> options, bool restore)
    {
        var file = options.FirstOrDefault(o => !o.StartsWith("--", StringComparison.Ordinal));
        if (file is null)
            return Fail(restore ? "用法：restore <备份文件>（会覆盖当前数据库，请先停止网站）" : "用法：backup <备份文件>");
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var connectionString = PersistenceServiceCollectionExtensions.ResolveConnectionString(database, app.Environment.ContentRootPath);
        if (restore)
        {
            await DatabaseBackup.RestoreAsync(database.Provider, connectionString, file);
            await Console.Out.WriteLineAsync($"已从“{file}”恢复数据库。");
        }
        else
        {
            await DatabaseBackup.BackupAsync(database.Provider, connectionString, file);
            await Console.Out.WriteLineAsync($"已备份数据库到“{file}”（{new FileInfo(file).Length / 1024.0:0.#} KB）。");
        }
        return 0;
    }

    /// <summary>
    /// verify-audit: walks the hash chains of the audit and login logs (SQLite) and reports the first broken row, or each
    /// chain's head for the operations log. Exit code 2 when a chain is broken. PostgreSQL protects the logs by role instead.
    /// </summary>
    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        if (!db.Database.IsSqlite())
        {
            await Console.Out.WriteLineAsync("PostgreSQL：审计表由独立的属主角色持有，应用角色只能读取和追加（见 etc/postgresql/init.sql），不使用哈希链。");
            return 0;
        }
        var broken = false;
        foreach (var report in await InvestmentCrm.EntityFrameworkCore.Auditing.AuditChainVerifier.VerifyAsync(db))
        {
            broken |= report.Problem is not null;
            await Console.Out.WriteLineAsync(report.Problem is { } problem
                ? $"{report.Log}：哈希链断裂，首处问题：{problem}。"
                : $"{report.Log}：{report.Rows} 条，哈希链完整。链头：第 {report.HeadIndex} 条 {report.HeadHash}（请记入运维记录，以便日后比对）。");
        }
        return broken ? 2 : 0;
    }

    /// <summary>
    /// create-admin: the first system administrator (no built-in account has a known password). Prints a random
    /// password once; it must be changed at the first login.
    /// </summary>
    private static async Task<int> CreateAdminAsync(WebApplication app, List<string> options)
    {
        var userName = options.FirstOrDefault(o => !o.StartsWith("--", StringComparison.Ordinal));
        if (userName is null)
            return Fail("用法：create-admin <用户名> [--name 姓名]");
        var nameIndex = options.IndexOf("--name");
        var displayName = nameIndex >= 0 && nameIndex + 1 < options.Count ? options[nameIndex + 1] : "系统管理员";

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<SystemRolesSeeder>().EnsureAsync();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var root = await db.Departments.FirstOrDefaultAsync(d => d.ParentId == null);
        if (root is null)
        {
            root = new InvestmentCrm.Organization.Department("ROOT", "区人民政府", InvestmentCrm.Organization.DepartmentKind.District);
            db.Departments.Add(root);
            await db.SaveChangesAsync();
        }
        var admin = scope.ServiceProvider.GetRequiredService<InvestmentCrm.Organization.OrganizationAdminAppService>();
        try
        {
            var password = (await admin.CreateUserAsync(new InvestmentCrm.Organization.UserInput(userName, displayName, root.Id, "系统管理员", [InvestmentCrm.Organization.Roles.SystemAdmin]))).InitialPassword;
            await Console.Out.WriteLineAsync($"已创建系统管理员“{userName}”。初始密码（只显示这一次，首次登录必须修改）：{password}");
            return 0;
        }
        catch (InvestmentCrm.Common.DomainException ex)
        {
            return Fail($"未能创建管理员：{ex.Message}");
        }
    }

    private static bool IsDatabaseUnavailable(Exception ex) => DatabaseFaults.IsDatabaseFault(ex) || Innermost(ex) is DbException;

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
