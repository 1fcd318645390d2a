using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>Applies the hand-written migrations and writes the DBA script (the <c>migrate</c> verb).</summary>
public sealed class DatabaseMigrator(CrmDbContext db, DatabaseOptions? options = null)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        // With a separate owner role (PostgreSQL) the schema is changed as the owner; the application's role gets its grants.
        var owner = SeparateOwner();
        await using var ownerDb = owner is null ? null : PersistenceServiceCollectionExtensions.CreateContext(options!.Provider, owner);
        var target = ownerDb ?? db;
        // On a new database ask for nothing but the list: querying the missing history table makes EF log an error.
        var history = target.GetService<IHistoryRepository>();
        var pending = await history.ExistsAsync(ct)
            ? (await target.Database.GetPendingMigrationsAsync(ct)).ToList()
            : target.Database.GetMigrations().ToList();
        await target.Database.MigrateAsync(ct);
        if (ownerDb is not null)
            await GrantApplicationRoleAsync(ownerDb, ct);
        await FillDerivedDataAsync(target, ct);
        return pending;
    }

    private string? SeparateOwner() =>
        options is not null && options.Provider == DatabaseProviders.PostgreSql && !string.IsNullOrWhiteSpace(options.MigrationConnectionString)
        && options.MigrationConnectionString != options.ConnectionString
            ? options.MigrationConnectionString
            : null;

    /// <summary>
    /// What the application's role may do (docs/security.md, "Audit that an administrator cannot rewrite"): read and write
    /// business tables; only read and add to the audit and login logs — never change, delete or truncate them, and as it
    /// owns no table it cannot disable or drop their triggers either. Idempotent; run after every migration.
    /// </summary>
    private async Task GrantApplicationRoleAsync(CrmDbContext owner, CancellationToken ct)
    {
        var role = "\"" + new Npgsql.NpgsqlConnectionStringBuilder(options!.ConnectionString).Username!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        string[] statements =
        [
            $"GRANT USAGE ON SCHEMA public TO {role}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
            $"REVOKE UPDATE, DELETE, TRUNCATE ON \"AuditLogs\", \"SecurityLogs\" FROM {role}",
            $"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON \"__EFMigrationsHistory\" FROM {role}",
        ];
        foreach (var sql in statements)
            await owner.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>
    /// Fills what is derived from stored rows but was added by a later migration — companies' search terms, the figures'
    /// summary tables — also when the DBA applied the migrations from the script and the host only checks the schema.
    /// </summary>
    public Task FillDerivedDataAsync(CancellationToken ct = default) => FillDerivedDataAsync(db, ct);

    private static async Task FillDerivedDataAsync(CrmDbContext target, CancellationToken ct)
    {
        await Companies.CompanySearchIndex.BackfillAsync(target, ct);
        await Figures.FigureSummaryMaintenance.BackfillAsync(target, ct);
    }

    /// <summary>True when the schema exists and every migration is applied.</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken ct = default) =>
        await db.GetService<IHistoryRepository>().ExistsAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();

    /// <summary>
    /// The SQL of every migration. Idempotent on PostgreSQL (each migration is guarded by the history table);
    /// EF cannot make idempotent scripts for SQLite, which is the embedded single-user case anyway.
    /// </summary>
    public string Script()
    {
        var migrator = db.GetService<IMigrator>();
        var options = db.Database.IsNpgsql()
            ? MigrationsSqlGenerationOptions.Idempotent
            : MigrationsSqlGenerationOptions.Default;
        return migrator.GenerateScript(options: options);
    }
}
