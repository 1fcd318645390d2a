using System.Text.Json;
using InvestmentCrm.Auditing;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Auditing;

public class AuditTrailTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Editing_a_project_writes_one_audit_row_with_exactly_the_changed_fields(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var setup = database.CreateContext();
        var leader = await TestUser.LoadAsync(setup, "leader");
        var project = await setup.Projects.AsNoTracking().SingleAsync(p => p.Name == "华为吉林区域总部");
        var before = await setup.AuditLogs.CountAsync();

        await using (var db = database.CreateContext(user: leader))
        {
            var service = new ProjectAppService(db, TestScopes.Resolved(db, leader));
            (await service.UpdateAsync(project.Id, new ProjectUpdateDto("华为吉林区域总部（一期）", project.Type, project.Industry, project.TargetLocation,
                project.SourceChannel, 25_0000_0000m, project.ConcurrencyStamp, project.PlannedForeign.Amount, project.PlannedForeign.Currency, project.IsGreenChannel, null))).ShouldBeTrue();
        }

        await using var read = database.CreateContext();
        // The seed's own "created" row is there too; the edit adds exactly one row.
        var rows = await read.AuditLogs.Where(a => a.EntityId == project.Id.ToString() && a.Action != AuditAction.Created).ToListAsync();
        rows.Count.ShouldBe(1);
        (await read.AuditLogs.CountAsync()).ShouldBe(before + 1);
        var row = rows[0];
        (row.EntityType, row.Action, row.UserId, row.UserName, row.IpAddress, row.RequestId).ShouldBe(
            ("Project", AuditAction.Updated, leader.UserId, "leader", "127.0.0.1", "test-request"));
        row.At.ShouldBe(TestClock.Default.UtcDateTime);

        var changes = JsonDocument.Parse(row.Changes).RootElement;
        changes.EnumerateObject().Select(p => p.Name).ShouldBe(["Name", "PlannedDomestic.Amount"], ignoreOrder: true);
        changes.GetProperty("Name")[0].GetString().ShouldBe("华为吉林区域总部");
        changes.GetProperty("Name")[1].GetString().ShouldBe("华为吉林区域总部（一期）");
        changes.GetProperty("PlannedDomestic.Amount")[0].GetDecimal().ShouldBe(20_0000_0000m);
        changes.GetProperty("PlannedDomestic.Amount")[1].GetDecimal().ShouldBe(25_0000_0000m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Creating_and_deleting_are_audited_too(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        var company = new InvestmentCrm.Companies.Company("长春审计测试有限公司", InvestmentCrm.Companies.CompanyNature.Private);
        await using (var db = database.CreateContext())
        {
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            db.Companies.Remove(company);
            await db.SaveChangesAsync();
        }
        await using var read = database.CreateContext();
        var actions = await read.AuditLogs.Where(a => a.EntityId == company.Id.ToString()).OrderBy(a => a.Action).Select(a => a.Action).ToListAsync();
        actions.ShouldBe([AuditAction.Created, AuditAction.Deleted]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_database_refuses_to_change_or_delete_audit_rows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        (await db.AuditLogs.CountAsync()).ShouldBeGreaterThan(0);
        (await db.SecurityLogs.CountAsync()).ShouldBe(0);
        db.SecurityLogs.Add(new SecurityLog(TestClock.Default.UtcDateTime, SecurityEvent.LoginSucceeded, null, "officer", null, null, null));
        await db.SaveChangesAsync();

        // Plain SQL, as someone with database access would try it (constant table names, no input).
        string[] tampering =
        [
            "UPDATE \"AuditLogs\" SET \"UserName\" = 'tampered'", "DELETE FROM \"AuditLogs\"",
            "UPDATE \"SecurityLogs\" SET \"UserName\" = 'tampered'", "DELETE FROM \"SecurityLogs\"",
        ];
        foreach (var sql in tampering)
        {
            var refused = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));
            refused.Message.ShouldContain(sql.StartsWith("UPDATE", StringComparison.Ordinal) ? "审计记录只能追加，不能修改" : "保留期");
        }
        (await db.AuditLogs.CountAsync(a => a.UserName == "tampered")).ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_retention_purge_is_the_only_deletion_and_is_itself_logged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using (var old = database.CreateContext(clock))
        {
            // Rows from long ago (the database's own clock decides what is protected).
            old.AuditLogs.Add(new AuditLog(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), null, "old", "Project", "x", AuditAction.Updated, "{}", null, null));
            old.SecurityLogs.Add(new SecurityLog(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), SecurityEvent.LoginFailed, null, "old", null, null, null));
            old.AuditLogs.Add(new AuditLog(clock.GetUtcNow().UtcDateTime.AddDays(-10), null, "recent", "Project", "y", AuditAction.Updated, "{}", null, null));
            await old.SaveChangesAsync();
        }

        await using var db = database.CreateContext(clock);
        var service = new AuditLogAppService(db, new TestUser(null, "auditor", null), clock);
        await Should.ThrowAsync<DomainException>(() => service.PurgeAsync(90));
        (await service.PurgeAsync(180)).ShouldBe(2);

        (await db.AuditLogs.Select(a => a.UserName).ToListAsync()).ShouldBe(["recent"]);
        var purge = await db.SecurityLogs.SingleAsync();
        purge.Kind.ShouldBe(SecurityEvent.AuditPurged);
        purge.Detail!.ShouldContain("审计日志 1 条，登录日志 1 条");
    }
}
