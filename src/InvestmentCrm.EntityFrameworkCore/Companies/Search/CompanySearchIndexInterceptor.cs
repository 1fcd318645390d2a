using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Companies;

/// <summary>
/// Keeps the company search index in the save's transaction: the terms column of every added or changed company before
/// the rows are written, and on SQLite the FTS5 rows after them (PostgreSQL indexes the column itself).
/// </summary>
internal sealed class CompanySearchIndexInterceptor : SaveTimeWork<List<(Company Company, bool Remove)>>
{
    protected override Task<List<(Company Company, bool Remove)>?> BeforeSaveAsync(CrmDbContext db, CancellationToken ct)
    {
        var changes = CompanySearchIndex.Prepare(db.ChangeTracker);
        return Task.FromResult(changes.Count > 0 && db.Database.IsSqlite() ? changes : null);
    }

    protected override Task AfterSaveAsync(CrmDbContext db, List<(Company Company, bool Remove)> changes, CancellationToken ct) =>
        CompanySearchIndex.WriteSqliteAsync(db, changes, ct);
}
