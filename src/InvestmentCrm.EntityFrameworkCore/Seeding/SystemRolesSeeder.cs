using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Seeding;

/// <summary>
/// The roles of docs/security.md exist in every installation (not only the demo) with their default permissions.
/// Runs at every start: adds what is missing, never overwrites what an administrator changed.
/// </summary>
public sealed class SystemRolesSeeder(CrmDbContext db)
{
    public async Task<IReadOnlyDictionary<string, AppRole>> EnsureAsync(CancellationToken ct = default)
    {
        var existing = await db.Roles.ToDictionaryAsync(r => r.Name!, ct);
        foreach (var (name, displayName, scope) in Roles.All)
        {
            if (existing.ContainsKey(name))
                continue;
            var role = new AppRole(name, displayName, scope);
            db.Roles.Add(role);
            db.RoleClaims.AddRange(Permissions.DefaultsFor(name).Select(p => new IdentityRoleClaim<Guid>
            {
                RoleId = role.Id,
                ClaimType = Permissions.ClaimType,
                ClaimValue = p,
            }));
            existing[name] = role;
        }
        await db.SaveChangesAsync(ct);
        return existing;
    }
}
