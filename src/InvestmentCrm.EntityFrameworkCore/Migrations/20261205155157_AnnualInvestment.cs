using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class AnnualInvestment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectInvestments",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ProjectId = table.Column<Guid>(nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Month = table.Column<int>(nullable: false),
                    CompletedYuan = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    RecordedBy = table.Column<Guid>(nullable: true),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    CorrectionNote = table.Column<string>(maxLength: 510, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectInvestments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectInvestments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectInvestments_ProjectId_Year_Month",
                table: "ProjectInvestments",
                columns: new[] { "ProjectId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectInvestments_Year_Month",
                table: "ProjectInvestments",
                columns: new[] { "Year", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectInvestments");
        }
    }
}
