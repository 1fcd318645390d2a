using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class YearPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsMajor",
                table: "ProjectYearFlags",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsPackaged",
                table: "ProjectYearFlags",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedTotalYuan",
                table: "ProjectYearFlags",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedYearYuan",
                table: "ProjectYearFlags",
                precision: 20,
                scale: 2,
                nullable: true);

            // The fill-in default of the new columns is for existing rows only: the model has none (schema drift test).
            if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                migrationBuilder.Sql("""
                    ALTER TABLE "ProjectYearFlags" ALTER COLUMN "IsMajor" DROP DEFAULT;
                    ALTER TABLE "ProjectYearFlags" ALTER COLUMN "IsPackaged" DROP DEFAULT;
                    """);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectYearFlags_Year_IsKeyProject",
                table: "ProjectYearFlags",
                columns: new[] { "Year", "IsKeyProject" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProjectYearFlags_Year_IsKeyProject",
                table: "ProjectYearFlags");

            migrationBuilder.DropColumn(
                name: "IsMajor",
                table: "ProjectYearFlags");

            migrationBuilder.DropColumn(
                name: "IsPackaged",
                table: "ProjectYearFlags");

            migrationBuilder.DropColumn(
                name: "PlannedTotalYuan",
                table: "ProjectYearFlags");

            migrationBuilder.DropColumn(
                name: "PlannedYearYuan",
                table: "ProjectYearFlags");
        }
    }
}
