using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class DispatchMeetings : Migration
    {
        /// <summary>Which existing roles get which meeting permission (as Organization/Permissions.cs gives them to new ones).</summary>
        public static readonly (string Permission, string[] Roles)[] Grants =
        [
            ("Meetings.View", ["DistrictLeader", "ResponsibleLeader", "DepartmentHead", "DispatchOffice"]),
            ("Meetings.Manage", ["DispatchOffice"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DispatchMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    Title = table.Column<string>(maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    Place = table.Column<string>(maxLength: 200, nullable: true),
                    ChairId = table.Column<Guid>(nullable: true),
                    Attendees = table.Column<string>(maxLength: 500, nullable: true),
                    Status = table.Column<int>(nullable: false),
                    BulletinSentOn = table.Column<DateOnly>(nullable: true),
                    BulletinRecipients = table.Column<string>(maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<Guid>(nullable: true),
                    UpdatedAt = table.Column<DateTime>(nullable: true),
                    UpdatedBy = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DispatchMeetings_AspNetUsers_ChairId",
                        column: x => x.ChairId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    DispatchMeetingId = table.Column<Guid>(nullable: false),
                    ProjectId = table.Column<Guid>(nullable: false),
                    Position = table.Column<int>(nullable: false),
                    ReporterUserId = table.Column<Guid>(nullable: true),
                    ReporterDepartmentId = table.Column<Guid>(nullable: true),
                    Reasons = table.Column<int>(nullable: false),
                    Minutes = table.Column<string>(maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAgendaItems_AspNetUsers_ReporterUserId",
                        column: x => x.ReporterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingAgendaItems_Departments_ReporterDepartmentId",
                        column: x => x.ReporterDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingAgendaItems_DispatchMeetings_DispatchMeetingId",
                        column: x => x.DispatchMeetingId,
                        principalTable: "DispatchMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingAgendaItems_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    MeetingAgendaItemId = table.Column<Guid>(nullable: false),
                    Text = table.Column<string>(maxLength: 500, nullable: false),
                    ResponsibleDepartmentId = table.Column<Guid>(nullable: true),
                    DueOn = table.Column<DateOnly>(nullable: true),
                    ProjectIssueId = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_Departments_ResponsibleDepartmentId",
                        column: x => x.ResponsibleDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_MeetingAgendaItems_MeetingAgendaItemId",
                        column: x => x.MeetingAgendaItemId,
                        principalTable: "MeetingAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_ProjectIssues_ProjectIssueId",
                        column: x => x.ProjectIssueId,
                        principalTable: "ProjectIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchMeetings_ChairId",
                table: "DispatchMeetings",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchMeetings_Kind_Date",
                table: "DispatchMeetings",
                columns: new[] { "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgendaItems_DispatchMeetingId_ProjectId",
                table: "MeetingAgendaItems",
                columns: new[] { "DispatchMeetingId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgendaItems_ProjectId",
                table: "MeetingAgendaItems",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgendaItems_ReporterDepartmentId",
                table: "MeetingAgendaItems",
                column: "ReporterDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgendaItems_ReporterUserId",
                table: "MeetingAgendaItems",
                column: "ReporterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_MeetingAgendaItemId",
                table: "MeetingDecisions",
                column: "MeetingAgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_ProjectIssueId",
                table: "MeetingDecisions",
                column: "ProjectIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_ResponsibleDepartmentId",
                table: "MeetingDecisions",
                column: "ResponsibleDepartmentId");

            // Existing installations' roles get them too (a new installation gets them with its roles at start).
            ProjectIssues.GrantTo(migrationBuilder, Grants);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingDecisions");

            migrationBuilder.DropTable(
                name: "MeetingAgendaItems");

            migrationBuilder.DropTable(
                name: "DispatchMeetings");
        }
    }
}
