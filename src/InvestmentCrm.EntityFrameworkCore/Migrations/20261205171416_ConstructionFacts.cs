using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ConstructionFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "BuildAcceptedOn",
                table: "ProjectFigureFacts",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BuildStartedOn",
                table: "ProjectFigureFacts",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BuildSuspendedOn",
                table: "ProjectFigureFacts",
                nullable: true);

            // Fill the new facts of the projects already built on (the same SQL on both providers); later saves keep them.
            foreach (var (column, kind) in new[] { ("BuildStartedOn", 1), ("BuildSuspendedOn", 2), ("BuildAcceptedOn", 4) })
                migrationBuilder.Sql($"""
                    UPDATE "ProjectFigureFacts" SET "{column}" = (SELECT MIN(e."EffectiveDate") FROM "ConstructionEvents" AS e
                        WHERE e."ProjectId" = "ProjectFigureFacts"."ProjectId" AND e."Kind" = {kind} AND NOT e."IsDeleted");
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BuildAcceptedOn",
                table: "ProjectFigureFacts");

            migrationBuilder.DropColumn(
                name: "BuildStartedOn",
                table: "ProjectFigureFacts");

            migrationBuilder.DropColumn(
                name: "BuildSuspendedOn",
                table: "ProjectFigureFacts");
        }
    }
}
