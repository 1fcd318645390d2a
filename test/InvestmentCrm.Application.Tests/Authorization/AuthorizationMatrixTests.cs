using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Workbench;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Authorization;

/// <summary>
/// Data scope × operation: every user of <see cref="ScopeScenario"/> lists, searches, views, exports, edits and
/// deletes every project and reads the workbench sums; each answer must be exactly the rows (and sums) the
/// rules allow. Permissions per role (may this role export at all?) are covered by the Web tests' API matrix.
/// </summary>
public class AuthorizationMatrixTests
{
    public static TheoryData<string> Users => new() { "all", "a.officer", "zone.head", "custom", "self", "nobody" };

    private static async Task<(TestDatabase Database, ScopeScenario Scenario)> SetUpAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        return (database, await ScopeScenario.CreateAsync(database));
    }

    private static (CrmDbContext Db, ProjectAppService Projects, WorkbenchAppService Workbench) ServicesFor(TestDatabase database, ScopeScenario scenario, string user)
    {
        var current = new TestUser(scenario.Users[user], user, null);
        var db = database.CreateContext(user: current);
        var scope = TestScopes.Resolved(db, current);
        return (db, new ProjectAppService(db, scope), new WorkbenchAppService(db, scope));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_read_returns_exactly_the_projects_in_scope(string provider)
    {
        var (database, scenario) = await SetUpAsync(provider);
        await using var _ = database;
        foreach (var (user, visible) in ScopeScenario.Visible)
        {
            var (db, projects, workbench) = ServicesFor(database, scenario, user);
            await using var __ = db;

            // list
            var list = await projects.ListAsync(new ProjectListQuery(PageSize: 100));
            list.Items.Select(p => p.Name).ShouldBe(visible, ignoreOrder: true, $"{user}: list");
            list.Total.ShouldBe(visible.Length, $"{user}: count");

            // search: "乙" matches the 乙街道 projects; only those in scope come back
            var search = await projects.ListAsync(new ProjectListQuery("乙", PageSize: 100));
            search.Items.Select(p => p.Name).ShouldBe(visible.Where(n => n.Contains('乙', StringComparison.Ordinal)), ignoreOrder: true, $"{user}: search");

            // view: in scope → the project; out of scope → as if it did not exist
            foreach (var (name, id) in scenario.Projects)
                ((await projects.GetAsync(id))?.Name).ShouldBe(visible.Contains(name) ? name : null, $"{user}: view {name}");

            // export: the workbook holds exactly the visible rows
            using var stream = new MemoryStream();
            await projects.ExportAsync(new ProjectListQuery(), stream);
            ExportedNames(stream).ShouldBe(visible, ignoreOrder: true, $"{user}: export");

            // aggregate: the workbench counts and sums only what is in scope
            var summary = await workbench.GetSummaryAsync();
            summary.TotalProjects.ShouldBe(visible.Length, $"{user}: total");
            summary.VerifiedDomesticCny.ShouldBe(visible.Sum(n => ScopeScenario.Funds[n]) * 100_000_000m, $"{user}: verified sum");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Edit_and_delete_reach_only_projects_in_scope(string provider)
    {
        var (database, scenario) = await SetUpAsync(provider);
        await using var _ = database;
        foreach (var user in new[] { "a.officer", "zone.head", "self", "nobody" })
        {
            foreach (var (name, id) in scenario.Projects)
            {
                var (db, projects, _) = ServicesFor(database, scenario, user);
                await using var __ = db;
                var stamp = await db.Unscoped.Projects.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleOrDefaultAsync();
                var inScope = ScopeScenario.Visible[user].Contains(name);
                var edited = await projects.UpdateAsync(id, new ProjectUpdateDto(name, ProjectType.Industrial, "金融业/银行", null, null, 1m, stamp, 0m, "USD", false, null));
                edited.ShouldBe(inScope, $"{user}: edit {name}");
            }
        }

        // Deletion: a.officer may delete (if the role allows it) only within scope; the other rows stay.
        var (dbDelete, deleter, _) = ServicesFor(database, scenario, "a.officer");
        await using (dbDelete)
        {
            (await deleter.DeleteAsync(scenario.Projects["乙街道项目"])).ShouldBeFalse();
            (await deleter.DeleteAsync(scenario.Projects["甲街道项目一"])).ShouldBeTrue();
        }
        await using var check = database.CreateContext();
        (await check.Projects.AnyAsync(p => p.Id == scenario.Projects["乙街道项目"])).ShouldBeTrue();
        (await check.Projects.AnyAsync(p => p.Id == scenario.Projects["甲街道项目一"])).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Roles_of_one_user_add_up(string provider)
    {
        var (database, scenario) = await SetUpAsync(provider);
        await using var _ = database;
        // a.officer also gets the 自定义部门 role (乙街道): the union of both scopes.
        await using (var db = database.CreateContext())
        {
            var assessor = await db.Roles.SingleAsync(r => r.Name == InvestmentCrm.Organization.Roles.Assessor);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = scenario.Users["a.officer"], RoleId = assessor.Id });
            await db.SaveChangesAsync();
        }
        var (db2, projects, _) = ServicesFor(database, scenario, "a.officer");
        await using var __ = db2;
        var names = (await projects.ListAsync(new ProjectListQuery(PageSize: 100))).Items.Select(p => p.Name);
        names.ShouldBe(ScopeScenario.Visible["a.officer"].Union(ScopeScenario.Visible["custom"]), ignoreOrder: true);
    }

    private static List<string> ExportedNames(MemoryStream stream)
    {
        var rows = XlsxWorkbook.Read(stream.ToArray()).Rows();
        rows[0][0].ShouldBe("项目名称");
        // Currencies by their Chinese names (美元), never the code a user does not read.
        rows.Skip(1).Select(r => r[7]?.ToString()).ShouldAllBe(name => InvestmentCrm.Common.Currencies.Known.Any(k => k.Name == name));
        return rows.Skip(1).Select(r => (string)r[0]!).ToList();
    }
}
