using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class FundsReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FundsReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Year = table.Column<int>(nullable: false),
                    TrancheId = table.Column<Guid>(nullable: false),
                    Included = table.Column<bool>(nullable: false),
                    Reason = table.Column<string>(maxLength: 500, nullable: false),
                    DecidedBy = table.Column<Guid>(nullable: false),
                    DecidedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundsReviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundsReviews_Year_TrancheId",
                table: "FundsReviews",
                columns: new[] { "Year", "TrancheId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundsReviews");
        }
    }
}
