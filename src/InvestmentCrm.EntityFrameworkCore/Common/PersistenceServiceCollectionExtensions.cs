using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Auditing;
using InvestmentCrm.EntityFrameworkCore.Companies;
using InvestmentCrm.EntityFrameworkCore.Figures;
using InvestmentCrm.EntityFrameworkCore.Organization;
using InvestmentCrm.EntityFrameworkCore.Projects;
using InvestmentCrm.EntityFrameworkCore.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Common;

public static partial class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the DbContext on the configured provider and the migrator, then each module's persistence.</summary>
    public static IServiceCollection AddCrmPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, contentRoot);
        services.AddSingleton(options);
        services.AddDbContext<CrmDbContext>((sp, builder) =>
            Configure(builder, options.Provider, connectionString).AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.AddScoped<ICrmDbContext>(sp => sp.GetRequiredService<CrmDbContext>());
        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton(new IdleConnections(options.Provider, connectionString));
        return services.AddPersistenceModules(configuration, Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder)));
    }

    /// <summary>The modules' persistence, each registered by itself; the order of their save-time work is this order.</summary>
    private static IServiceCollection AddPersistenceModules(this IServiceCollection services, IConfiguration configuration, string dataFolder) =>
        services
            .AddAuditingPersistence()
            .AddOrganizationPersistence()
            .AddCompaniesPersistence()
            .AddProjectsPersistence(configuration, dataFolder)
            .AddFiguresPersistence()
            .AddDemoData();

    /// <summary>The modules' save-time work for contexts made outside the host (tests, design time): the same list.</summary>
    private static readonly Lazy<ISaveChangesInterceptor[]> SaveTimeWork = new(() =>
        new ServiceCollection().AddPersistenceModules(new ConfigurationBuilder().Build(), Path.GetTempPath())
            .BuildServiceProvider().GetServices<ISaveChangesInterceptor>().ToArray());

    /// <summary>Validates the provider name and fills in the default SQLite file.</summary>
    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        switch (options.Provider)
        {
            case DatabaseProviders.Sqlite:
                if (!string.IsNullOrWhiteSpace(options.ConnectionString))
                    return options.ConnectionString;
                var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
                Directory.CreateDirectory(folder);
                return $"Data Source={Path.Combine(folder, "investment-crm.db")}";
            case DatabaseProviders.PostgreSql:
                return string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? throw new InvalidConfigurationException("配置错误：Database:Provider 为 PostgreSql 时必须设置 Database:ConnectionString。")
                    : Bounded(options);
            default:
                throw new InvalidConfigurationException(
                    $"配置错误：不支持的数据库类型 Database:Provider = “{options.Provider}”。可选值：{DatabaseProviders.Sqlite}、{DatabaseProviders.PostgreSql}。");
        }
    }

    /// <summary>
    /// The node's PostgreSQL connection with its pool bounded (<see cref="DatabaseOptions.MaxPoolSize"/>, not Npgsql's 100,
    /// which several nodes and the search's bursts would push past the server's max_connections), the hot statements
    /// prepared and no reset when a connection returns to the pool; what the connection string sets itself is kept.
    /// </summary>
    private static string Bounded(DatabaseOptions options)
    {
        if (options.MaxPoolSize is < 1 or > 1000)
            throw new InvalidConfigurationException($"配置错误：Database:MaxPoolSize = {options.MaxPoolSize} 应在 1 到 1000 之间。");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        var text = options.ConnectionString!;
        if (!text.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = options.MaxPoolSize;
        if (!text.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = options.MaxAutoPrepare;
        // The application sets no session state (no SET, no session locks), so a connection back from the pool needs no
        // reset round trip: a credit-code lookup's p50 fell from 3–4 to 2.6 ms with it (docs/architecture.md, "Resources of a node").
        if (!text.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            builder.NoResetOnClose = true;
        // Npgsql's default (Prefer) looks for Kerberos credentials at every physical connection open — the host loads the
        // Kerberos libraries for it (~1 MB resident) and pays the lookup after each idle pool release; the node signs in with
        // a password. A connection string that names the mode keeps it (docs/architecture.md, "Resources of a node").
        if (!text.Contains("GSS Encryption", StringComparison.OrdinalIgnoreCase) && !text.Contains("GssEncryption", StringComparison.OrdinalIgnoreCase))
            builder.GssEncryptionMode = Npgsql.GssEncryptionMode.Disable;
        if (!text.Contains("work_mem", StringComparison.OrdinalIgnoreCase))
        {
            if (!WorkMemSetting().IsMatch(options.WorkMem))
                throw new InvalidConfigurationException($"配置错误：Database:WorkMem = “{options.WorkMem}” 应为带单位（kB、MB 或 GB）的大小，例如 16MB。");
            builder.Options = string.Join(' ', new[] { builder.Options, $"-c work_mem={options.WorkMem}" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        }
        return builder.ConnectionString;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[1-9][0-9]{0,6}(kB|MB|GB)$")]
    private static partial System.Text.RegularExpressions.Regex WorkMemSetting();

    /// <summary>One place that turns a provider name into EF options (the host and the tests use it).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProviders.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProviders.PostgreSql => builder.UseNpgsql(connectionString),
            _ => throw new InvalidConfigurationException($"配置错误：不支持的数据库类型“{provider}”。"),
        };
        // The model snapshot is generated on SQLite (Common/DesignTime.cs), so EF's pending-model-changes check compares
        // like with like only there; on PostgreSQL every store type would differ. The schema drift test guards PostgreSQL.
        return provider == DatabaseProviders.PostgreSql
            ? builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            : builder;
    }

    public static CrmDbContext CreateContext(string provider, string connectionString, TimeProvider? clock = null, ICurrentUser? user = null)
    {
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        Configure(builder, provider, connectionString).AddInterceptors(SaveTimeWork.Value);
        return new CrmDbContext(builder.Options, clock ?? new BusinessClock(BusinessClock.FindZone(null)), user ?? new SystemUser());
    }
}
