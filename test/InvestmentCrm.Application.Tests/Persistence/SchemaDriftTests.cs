using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InvestmentCrm.Application.Tests.Persistence;

/// <summary>
/// The hand-written migrations must build exactly the schema the EF model describes, on both providers.
/// This is what the design-time model snapshot would otherwise guard.
/// </summary>
public class SchemaDriftTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Migrations_produce_the_schema_the_model_describes(string provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        await using var fromModel = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Empty);
        await using (var db = fromModel.CreateContext())
            await db.Database.EnsureCreatedAsync();

        var expected = await SchemaSnapshot.ReadAsync(fromModel);
        var actual = await SchemaSnapshot.ReadAsync(migrated);

        expected.Count.ShouldBeGreaterThan(200, "the snapshot must actually read the schema");
        SchemaSnapshot.Diff(expected, actual).ShouldBeEmpty(
            "迁移生成的表结构与模型不一致；修改实体后需要手写迁移（+ 只在迁移库中，- 只在模型库中）");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_model_change_without_a_migration_is_caught(string provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        await using var fromChangedModel = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Empty);
        await using (var db = new DriftedDbContext(fromChangedModel))
            await db.Database.EnsureCreatedAsync();

        var diff = SchemaSnapshot.Diff(await SchemaSnapshot.ReadAsync(fromChangedModel), await SchemaSnapshot.ReadAsync(migrated));

        diff.ShouldContain(line => line.StartsWith("- column Projects.Priority", StringComparison.Ordinal));
        diff.ShouldContain(line => line.StartsWith("- index", StringComparison.Ordinal) && line.Contains("Priority", StringComparison.Ordinal));
    }

    /// <summary>The model as someone might change it: a new column and index on Projects, and no migration.</summary>
    private sealed class DriftedDbContext(TestDatabase database) : CrmDbContext(Options(database), new TestClock(), new SystemUser())
    {
        private static DbContextOptions<CrmDbContext> Options(TestDatabase database)
        {
            var builder = new DbContextOptionsBuilder<CrmDbContext>();
            PersistenceServiceCollectionExtensions.Configure(builder, database.Provider, database.ConnectionString);
            // Its own model cache key: this context's model differs from CrmDbContext's.
            builder.ReplaceService<IModelCacheKeyFactory, DriftedModelCacheKeyFactory>();
            return builder.Options;
        }

        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<Project>().Property<int>("Priority");
            builder.Entity<Project>().HasIndex("Priority");
        }
    }

    private sealed class DriftedModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), designTime);
    }
}
