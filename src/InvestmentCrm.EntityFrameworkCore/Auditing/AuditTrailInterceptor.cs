using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;

namespace InvestmentCrm.EntityFrameworkCore.Auditing;

/// <summary>Adds the audit rows of a save to the same save (one transaction): who, when, what, old → new.</summary>
internal sealed class AuditTrailInterceptor : SaveTimeWork<object>
{
    protected override Task<object?> BeforeSaveAsync(CrmDbContext db, CancellationToken ct)
    {
        db.AuditLogs.AddRange(AuditTrail.Collect(db.ChangeTracker, db.Clock.UtcNow(), db.CurrentUser));
        return Task.FromResult<object?>(null);
    }
}
