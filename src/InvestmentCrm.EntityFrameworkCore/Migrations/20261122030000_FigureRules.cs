using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>年度口径: key-project threshold, 履约 rule, 到位率 window and light thresholds per year (issue 5).</summary>
[DbContext(typeof(CrmDbContext))]
[Migration("20261122030000_FigureRules")]
public sealed class FigureRulesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FigureRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                KeyProjectThresholdYuan = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                FulfilmentRequiresLanding = table.Column<bool>(nullable: false),
                FulfilmentByVerifiedFunds = table.Column<bool>(nullable: false),
                FulfilmentByConstructionStart = table.Column<bool>(nullable: false),
                FulfilmentByMoveIn = table.Column<bool>(nullable: false),
                ArrivalWindow = table.Column<int>(nullable: false),
                GreenFromPoints = table.Column<decimal>(precision: 7, scale: 2, nullable: false),
                YellowFromPoints = table.Column<decimal>(precision: 7, scale: 2, nullable: false),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_FigureRules", x => x.Id));

        migrationBuilder.CreateIndex("IX_FigureRules_Year", "FigureRules", "Year", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("FigureRules");
}
