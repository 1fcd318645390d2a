using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>Applies the hand-written migrations and writes the DBA script (the <c>migrate</c> verb).</summary>
public sealed class DatabaseMigrator(CrmDbContext db)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }

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
