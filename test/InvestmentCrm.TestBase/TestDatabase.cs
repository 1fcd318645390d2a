using System.Collections.Concurrent;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.EntityFrameworkCore.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InvestmentCrm.TestBase;

public enum TestDatabaseContent
{
    /// <summary>No tables at all (e.g. to compare what migrations and EnsureCreated produce).</summary>
    Empty,
    /// <summary>The schema from the migrations, no rows.</summary>
    Migrated,
    /// <summary>Migrated and seeded with the demo data.</summary>
    DemoData,
}

/// <summary>
/// A fresh database for one test, on SQLite (a file) or PostgreSQL (a database on the CRM_TEST_POSTGRES
/// server). Migrated and seeded content is made once per test run as a template and copied per test, so
/// every test starts from the same state quickly; everything is dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "crm-tests", RunId);
    private static readonly ConcurrentDictionary<(string, TestDatabaseContent), Lazy<Task<string>>> Templates = new();
    private static readonly ConcurrentBag<string> PostgresTemplates = [];
    private static int _counter;

    static TestDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplates();

    private TestDatabase(string provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    /// <summary>The file path (SQLite) or database name (PostgreSQL).</summary>
    public string Name { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, TestDatabaseContent content = TestDatabaseContent.Migrated)
    {
        var name = NewName();
        string? template = content == TestDatabaseContent.Empty
            ? null
            : await Templates.GetOrAdd((provider, content), key => new Lazy<Task<string>>(() => CreateTemplateAsync(key.Item1, key.Item2))).Value;

        if (provider == DatabaseProviders.Sqlite)
        {
            Directory.CreateDirectory(SqliteFolder);
            var path = Path.Combine(SqliteFolder, name + ".db");
            if (template is not null)
                File.Copy(template, path);
            return new TestDatabase(provider, $"Data Source={path};Pooling=False", path);
        }

        await CreatePostgresDatabaseAsync(name, template);
        return new TestDatabase(provider, PostgresConnectionFor(name), name);
    }

    /// <summary>
    /// A named PostgreSQL database that outlives the process (for profiling the benchmarks' data repeatedly):
    /// opened if it exists, else created with the given content (migrated and empty by default); <paramref name="created"/>
    /// says which.
    /// </summary>
    public static async Task<(TestDatabase Database, bool Created)> OpenOrCreateKeptPostgresAsync(string name, TestDatabaseContent content = TestDatabaseContent.Migrated)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        var created = await exists.ExecuteScalarAsync() is null;
        if (created)
        {
            var template = await Templates.GetOrAdd((DatabaseProviders.PostgreSql, content),
                key => new Lazy<Task<string>>(() => CreateTemplateAsync(key.Item1, key.Item2))).Value;
            await CreatePostgresDatabaseAsync(name, template);
        }
        return (new TestDatabase(DatabaseProviders.PostgreSql, PostgresConnectionFor(name), name), created);
    }

    public CrmDbContext CreateContext(TimeProvider? clock = null, ICurrentUser? user = null) =>
        PersistenceServiceCollectionExtensions.CreateContext(Provider, ConnectionString, clock ?? new TestClock(), user);

    /// <summary>
    /// A context on the connection a web host opens (docs/architecture.md, "Resources of a node"): on PostgreSQL the node's
    /// bounded pool, auto-prepared statements and no reset on close; on SQLite a pooled connection. For the benchmarks,
    /// which time what a request does.
    /// </summary>
    public CrmDbContext CreateNodeContext(TimeProvider? clock = null, ICurrentUser? user = null) =>
        PersistenceServiceCollectionExtensions.CreateContext(Provider, NodeConnectionString, clock ?? new TestClock(), user);

    /// <summary>
    /// The connection string a node opens: on SQLite with the pool on (the test databases switch it off so that their files
    /// can be deleted, which would make every request open the file and parse its schema again).
    /// </summary>
    public string NodeConnectionString => Provider == DatabaseProviders.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString) { Pooling = true }.ConnectionString
        : PersistenceServiceCollectionExtensions.ResolveConnectionString(new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString }, Path.GetTempPath());

    /// <summary>Closes every pooled connection, so the next context opens a new physical one (a "cold" request).</summary>
    public void ClearPools()
    {
        if (Provider == DatabaseProviders.Sqlite)
            SqliteConnection.ClearAllPools();
        else
            NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A database outage (PostgreSQL): no new connections are allowed and the open ones are cut.</summary>
    public async Task CutConnectionsAsync()
    {
        await ExecuteAdminAsync($"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS false");
        await ExecuteAdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()");
    }

    /// <summary>The database is back after <see cref="CutConnectionsAsync"/>.</summary>
    public Task RestoreConnectionsAsync() => ExecuteAdminAsync($"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS true");

    /// <summary>
    /// Statistics after a bulk load, and on PostgreSQL the visibility map too, as autovacuum leaves a live database
    /// (index-only scans read the heap of pages it has not yet marked all-visible).
    /// </summary>
    public async Task AnalyzeAsync()
    {
        await using var db = CreateContext();
        await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProviders.PostgreSql ? "VACUUM (ANALYZE)" : "ANALYZE");
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProviders.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(Name);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await DropPostgresDatabaseAsync(Name);
        }
    }

    /// <summary>
    /// FORCE ends our own leftover connections; an autovacuum worker that a test's bulk writes woke up belongs to the
    /// server, which FORCE may not signal (42501). A plain DROP asks autovacuum to leave, so a few of those follow.
    /// </summary>
    private static async Task DropPostgresDatabaseAsync(string name)
    {
        try
        {
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\"");
                    return;
                }
                catch (PostgresException busy) when (busy.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
                {
                    await Task.Delay(500);
                }
            }
        }
    }

    private static string NewName() => $"crm_test_{RunId}_{Interlocked.Increment(ref _counter)}";

    private static async Task<string> CreateTemplateAsync(string provider, TestDatabaseContent content)
    {
        var name = $"{NewName()}_tpl_{content.ToString().ToLowerInvariant()}";
        string connectionString;
        if (provider == DatabaseProviders.Sqlite)
        {
            Directory.CreateDirectory(SqliteFolder);
            name = Path.Combine(SqliteFolder, name + ".db");
            connectionString = $"Data Source={name};Pooling=False";
        }
        else
        {
            await CreatePostgresDatabaseAsync(name, null);
            PostgresTemplates.Add(name);
            connectionString = PostgresConnectionFor(name);
        }

        await using (var db = PersistenceServiceCollectionExtensions.CreateContext(provider, connectionString, new TestClock()))
        {
            await db.Database.MigrateAsync();
            if (content == TestDatabaseContent.DemoData)
                await new DemoDataSeeder(db, new TestClock()).SeedAsync();
        }

        // A PostgreSQL template cannot be copied while anyone is connected to it.
        if (provider == DatabaseProviders.PostgreSql)
            NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static string AdminConnectionString =>
        TestEnvironment.PostgresConnectionString
        ?? throw new InvalidOperationException($"{TestEnvironment.PostgresVariable} 未设置，不能创建 PostgreSQL 测试数据库。");

    private static string PostgresConnectionFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static Task CreatePostgresDatabaseAsync(string name, string? template) =>
        // C.UTF-8 character classification, so that pg_trgm makes trigrams of Chinese text (docs/architecture.md).
        ExecuteAdminAsync(template is null
            ? $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void DropTemplates()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var template in PostgresTemplates)
                DropPostgresDatabaseAsync(template).GetAwaiter().GetResult();
            if (Directory.Exists(SqliteFolder))
                Directory.Delete(SqliteFolder, recursive: true);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
        {
            // Best effort at process exit: CI's PostgreSQL cluster is thrown away after the run anyway.
        }
    }
}
