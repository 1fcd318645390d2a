using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Projects;

/// <summary>Issue 21: the 项目库 count is cached as a figure — per reader and filter, and fresh after any write.</summary>
public class ProjectListCountTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_list_count_is_cached_per_reader_and_filter_and_fresh_after_a_delete(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        using var store = FiguresCache.CreateStore();
        var cache = new FiguresCache(store);

        async Task<int> CountAsync(string userName, ProjectListQuery query)
        {
            await using var db = database.CreateContext();
            return (await new ProjectAppService(db, await TestScopes.ForAsync(db, userName), cache).ListAsync(query)).Total;
        }

        var all = await CountAsync("leader", new ProjectListQuery());
        (await CountAsync("leader", new ProjectListQuery())).ShouldBe(all);
        store.Count.ShouldBe(1);
        var landed = await CountAsync("leader", new ProjectListQuery(Stage: ProjectStage.Landed));
        var head = await CountAsync("head", new ProjectListQuery());
        store.Count.ShouldBe(3, "another filter or reader is another entry");
        await using (var db = database.CreateContext())
        {
            landed.ShouldBe(await db.Projects.CountAsync(p => p.Stage == ProjectStage.Landed));
            await TestScopes.ForAsync(db, "head");
            head.ShouldBe(await db.Projects.CountAsync());
            head.ShouldBeLessThan(all);
        }

        await using (var db = database.CreateContext())
        {
            db.Projects.Remove(await db.Projects.FirstAsync(p => p.Stage == ProjectStage.Landed));
            await db.SaveChangesAsync();
        }
        (await CountAsync("leader", new ProjectListQuery())).ShouldBe(all - 1);
        (await CountAsync("leader", new ProjectListQuery(Stage: ProjectStage.Landed))).ShouldBe(landed - 1);
    }
}
