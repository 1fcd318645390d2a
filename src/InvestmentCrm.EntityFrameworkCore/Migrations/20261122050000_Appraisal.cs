using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>年度考核: versioned rule sets with their items, runs with scores, line items and the ledger rows behind them (issue 7).</summary>
[DbContext(typeof(CrmDbContext))]
[Migration("20261122050000_Appraisal")]
public sealed class AppraisalMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AppraisalRuleSets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Status = table.Column<int>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                PublishedBy = table.Column<Guid>(nullable: true),
                ExcludedIndustries = table.Column<string>(maxLength: 500, nullable: true),
                ExcludeGovernmentInvestment = table.Column<bool>(nullable: false),
                MinimumProjectYi = table.Column<decimal>(precision: 12, scale: 4, nullable: true),
                LocalOrigin = table.Column<string>(maxLength: 50, nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AppraisalRuleSets", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AppraisalItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RuleSetId = table.Column<Guid>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Subject = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Metric = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Points = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Function = table.Column<int>(nullable: false),
                CapPercent = table.Column<decimal>(precision: 7, scale: 2, nullable: true),
                FloorPercent = table.Column<decimal>(precision: 7, scale: 2, nullable: true),
                ThresholdPercent = table.Column<decimal>(precision: 7, scale: 2, nullable: true),
                FixedTarget = table.Column<decimal>(precision: 20, scale: 4, nullable: true),
                Parameter = table.Column<decimal>(precision: 20, scale: 4, nullable: true),
                MaxPoints = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppraisalItems", x => x.Id);
                table.ForeignKey("FK_AppraisalItems_AppraisalRuleSets_RuleSetId", x => x.RuleSetId, "AppraisalRuleSets", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AppraisalRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RuleSetId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                RuleSetVersion = table.Column<int>(nullable: false),
                RuleSetName = table.Column<string>(maxLength: 100, nullable: false),
                AsOf = table.Column<DateOnly>(nullable: false),
                ComputedAt = table.Column<DateTime>(nullable: false),
                IsFrozen = table.Column<bool>(nullable: false),
                FrozenAt = table.Column<DateTime>(nullable: true),
                FrozenBy = table.Column<Guid>(nullable: true),
                Exclusions = table.Column<string>(maxLength: 4000, nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppraisalRuns", x => x.Id);
                table.ForeignKey("FK_AppraisalRuns_AppraisalRuleSets_RuleSetId", x => x.RuleSetId, "AppraisalRuleSets", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AppraisalScores",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RunId = table.Column<Guid>(nullable: false),
                Subject = table.Column<int>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                DepartmentId = table.Column<Guid>(nullable: true),
                Total = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                Rank = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppraisalScores", x => x.Id);
                table.ForeignKey("FK_AppraisalScores_AppraisalRuns_RunId", x => x.RunId, "AppraisalRuns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AppraisalLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RunId = table.Column<Guid>(nullable: false),
                Subject = table.Column<int>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                ItemId = table.Column<Guid>(nullable: false),
                ItemName = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<int>(nullable: false),
                Metric = table.Column<int>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Value = table.Column<decimal>(precision: 24, scale: 10, nullable: true),
                Target = table.Column<decimal>(precision: 20, scale: 4, nullable: true),
                Inputs = table.Column<string>(maxLength: 1000, nullable: false),
                Formula = table.Column<string>(maxLength: 500, nullable: false),
                Points = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppraisalLines", x => x.Id);
                table.ForeignKey("FK_AppraisalLines_AppraisalRuns_RunId", x => x.RunId, "AppraisalRuns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AppraisalEvidence",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RunId = table.Column<Guid>(nullable: false),
                Subject = table.Column<int>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Metric = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                RecordId = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Credit = table.Column<decimal>(precision: 24, scale: 10, nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppraisalEvidence", x => x.Id);
                table.ForeignKey("FK_AppraisalEvidence_AppraisalRuns_RunId", x => x.RunId, "AppraisalRuns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_AppraisalRuleSets_Year_Version", "AppraisalRuleSets", ["Year", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_AppraisalItems_RuleSetId", "AppraisalItems", "RuleSetId");
        migrationBuilder.CreateIndex("IX_AppraisalRuns_Year", "AppraisalRuns", "Year");
        migrationBuilder.CreateIndex("IX_AppraisalRuns_RuleSetId", "AppraisalRuns", "RuleSetId");
        migrationBuilder.CreateIndex("IX_AppraisalScores_RunId_Subject_SubjectId", "AppraisalScores", ["RunId", "Subject", "SubjectId"], unique: true);
        migrationBuilder.CreateIndex("IX_AppraisalLines_RunId_Subject_SubjectId", "AppraisalLines", ["RunId", "Subject", "SubjectId"]);
        migrationBuilder.CreateIndex("IX_AppraisalEvidence_RunId_Subject_SubjectId", "AppraisalEvidence", ["RunId", "Subject", "SubjectId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "AppraisalEvidence", "AppraisalLines", "AppraisalScores", "AppraisalRuns", "AppraisalItems", "AppraisalRuleSets" })
            migrationBuilder.DropTable(table);
    }
}
