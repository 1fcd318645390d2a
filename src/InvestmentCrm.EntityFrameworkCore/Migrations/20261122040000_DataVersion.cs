using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>The data version renewed by every write, which keys the cockpit's figure cache (issue 5, docs/benchmarks).</summary>
[DbContext(typeof(CrmDbContext))]
[Migration("20261122040000_DataVersion")]
public sealed class DataVersionMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Stamp = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataVersions", x => x.Id));
        // Plain SQL that both providers read the same way (InsertData would need per-provider column types here).
        migrationBuilder.Sql("INSERT INTO \"DataVersions\" (\"Id\", \"Stamp\") VALUES (1, '00000000-0000-0000-0000-000000000000');");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DataVersions");
}
