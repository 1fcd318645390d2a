using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>Milestones of the dispatch phases and project attachments (issue 4).</summary>
[DbContext(typeof(CrmDbContext))]
[Migration("20261122020000_MilestonesAndAttachments")]
public sealed class MilestonesAndAttachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProjectMilestones",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Phase = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                PlannedDate = table.Column<DateOnly>(nullable: false),
                ActualDate = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectMilestones", x => x.Id);
                table.ForeignKey("FK_ProjectMilestones_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Category = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 128, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                StoredName = table.Column<string>(maxLength: 64, nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                IsDeleted = table.Column<bool>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attachments", x => x.Id);
                table.ForeignKey("FK_Attachments_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ProjectMilestones_ProjectId", "ProjectMilestones", "ProjectId");
        migrationBuilder.CreateIndex("IX_ProjectMilestones_PlannedDate", "ProjectMilestones", "PlannedDate");
        migrationBuilder.CreateIndex("IX_Attachments_ProjectId", "Attachments", "ProjectId");
        migrationBuilder.CreateIndex("IX_Attachments_StoredName", "Attachments", "StoredName", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Attachments");
        migrationBuilder.DropTable("ProjectMilestones");
    }
}
