using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>
/// The context dotnet-ef builds migrations from (docs/architecture.md, "Migrations"): the model on SQLite, without
/// starting the web host. The connection is never opened by <c>migrations add</c>.
/// </summary>
public sealed class CrmDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) =>
        PersistenceServiceCollectionExtensions.CreateContext(DatabaseProviders.Sqlite, "Data Source=design-time.db");
}

/// <summary>Design-time services of this assembly, picked up by dotnet-ef: generated migrations serve both providers.</summary>
public sealed class CrmDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection) =>
        serviceCollection.AddSingleton<ICSharpMigrationOperationGenerator, ProviderNeutralMigrationOperationGenerator>()
            .AddSingleton<IMigrationsCodeGenerator, ProviderNeutralMigrationsGenerator>();
}

/// <summary>
/// Writes a migration's target model (the .Designer.cs file) without store types. Applying a migration, EF Core takes the
/// type of a column an operation leaves open from that model: with SQLite's types in it, an added DateOnly column would
/// become <c>text</c> on PostgreSQL. Without them each provider maps the CLR type, as for the operations.
/// </summary>
public sealed partial class ProviderNeutralMigrationsGenerator(MigrationsCodeGeneratorDependencies dependencies, CSharpMigrationsGeneratorDependencies csharpDependencies)
    : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    public override string GenerateMetadata(string? migrationNamespace, Type contextType, string migrationName, string migrationId, Microsoft.EntityFrameworkCore.Metadata.IModel targetModel) =>
        StoreType().Replace(base.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel), "");

    [System.Text.RegularExpressions.GeneratedRegex("""\s*\.HasColumnType\("[^"]*"\)""")]
    private static partial System.Text.RegularExpressions.Regex StoreType();
}

/// <summary>
/// Writes migration operations without the design-time provider's store types (SQLite's <c>TEXT</c> for a Guid would be
/// wrong on PostgreSQL): each provider then maps the CLR type, length and precision itself, as the first, hand-written
/// migrations always did. The snapshot keeps SQLite's types, which only the differ reads.
/// </summary>
public sealed class ProviderNeutralMigrationOperationGenerator(CSharpMigrationOperationGeneratorDependencies dependencies)
    : CSharpMigrationOperationGenerator(dependencies)
{
    public override void Generate(string builderName, IReadOnlyList<MigrationOperation> operations, IndentedStringBuilder builder)
    {
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation table:
                    foreach (var column in table.Columns)
                        column.ColumnType = null;
                    break;
                case AlterColumnOperation alter:
                    (alter.ColumnType, alter.OldColumn.ColumnType) = (null, null);
                    break;
                case ColumnOperation column:
                    column.ColumnType = null;
                    break;
            }
        }
        base.Generate(builderName, operations, builder);
    }
}
