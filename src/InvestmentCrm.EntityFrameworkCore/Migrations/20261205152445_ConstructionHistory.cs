using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ConstructionHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApprovalItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ProjectId = table.Column<Guid>(nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    Name = table.Column<string>(maxLength: 64, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(nullable: false),
                    DocumentNumber = table.Column<string>(maxLength: 64, nullable: true),
                    CorrectionNote = table.Column<string>(maxLength: 510, nullable: true),
                    IsDeleted = table.Column<bool>(nullable: false),
                    DeletedAt = table.Column<DateTime>(nullable: true),
                    DeletedBy = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalItems_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConstructionEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ProjectId = table.Column<Guid>(nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    EffectiveDate = table.Column<DateOnly>(nullable: false),
                    Evidence = table.Column<string>(maxLength: 200, nullable: true),
                    Reason = table.Column<string>(maxLength: 500, nullable: true),
                    RecordedBy = table.Column<Guid>(nullable: true),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    CorrectionNote = table.Column<string>(maxLength: 510, nullable: true),
                    IsDeleted = table.Column<bool>(nullable: false),
                    DeletedAt = table.Column<DateTime>(nullable: true),
                    DeletedBy = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstructionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConstructionEvents_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DispatchPhaseTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ProjectId = table.Column<Guid>(nullable: false),
                    FromPhase = table.Column<int>(nullable: true),
                    ToPhase = table.Column<int>(nullable: false),
                    EffectiveDate = table.Column<DateOnly>(nullable: false),
                    Reason = table.Column<string>(maxLength: 500, nullable: true),
                    IsOverride = table.Column<bool>(nullable: false),
                    RecordedBy = table.Column<Guid>(nullable: true),
                    RecordedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchPhaseTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DispatchPhaseTransitions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalItems_ProjectId",
                table: "ApprovalItems",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionEvents_ProjectId_EffectiveDate",
                table: "ConstructionEvents",
                columns: new[] { "ProjectId", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchPhaseTransitions_ProjectId",
                table: "DispatchPhaseTransitions",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalItems");

            migrationBuilder.DropTable(
                name: "ConstructionEvents");

            migrationBuilder.DropTable(
                name: "DispatchPhaseTransitions");
        }
    }
}
