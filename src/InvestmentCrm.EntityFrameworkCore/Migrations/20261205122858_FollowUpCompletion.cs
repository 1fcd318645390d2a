using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpCompletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpDoneOn",
                table: "Activities",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpOutcome",
                table: "Activities",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpDoneOn",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "FollowUpOutcome",
                table: "Activities");
        }
    }
}
