using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>
/// Audit and security logs (append-only, enforced by triggers on both providers), the departments of
/// 自定义部门 data scopes, and the owning department of companies and activities.
/// </summary>
[DbContext(typeof(CrmDbContext))]
[Migration("20261122010000_AuditAndDataScope")]
public sealed class AuditAndDataScope : Migration
{
    /// <summary>Rows younger than this are protected by the database; the application's purge uses the same floor.</summary>
    public const int MinimumRetentionDays = 180;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditLogs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                EntityType = table.Column<string>(maxLength: 128, nullable: false),
                EntityId = table.Column<string>(maxLength: 128, nullable: false),
                Action = table.Column<int>(nullable: false),
                Changes = table.Column<string>(nullable: false),
                IpAddress = table.Column<string>(maxLength: 64, nullable: true),
                RequestId = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditLogs", x => x.Id));

        migrationBuilder.CreateTable(
            name: "SecurityLogs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                Detail = table.Column<string>(maxLength: 1000, nullable: true),
                IpAddress = table.Column<string>(maxLength: 64, nullable: true),
                RequestId = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SecurityLogs", x => x.Id));

        migrationBuilder.CreateTable(
            name: "RoleDepartments",
            columns: table => new
            {
                RoleId = table.Column<Guid>(nullable: false),
                DepartmentId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoleDepartments", x => new { x.RoleId, x.DepartmentId });
                table.ForeignKey("FK_RoleDepartments_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoleDepartments_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Cascade);
            });

        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        foreach (var table in new[] { "Companies", "Activities" })
        {
            if (postgres)
            {
                migrationBuilder.AddColumn<Guid>(name: "OwnerDepartmentId", table: table, nullable: true);
                migrationBuilder.AddForeignKey($"FK_{table}_Departments_OwnerDepartmentId", table, "OwnerDepartmentId", "Departments",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            }
            else
            {
                // EF cannot rebuild a SQLite table without a target model; SQLite itself can add a nullable column with its reference.
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ADD \"OwnerDepartmentId\" TEXT NULL REFERENCES \"Departments\" (\"Id\") ON DELETE RESTRICT;");
            }
        }

        migrationBuilder.CreateIndex("IX_AuditLogs_At", "AuditLogs", "At");
        migrationBuilder.CreateIndex("IX_AuditLogs_EntityType_EntityId", "AuditLogs", ["EntityType", "EntityId"]);
        migrationBuilder.CreateIndex("IX_AuditLogs_UserId", "AuditLogs", "UserId");
        migrationBuilder.CreateIndex("IX_SecurityLogs_At", "SecurityLogs", "At");
        migrationBuilder.CreateIndex("IX_SecurityLogs_UserId", "SecurityLogs", "UserId");
        migrationBuilder.CreateIndex("IX_RoleDepartments_DepartmentId", "RoleDepartments", "DepartmentId");
        migrationBuilder.CreateIndex("IX_Companies_OwnerDepartmentId", "Companies", "OwnerDepartmentId");
        migrationBuilder.CreateIndex("IX_Activities_OwnerDepartmentId", "Activities", "OwnerDepartmentId");

        if (postgres)
            migrationBuilder.Sql(PostgresFunction);
        foreach (var table in new[] { "AuditLogs", "SecurityLogs" })
        {
            if (postgres)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}"
                        FOR EACH ROW EXECUTE FUNCTION crm_append_only();
                    CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION crm_append_only();
                    """);
            }
            else
            {
                // Warning for later migrations: a SQLite table rebuild of these tables drops the triggers; recreate them.
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '审计记录只能追加，不能修改'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}"
                    WHEN OLD."At" >= strftime('%Y-%m-%d %H:%M:%S', 'now', '-{MinimumRetentionDays} days')
                    BEGIN SELECT RAISE(ABORT, '审计记录在保留期（{MinimumRetentionDays} 天）内不能删除'); END;
                    """);
            }
        }
    }

    private static readonly string PostgresFunction = $"""
        CREATE FUNCTION crm_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION '审计记录只能追加，不能修改（%）', TG_TABLE_NAME;
            END IF;
            IF TG_OP = 'TRUNCATE' OR OLD."At" >= now() - interval '{MinimumRetentionDays} days' THEN
                RAISE EXCEPTION '审计记录在保留期（{MinimumRetentionDays} 天）内不能删除（%）', TG_TABLE_NAME;
            END IF;
            RETURN OLD;
        END
        $fn$;

        """;

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey("FK_Companies_Departments_OwnerDepartmentId", "Companies");
        migrationBuilder.DropForeignKey("FK_Activities_Departments_OwnerDepartmentId", "Activities");
        migrationBuilder.DropIndex("IX_Companies_OwnerDepartmentId", "Companies");
        migrationBuilder.DropIndex("IX_Activities_OwnerDepartmentId", "Activities");
        migrationBuilder.DropColumn("OwnerDepartmentId", "Companies");
        migrationBuilder.DropColumn("OwnerDepartmentId", "Activities");
        migrationBuilder.DropTable("RoleDepartments");
        migrationBuilder.DropTable("SecurityLogs");
        migrationBuilder.DropTable("AuditLogs");
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS crm_append_only();");
    }
}
