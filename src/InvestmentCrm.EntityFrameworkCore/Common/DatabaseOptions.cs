namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;
    /// <summary>Connection string; for SQLite it defaults to a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>
    /// PostgreSQL: the owner role's connection, for migrations and the maintenance verbs (purge-audit, backup, restore).
    /// The application then runs as the role of <see cref="ConnectionString"/>, which may add audit rows but cannot change,
    /// delete or un-trigger them (etc/postgresql/init.sql, docs/security.md). Unset: one role does both.
    /// </summary>
    public string? MigrationConnectionString { get; set; }
    /// <summary>Folder for the SQLite file and other local data, relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";
    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Seed the demo organisation, users and projects into an empty database on start-up.</summary>
    public bool SeedDemoData { get; set; }
    /// <summary>
    /// PostgreSQL: the most connections this node opens (its pool). Nodes × this + the maintenance and other clients must
    /// stay below the server's <c>max_connections</c> (docs/architecture.md, "Several nodes"). A connection string that sets
    /// its own pool size keeps it.
    /// </summary>
    public int MaxPoolSize { get; set; } = DefaultMaxPoolSize;
    /// <summary>PostgreSQL: how many of the statements a connection runs most are prepared on the server (Npgsql auto-prepare).</summary>
    public int MaxAutoPrepare { get; set; } = 50;
    /// <summary>
    /// PostgreSQL: the memory one sort, hash or bitmap of a query may use (the server's <c>work_mem</c>, sent when a
    /// connection opens). 16MB keeps a broad company search's bitmap of ~100,000 matches exact instead of lossy
    /// (docs/benchmarks/search.md); at most pool size × this per node (docs/architecture.md, "Resources of a node").
    /// A connection string that sets its own <c>work_mem</c> keeps it.
    /// </summary>
    public string WorkMem { get; set; } = "16MB";

    public const int DefaultMaxPoolSize = 30;
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
}

/// <summary>Configuration that cannot work; the host prints the message and stops (no stack trace).</summary>
public sealed class InvalidConfigurationException(string message) : Exception(message);
