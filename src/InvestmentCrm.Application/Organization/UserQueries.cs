using InvestmentCrm.Common;

namespace InvestmentCrm.Organization;

public static class UserQueries
{
    /// <summary>The active users holding any of the roles (e.g. <see cref="Roles.ProjectLeaders"/>).</summary>
    public static IQueryable<AppUser> UsersHolding(this ICrmDbContext db, IReadOnlyList<string> roles) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
