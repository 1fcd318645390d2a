using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>
/// Summary rows of verified funds and stage entries per 招引单位 and month, and each project's 履约 dates, which the
/// 全部-scope figures read (issue 5, docs/benchmarks cold cockpit). <see cref="DatabaseMigrator"/> fills them from the detail right after this migration.
/// </summary>
[DbContext(typeof(CrmDbContext))]
[Migration(Id)]
public sealed class FigureSummariesMigration : Migration
{
    public const string Id = "20261122070000_FigureSummaries";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FundsMonthTotals",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                DepartmentId = table.Column<Guid>(nullable: false),
                Source = table.Column<int>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                AmountCents = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FundsMonthTotals", x => new { x.Year, x.Month, x.DepartmentId, x.Source, x.Currency }));

        migrationBuilder.CreateTable(
            name: "StageMonthCounts",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                DepartmentId = table.Column<Guid>(nullable: false),
                Stage = table.Column<int>(nullable: false),
                Entered = table.Column<int>(nullable: false),
                Reached = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StageMonthCounts", x => new { x.Year, x.Month, x.DepartmentId, x.Stage }));

        migrationBuilder.CreateTable(
            name: "ProjectFigureFacts",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                DepartmentId = table.Column<Guid>(nullable: false),
                LandedOn = table.Column<DateOnly>(nullable: true),
                FirstVerifiedFundsOn = table.Column<DateOnly>(nullable: true),
                ConstructionStartedOn = table.Column<DateOnly>(nullable: true),
                MovedInOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ProjectFigureFacts", x => x.ProjectId));

        // 履约 asks per cohort project whether a verified tranche arrived by a date: the index answers it alone.
        migrationBuilder.DropIndex("IX_FundsTranches_ProjectId", "FundsTranches");
        migrationBuilder.CreateIndex("IX_FundsTranches_ProjectId_Verification_ArrivedOn", "FundsTranches", ["ProjectId", "Verification", "ArrivedOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_FundsTranches_ProjectId_Verification_ArrivedOn", "FundsTranches");
        migrationBuilder.CreateIndex("IX_FundsTranches_ProjectId", "FundsTranches", "ProjectId");
        migrationBuilder.DropTable("ProjectFigureFacts");
        migrationBuilder.DropTable("StageMonthCounts");
        migrationBuilder.DropTable("FundsMonthTotals");
    }
}
