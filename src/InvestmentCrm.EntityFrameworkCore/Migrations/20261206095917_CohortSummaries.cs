using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class CohortSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProjectStageTransitions_ProjectId_EffectiveDate",
                table: "ProjectStageTransitions");

            migrationBuilder.DropIndex(
                name: "IX_ProjectStageTransitions_ToStage_EffectiveDate",
                table: "ProjectStageTransitions");

            migrationBuilder.CreateTable(
                name: "CohortMonthTotals",
                columns: table => new
                {
                    DepartmentId = table.Column<Guid>(nullable: false),
                    CohortYear = table.Column<int>(nullable: false),
                    CohortMonth = table.Column<int>(nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    Source = table.Column<int>(nullable: false),
                    Currency = table.Column<string>(maxLength: 3, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Month = table.Column<int>(nullable: false),
                    AmountCents = table.Column<long>(nullable: false),
                    Records = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortMonthTotals", x => new { x.Kind, x.CohortYear, x.Year, x.Month, x.CohortMonth, x.DepartmentId, x.Source, x.Currency });
                });

            migrationBuilder.CreateTable(
                name: "ProjectSignings",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(nullable: false),
                    Year = table.Column<int>(nullable: false),
                    SignedOn = table.Column<DateOnly>(nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: false),
                    LandedOn = table.Column<DateOnly>(nullable: true),
                    FirstVerifiedFundsOn = table.Column<DateOnly>(nullable: true),
                    ConstructionStartedOn = table.Column<DateOnly>(nullable: true),
                    MovedInOn = table.Column<DateOnly>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectSignings", x => new { x.ProjectId, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStageTransitions_ProjectId_ToStage_EffectiveDate",
                table: "ProjectStageTransitions",
                columns: new[] { "ProjectId", "ToStage", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStageTransitions_ToStage_EffectiveDate_ProjectId",
                table: "ProjectStageTransitions",
                columns: new[] { "ToStage", "EffectiveDate", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Kind_AgreedLandingDate",
                table: "Contracts",
                columns: new[] { "Kind", "AgreedLandingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectSignings_Year_SignedOn",
                table: "ProjectSignings",
                columns: new[] { "Year", "SignedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortMonthTotals");

            migrationBuilder.DropTable(
                name: "ProjectSignings");

            migrationBuilder.DropIndex(
                name: "IX_ProjectStageTransitions_ProjectId_ToStage_EffectiveDate",
                table: "ProjectStageTransitions");

            migrationBuilder.DropIndex(
                name: "IX_ProjectStageTransitions_ToStage_EffectiveDate_ProjectId",
                table: "ProjectStageTransitions");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_Kind_AgreedLandingDate",
                table: "Contracts");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStageTransitions_ProjectId_EffectiveDate",
                table: "ProjectStageTransitions",
                columns: new[] { "ProjectId", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStageTransitions_ToStage_EffectiveDate",
                table: "ProjectStageTransitions",
                columns: new[] { "ToStage", "EffectiveDate" });
        }
    }
}
