using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainAndRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChainHash",
                table: "SecurityLogs",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainIndex",
                table: "SecurityLogs",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChainHash",
                table: "AuditLogs",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainIndex",
                table: "AuditLogs",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityLogs_ChainIndex",
                table: "SecurityLogs",
                column: "ChainIndex");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLogs_ChainIndex",
                table: "AuditLogs",
                column: "ChainIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SecurityLogs_ChainIndex",
                table: "SecurityLogs");

            migrationBuilder.DropIndex(
                name: "IX_AuditLogs_ChainIndex",
                table: "AuditLogs");

            migrationBuilder.DropColumn(
                name: "ChainHash",
                table: "SecurityLogs");

            migrationBuilder.DropColumn(
                name: "ChainIndex",
                table: "SecurityLogs");

            migrationBuilder.DropColumn(
                name: "ChainHash",
                table: "AuditLogs");

            migrationBuilder.DropColumn(
                name: "ChainIndex",
                table: "AuditLogs");
        }
    }
}
