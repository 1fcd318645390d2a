using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>Applies the hand-written migrations and writes the DBA script (the <c>migrate</c> verb).</summary>
public sealed class DatabaseMigrator(CrmDbContext db)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        // On a new database ask for nothing but the list: querying the missing history table makes EF log an error.
        var history = db.GetService<IHistoryRepository>();
        var pending = await history.ExistsAsync(ct)
            ? (await db.Database.GetPendingMigrationsAsync(ct)).ToList()
            : db.Database.GetMigrations().ToList();
        await db.Database.MigrateAsync(ct);
        await FillDerivedDataAsync(ct);
        return pending;
    }

    /// <summary>
    /// Fills what is derived from stored rows but was added by a later migration — companies' search terms, the figures'
    /// summary tables — also when the DBA applied the migrations from the script and the host only checks the schema.
    /// </summary>
    public async Task FillDerivedDataAsync(CancellationToken ct = default)
    {
        await Companies.CompanySearchIndex.BackfillAsync(db, ct);
        await Figures.FigureSummaryMaintenance.BackfillAsync(db, ct);
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
