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
        serviceCollection.AddSingleton<ICSharpMigrationOperationGenerator, ProviderNeutralMigrationOperationGenerator>();
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
