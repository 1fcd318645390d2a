using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class SoftDeleteLandingAndMilestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "ProjectMilestones",
                maxLength: 510,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "ProjectMilestones",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeletedBy",
                table: "ProjectMilestones",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDeleted",
                table: "ProjectMilestones",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "LandingEvidence",
                maxLength: 510,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "LandingEvidence",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeletedBy",
                table: "LandingEvidence",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDeleted",
                table: "LandingEvidence",
                nullable: false,
                defaultValue: false);

            // The default only fills the rows already there; the model has none (SQLite cannot drop a default without
            // rebuilding the table, and its schema comparison does not see it).
            if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                migrationBuilder.Sql("""
                    ALTER TABLE "ProjectMilestones" ALTER COLUMN "IsDeleted" DROP DEFAULT;
                    ALTER TABLE "LandingEvidence" ALTER COLUMN "IsDeleted" DROP DEFAULT;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "ProjectMilestones");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "ProjectMilestones");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "ProjectMilestones");

            migrationBuilder.DropColumn(
                name: "IsDeleted",
                table: "ProjectMilestones");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "LandingEvidence");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "LandingEvidence");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "LandingEvidence");

            migrationBuilder.DropColumn(
                name: "IsDeleted",
                table: "LandingEvidence");
        }
    }
}
