using InvestmentCrm.Common;

namespace InvestmentCrm.Organization;

public static class UserQueries
{
    /// <summary>The active people: every user but the integration accounts (<see cref="AppUser.IsIntegration"/>).</summary>
    public static IQueryable<AppUser> People(this ICrmDbContext db) =>
        db.Users.Where(u => u.IsActive && !u.IsIntegration);

    /// <summary>The active people holding any of the roles (e.g. <see cref="Roles.ProjectLeaders"/>).</summary>
    public static IQueryable<AppUser> UsersHolding(this ICrmDbContext db, IReadOnlyList<string> roles) =>
        db.People().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
