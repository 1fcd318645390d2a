using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class MeetingBulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DispatchMeetings_Kind_Date",
                table: "DispatchMeetings");

            migrationBuilder.CreateTable(
                name: "MeetingAttendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    DispatchMeetingId = table.Column<Guid>(nullable: false),
                    UserId = table.Column<Guid>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAttendees_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingAttendees_DispatchMeetings_DispatchMeetingId",
                        column: x => x.DispatchMeetingId,
                        principalTable: "DispatchMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingBulletins",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    DispatchMeetingId = table.Column<Guid>(nullable: false),
                    SentOn = table.Column<DateOnly>(nullable: false),
                    Recipients = table.Column<string>(maxLength: 500, nullable: false),
                    Document = table.Column<byte[]>(nullable: false),
                    Workbook = table.Column<byte[]>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingBulletins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingBulletins_DispatchMeetings_DispatchMeetingId",
                        column: x => x.DispatchMeetingId,
                        principalTable: "DispatchMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingLinkedIssues",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    DispatchMeetingId = table.Column<Guid>(nullable: false),
                    ProjectIssueId = table.Column<Guid>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingLinkedIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingLinkedIssues_DispatchMeetings_DispatchMeetingId",
                        column: x => x.DispatchMeetingId,
                        principalTable: "DispatchMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingLinkedIssues_ProjectIssues_ProjectIssueId",
                        column: x => x.ProjectIssueId,
                        principalTable: "ProjectIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchMeetings_Kind_Date",
                table: "DispatchMeetings",
                columns: new[] { "Kind", "Date" },
                unique: true,
                filter: "\"Kind\" <> 2");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendees_DispatchMeetingId_UserId",
                table: "MeetingAttendees",
                columns: new[] { "DispatchMeetingId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendees_UserId",
                table: "MeetingAttendees",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingBulletins_DispatchMeetingId",
                table: "MeetingBulletins",
                column: "DispatchMeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingLinkedIssues_DispatchMeetingId_ProjectIssueId",
                table: "MeetingLinkedIssues",
                columns: new[] { "DispatchMeetingId", "ProjectIssueId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingLinkedIssues_ProjectIssueId",
                table: "MeetingLinkedIssues",
                column: "ProjectIssueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingAttendees");

            migrationBuilder.DropTable(
                name: "MeetingBulletins");

            migrationBuilder.DropTable(
                name: "MeetingLinkedIssues");

            migrationBuilder.DropIndex(
                name: "IX_DispatchMeetings_Kind_Date",
                table: "DispatchMeetings");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchMeetings_Kind_Date",
                table: "DispatchMeetings",
                columns: new[] { "Kind", "Date" });
        }
    }
}
