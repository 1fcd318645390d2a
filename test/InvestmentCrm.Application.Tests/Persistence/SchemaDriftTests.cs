using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Application.Tests.Persistence;

/// <summary>
/// The migrations must build exactly the schema the EF model describes, on both providers; the model snapshot that
/// dotnet-ef generates migrations against must match the model; and a generated migration must serve both providers.
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

    [Fact]
    public void The_model_snapshot_matches_the_model()
    {
        // On SQLite, the provider the snapshot is generated with (EntityFrameworkCore/Common/DesignTime.cs); Migrate
        // refuses to run while this is true.
        using var db = PersistenceServiceCollectionExtensions.CreateContext(DatabaseProviders.Sqlite, "Data Source=:memory:");
        db.Database.HasPendingModelChanges().ShouldBeFalse("模型已修改但没有生成迁移：请运行 dotnet ef migrations add");
    }

    [Fact]
    public async Task A_generated_migration_leaves_store_types_to_each_provider()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.Empty);
        await using var db = new DriftedDbContext(database);
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
#pragma warning disable EF1001 // the provider's design-time services, as dotnet-ef adds them
        new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
        new CrmDesignTimeServices().ConfigureDesignTimeServices(services);
        var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();

        var migration = scaffolder.ScaffoldMigration("Priority", "InvestmentCrm.EntityFrameworkCore");

        migration.MigrationCode.ShouldContain("Priority = table.Column<int>(nullable: false)");
        migration.MigrationCode.ShouldContain("table.Column<Guid>(nullable: false)");
        migration.MigrationCode.ShouldNotContain("type:");
        // Nor in its target model, from which applying the migration takes the type of a column the operation leaves
        // open (an added DateOnly column became text on PostgreSQL while it held SQLite's types).
        migration.MetadataCode.ShouldContain("b.Property<int>(\"Priority\")");
        migration.MetadataCode.ShouldNotContain("HasColumnType");
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
