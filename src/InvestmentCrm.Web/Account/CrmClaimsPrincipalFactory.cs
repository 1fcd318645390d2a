using System.Security.Claims;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentCrm.Web.Account;

/// <summary>Puts the user's name and department into the cookie, so the top bar needs no query per page.</summary>
public sealed class CrmClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, CrmDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmClaims.DisplayName, user.DisplayName));
        var department = await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync();
        if (department is not null)
            identity.AddClaim(new Claim(CrmClaims.DepartmentName, department));
        return identity;
    }
}
