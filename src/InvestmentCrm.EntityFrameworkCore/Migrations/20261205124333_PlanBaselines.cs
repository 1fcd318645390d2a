using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class PlanBaselines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanBaselines",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    FirstYear = table.Column<int>(nullable: false),
                    Metric = table.Column<int>(nullable: false),
                    Value = table.Column<decimal>(precision: 20, scale: 4, nullable: false),
                    Unit = table.Column<string>(maxLength: 20, nullable: false),
                    Source = table.Column<string>(maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanBaselines", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanBaselines_FirstYear_Metric",
                table: "PlanBaselines",
                columns: new[] { "FirstYear", "Metric" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanBaselines");
        }
    }
}
