using InvestmentCrm.Common;
using System.Globalization;
using System.Security.Claims;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.Settings;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentCrm.Web.Account;

/// <summary>
/// Puts into the cookie what every request needs: name, department, the roles' permissions (Identity adds
/// role claims), and whether the password must be changed or expires soon. Rebuilt at every security-stamp
/// check (each minute), so a change of roles or a disabled account takes effect within a minute.
/// </summary>
public sealed class CrmClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options,
    CrmDbContext db, SecuritySettingsAppService securitySettings, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(CrmClaims.DepartmentId, user.DepartmentId.ToString()));
        var department = await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync();
        if (department is not null)
            identity.AddClaim(new Claim(CrmClaims.DepartmentName, department));

        var settings = await securitySettings.GetAsync();
        DateOnly? expiresOn = settings.PasswordExpiryDays > 0 && user.PasswordChangedAt is { } changed
            ? DateOnly.FromDateTime(changed.AddDays(settings.PasswordExpiryDays))
            : null;
        var today = clock.Today();
        if (user.MustChangePassword || expiresOn <= today)
            identity.AddClaim(new Claim(CrmClaims.MustChangePassword, user.MustChangePassword ? "initial" : "expired"));
        else if (expiresOn is { } date && date.DayNumber - today.DayNumber <= settings.PasswordReminderDays)
            identity.AddClaim(new Claim(CrmClaims.PasswordExpiresOn, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return identity;
    }
}
