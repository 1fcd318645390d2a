using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ProjectIssues : Migration
    {
        /// <summary>Which existing roles get which problem permission (as Organization/Permissions.cs gives them to new ones).</summary>
        public static readonly (string Permission, string[] Roles)[] Grants =
        [
            ("Issues.View", ["DistrictLeader", "ResponsibleLeader", "DepartmentHead", "Officer", "Assessor", "DispatchOffice"]),
            ("Issues.Raise", ["ResponsibleLeader", "DepartmentHead", "Officer", "DispatchOffice"]),
            ("Issues.Handle", ["DepartmentHead", "DispatchOffice"]),
            ("Issues.Dispatch", ["DispatchOffice"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProjectIssueId",
                table: "Attachments",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GreenChannelServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ProjectId = table.Column<Guid>(nullable: false),
                    Item = table.Column<int>(nullable: false),
                    Detail = table.Column<string>(maxLength: 200, nullable: true),
                    ResponsibleDepartmentId = table.Column<Guid>(nullable: false),
                    RequestedOn = table.Column<DateOnly>(nullable: false),
                    DueOn = table.Column<DateOnly>(nullable: false),
                    DoneOn = table.Column<DateOnly>(nullable: true),
                    ReliefYuan = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                    IsDeleted = table.Column<bool>(nullable: false),
                    DeletedAt = table.Column<DateTime>(nullable: true),
                    DeletedBy = table.Column<Guid>(nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<Guid>(nullable: true),
                    UpdatedAt = table.Column<DateTime>(nullable: true),
                    UpdatedBy = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GreenChannelServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GreenChannelServices_Departments_ResponsibleDepartmentId",
                        column: x => x.ResponsibleDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GreenChannelServices_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssueCategoryRoutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Category = table.Column<int>(nullable: false),
                    TaskForceDepartmentId = table.Column<Guid>(nullable: true),
                    ResponseDays = table.Column<int>(nullable: false),
                    DueDays = table.Column<int>(nullable: false),
                    EscalateAfterDays = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueCategoryRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueCategoryRoutes_Departments_TaskForceDepartmentId",
                        column: x => x.TaskForceDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssueKeywords",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Keyword = table.Column<string>(maxLength: 64, nullable: false),
                    Category = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueKeywords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectIssues",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ProjectId = table.Column<Guid>(nullable: false),
                    Title = table.Column<string>(maxLength: 200, nullable: false),
                    Description = table.Column<string>(maxLength: 2000, nullable: false),
                    Category = table.Column<int>(nullable: false),
                    PhaseWhenRaised = table.Column<int>(nullable: true),
                    RaisedAs = table.Column<int>(nullable: false),
                    OnBehalfOfCompany = table.Column<bool>(nullable: false),
                    RaisedOn = table.Column<DateOnly>(nullable: false),
                    RaisedBy = table.Column<Guid>(nullable: false),
                    AssignedDepartmentId = table.Column<Guid>(nullable: false),
                    AssignedOn = table.Column<DateOnly>(nullable: false),
                    ResponseDueOn = table.Column<DateOnly>(nullable: false),
                    DueOn = table.Column<DateOnly>(nullable: false),
                    Status = table.Column<int>(nullable: false),
                    AcceptedOn = table.Column<DateOnly>(nullable: true),
                    SolvedOn = table.Column<DateOnly>(nullable: true),
                    Solution = table.Column<string>(maxLength: 2000, nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(nullable: true),
                    ConfirmedBy = table.Column<Guid>(nullable: true),
                    ClosedOn = table.Column<DateOnly>(nullable: true),
                    EscalatedTo = table.Column<int>(nullable: true),
                    EscalatedOn = table.Column<DateOnly>(nullable: true),
                    EscalatedAutomatically = table.Column<bool>(nullable: false),
                    CoordinationParties = table.Column<string>(maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<Guid>(nullable: true),
                    UpdatedAt = table.Column<DateTime>(nullable: true),
                    UpdatedBy = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectIssues_AspNetUsers_RaisedBy",
                        column: x => x.RaisedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectIssues_Departments_AssignedDepartmentId",
                        column: x => x.AssignedDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectIssues_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectIssueSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ProjectIssueId = table.Column<Guid>(nullable: false),
                    Sequence = table.Column<int>(nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    On = table.Column<DateOnly>(nullable: false),
                    By = table.Column<Guid>(nullable: true),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    Note = table.Column<string>(maxLength: 2000, nullable: true),
                    DepartmentId = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectIssueSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectIssueSteps_ProjectIssues_ProjectIssueId",
                        column: x => x.ProjectIssueId,
                        principalTable: "ProjectIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ProjectIssueId",
                table: "Attachments",
                column: "ProjectIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_GreenChannelServices_ProjectId_RequestedOn",
                table: "GreenChannelServices",
                columns: new[] { "ProjectId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GreenChannelServices_ResponsibleDepartmentId",
                table: "GreenChannelServices",
                column: "ResponsibleDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueCategoryRoutes_Category",
                table: "IssueCategoryRoutes",
                column: "Category",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssueCategoryRoutes_TaskForceDepartmentId",
                table: "IssueCategoryRoutes",
                column: "TaskForceDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueKeywords_Keyword",
                table: "IssueKeywords",
                column: "Keyword",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectIssues_AssignedDepartmentId_Status",
                table: "ProjectIssues",
                columns: new[] { "AssignedDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectIssues_ProjectId",
                table: "ProjectIssues",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectIssues_RaisedBy",
                table: "ProjectIssues",
                column: "RaisedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectIssues_RaisedOn",
                table: "ProjectIssues",
                column: "RaisedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectIssues_Status_DueOn",
                table: "ProjectIssues",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectIssueSteps_ProjectIssueId_Sequence",
                table: "ProjectIssueSteps",
                columns: new[] { "ProjectIssueId", "Sequence" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_ProjectIssues_ProjectIssueId",
                table: "Attachments",
                column: "ProjectIssueId",
                principalTable: "ProjectIssues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The keywords an installation starts with (IssueRouting.DefaultKeywords; editable on 交办规则 afterwards).
            var keywords = InvestmentCrm.ProjectIssues.IssueRouting.DefaultKeywords;
            var rows = new object[keywords.Count, 3];
            for (var k = 0; k < keywords.Count; k++)
            {
                rows[k, 0] = new Guid($"0193a0f0-0000-7000-8000-{k:D12}");
                rows[k, 1] = keywords[k].Keyword;
                rows[k, 2] = (int)keywords[k].Category;
            }
            migrationBuilder.InsertData("IssueKeywords", ["Id", "Keyword", "Category"], rows);

            // The problem permissions for the roles an installation already has (a new one gets them with its roles at start,
            // Seeding/SystemRolesSeeder.cs); the same SQL on both providers.
            GrantTo(migrationBuilder, Grants);
        }

        /// <summary>Adds a permission to the named roles that lack it; the same SQL on both providers.</summary>
        internal static void GrantTo(MigrationBuilder migrationBuilder, (string Permission, string[] Roles)[] grants)
        {
            foreach (var (permission, roles) in grants)
                migrationBuilder.Sql($"""
                    INSERT INTO "AspNetRoleClaims" ("RoleId", "ClaimType", "ClaimValue")
                    SELECT r."Id", 'crm:permission', '{permission}' FROM "AspNetRoles" AS r
                    WHERE r."Name" IN ({string.Join(", ", roles.Select(role => $"'{role}'"))})
                      AND NOT EXISTS (SELECT 1 FROM "AspNetRoleClaims" AS c WHERE c."RoleId" = r."Id" AND c."ClaimType" = 'crm:permission' AND c."ClaimValue" = '{permission}');
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_ProjectIssues_ProjectIssueId",
                table: "Attachments");

            migrationBuilder.DropTable(
                name: "GreenChannelServices");

            migrationBuilder.DropTable(
                name: "IssueCategoryRoutes");

            migrationBuilder.DropTable(
                name: "IssueKeywords");

            migrationBuilder.DropTable(
                name: "ProjectIssueSteps");

            migrationBuilder.DropTable(
                name: "ProjectIssues");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_ProjectIssueId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "ProjectIssueId",
                table: "Attachments");
        }
    }
}
