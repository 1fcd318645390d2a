using InvestmentCrm.Common;
using InvestmentCrm.Settings;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Settings;

/// <summary>Facts about this installation that pages need, e.g. whether it runs on demo data.</summary>
public sealed class InstallationAppService(ICrmDbContext db)
{
    /// <summary>True while the demo seed is active: then the login page lists the demo accounts.</summary>
    public Task<bool> IsDemoSeedActiveAsync(CancellationToken ct = default) =>
        db.SystemSettings.AnyAsync(s => s.Key == SystemSetting.DemoSeedAppliedKey, ct);
}
