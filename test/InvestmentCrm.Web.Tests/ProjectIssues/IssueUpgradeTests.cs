using InvestmentCrm.EntityFrameworkCore.Seeding;
using InvestmentCrm.Organization;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.Web.Tests.ProjectIssues;

/// <summary>Issues 18 and 19 on an installation that existed before them: the migrations give its roles the new permissions, and the default keywords.</summary>
public class IssueUpgradeTests
{
    /// <summary>The permissions that came after the installation simulated here: 项目问题 (issue 18) and 调度会 (issue 19).</summary>
    private static bool Later(string permission) =>
        permission.StartsWith("Issues.", StringComparison.Ordinal) || permission.StartsWith("Meetings.", StringComparison.Ordinal);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_existing_installations_roles_get_the_problem_permissions_a_new_one_has(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Empty);
        await using (var db = database.CreateContext())
        {
            // The installation as it was: the migrations up to the one before, its roles without any problem permission.
            await db.GetService<IMigrator>().MigrateAsync("20261205171416_ConstructionFacts");
            foreach (var (name, displayName, scope) in Roles.All.Where(r => r.Name != Roles.TaskForceMember))
            {
                var role = new AppRole(name, displayName, scope);
                db.Roles.Add(role);
                db.RoleClaims.AddRange(Permissions.DefaultsFor(name).Where(p => !Later(p))
                    .Select(p => new Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid> { RoleId = role.Id, ClaimType = Permissions.ClaimType, ClaimValue = p }));
            }
            await db.SaveChangesAsync();
            await db.Database.MigrateAsync();
        }

        await using var after = database.CreateContext();
        await new SystemRolesSeeder(after).EnsureAsync();
        var held = await after.Roles.Select(r => new
        {
            r.Name,
            Claims = after.RoleClaims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).ToList(),
        }).ToListAsync();
        foreach (var role in held)
            role.Claims.Where(Later).Order().ShouldBe(Permissions.DefaultsFor(role.Name!).Where(Later).Order(), role.Name);
        (await after.IssueKeywords.CountAsync()).ShouldBe(InvestmentCrm.ProjectIssues.IssueRouting.DefaultKeywords.Count);
        (await after.IssueKeywords.SingleAsync(k => k.Keyword == "农转征")).Category.ShouldBe(InvestmentCrm.ProjectIssues.IssueCategory.Procedures);
    }
}
