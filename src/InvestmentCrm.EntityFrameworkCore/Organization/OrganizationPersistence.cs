using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Organization;

public static class OrganizationPersistence
{
    /// <summary>The password history, kept with every save that replaces a password.</summary>
    public static IServiceCollection AddOrganizationPersistence(this IServiceCollection services) =>
        services.AddSingleton<ISaveChangesInterceptor, PasswordHistoryRecorder>();
}

/// <summary>
/// Whenever a user's password hash is replaced — change, reset, however it is done — the old hash goes to the history in
/// the same save, so <see cref="PasswordPolicy.RememberedPasswords"/> can be enforced (docs/security.md).
/// </summary>
internal sealed class PasswordHistoryRecorder : SaveTimeWork<object>
{
    protected override async Task<object?> BeforeSaveAsync(CrmDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<AppUser>().Where(e => e.State == EntityState.Modified).ToList())
        {
            var hash = entry.Property(u => u.PasswordHash);
            if (!hash.IsModified || hash.OriginalValue is not { Length: > 0 } previous || previous == hash.CurrentValue)
                continue;
            var userId = entry.Entity.Id;
            var last = await db.PasswordHistory.Where(h => h.UserId == userId).MaxAsync(h => (int?)h.Generation, ct) ?? 0;
            db.PasswordHistory.Add(new PasswordHistoryEntry(userId, last + 1, previous, db.Clock.UtcNow()));
        }
        return null;
    }
}
