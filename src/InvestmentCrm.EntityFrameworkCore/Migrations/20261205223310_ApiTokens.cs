using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ApiTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsIntegration",
                table: "AspNetUsers",
                nullable: false,
                defaultValue: false);

            // The fill-in default is for existing users only: the model has none (schema drift test).
            if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                migrationBuilder.Sql("""
                    ALTER TABLE "AspNetUsers" ALTER COLUMN "IsIntegration" DROP DEFAULT;
                    """);

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    AccountId = table.Column<Guid>(nullable: false),
                    Prefix = table.Column<string>(maxLength: 32, nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(nullable: false),
                    PermitsPerMinute = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<Guid>(nullable: true),
                    RevokedAt = table.Column<DateTime>(nullable: true),
                    RevokedBy = table.Column<Guid>(nullable: true),
                    LastUsedAt = table.Column<DateTime>(nullable: true),
                    LastUsedFrom = table.Column<string>(maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_AccountId",
                table: "ApiTokens",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropColumn(
                name: "IsIntegration",
                table: "AspNetUsers");
        }
    }
}
