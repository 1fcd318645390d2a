using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ProjectCreatorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Projects_CreatedBy",
                table: "Projects",
                column: "CreatedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_CreatedBy",
                table: "Projects");
        }
    }
}
