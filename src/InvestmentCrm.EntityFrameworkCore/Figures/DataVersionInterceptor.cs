using InvestmentCrm.Auditing;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Figures;

/// <summary>
/// Every audited change of data renews the data version in the same transaction (an UPDATE of one row by key, no read
/// first), so caches keyed by it (the figures cache) can never serve figures older than the data. Registered after the
/// audit trail, whose rows say that business data changed.
/// </summary>
internal sealed class DataVersionInterceptor : SaveTimeWork<object>
{
    protected override Task<object?> BeforeSaveAsync(CrmDbContext db, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<AuditLog>().Any(e => e.State == EntityState.Added))
        {
            var version = db.ChangeTracker.Entries<DataVersion>().FirstOrDefault()?.Entity;
            if (version is null)
            {
                version = new DataVersion();
                db.DataVersions.Attach(version);
            }
            version.Stamp = Guid.NewGuid();
            db.Entry(version).Property(v => v.Stamp).IsModified = true;
        }
        return Task.FromResult<object?>(null);
    }
}
