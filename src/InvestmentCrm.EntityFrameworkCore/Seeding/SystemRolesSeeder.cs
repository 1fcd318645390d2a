using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Seeding;

/// <summary>
/// The roles of docs/security.md exist in every installation (not only the demo) with their default permissions.
/// Runs at every start: adds what is missing, never overwrites what an administrator changed — except the three
/// administrator roles, whose permissions are fixed (三权分立, <see cref="SeparationOfDuties"/>) and are set to their
/// defaults again.
/// </summary>
public sealed class SystemRolesSeeder(CrmDbContext db)
{
    public async Task<IReadOnlyDictionary<string, AppRole>> EnsureAsync(CancellationToken ct = default)
    {
        var existing = await db.Roles.ToDictionaryAsync(r => r.Name!, ct);
        foreach (var (name, displayName, scope) in Roles.All)
        {
            if (existing.TryGetValue(name, out var present))
            {
                if (SeparationOfDuties.IsAdministratorRole(name))
                    await FixPermissionsAsync(present, ct);
                else
                    await RemoveExclusivePermissionsAsync(present, ct);
                continue;
            }
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

    /// <summary>Managing accounts, reading logs and the security policy belong to their administrators only.</summary>
    private async Task RemoveExclusivePermissionsAsync(AppRole role, CancellationToken ct)
    {
        var held = await db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == Permissions.ClaimType).ToListAsync(ct);
        db.RoleClaims.RemoveRange(held.Where(c => SeparationOfDuties.ExclusiveOwner(c.ClaimValue!) is not null));
    }

    private async Task FixPermissionsAsync(AppRole role, CancellationToken ct)
    {
        var wanted = Permissions.DefaultsFor(role.Name!);
        var held = await db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == Permissions.ClaimType).ToListAsync(ct);
        db.RoleClaims.RemoveRange(held.Where(c => !wanted.Contains(c.ClaimValue!)));
        db.RoleClaims.AddRange(wanted.Except(held.Select(c => c.ClaimValue!)).Select(p => new IdentityRoleClaim<Guid>
        {
            RoleId = role.Id,
            ClaimType = Permissions.ClaimType,
            ClaimValue = p,
        }));
    }
}
