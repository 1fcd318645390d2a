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
        var service = new AuditLogAppService(db, new TestUser(null, "auditor", null), clock, new AuditLogReader(db, clock));
        await Should.ThrowAsync<DomainException>(() => service.PurgeAsync(90));
        (await service.PurgeAsync(180)).ShouldBe(2);

        (await db.AuditLogs.Select(a => a.UserName).ToListAsync()).ShouldBe(["recent"]);
        var purge = await db.SecurityLogs.SingleAsync();
        purge.Kind.ShouldBe(SecurityEvent.AuditPurged);
        purge.Detail!.ShouldContain("审计日志 1 条，登录日志 1 条");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_log_reads_in_chinese_with_names_labels_and_beijing_time(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var setup = database.CreateContext();
        var leader = await TestUser.LoadAsync(setup, "leader");
        var project = await setup.Projects.AsNoTracking().SingleAsync(p => p.Name == "华为吉林区域总部");
        var zone = await setup.Departments.SingleAsync(d => d.Code == "NG-SWJ");
        var clock = new TestClock(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero)); // 01:30 on the 23rd in Beijing

        await using (var db = database.CreateContext(clock, leader))
        {
            TestScopes.Resolved(db, leader);
            var tracked = await db.Projects.SingleAsync(p => p.Id == project.Id);
            tracked.LeadDepartmentId = zone.Id;
            tracked.MoveTo(ProjectStage.Suspended, new DateOnly(2026, 11, 22), clock.UtcNow(), leader.UserId, "投资方调整计划");
            tracked.IsGreenChannel = !tracked.IsGreenChannel;
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext(clock);
        var service = new AuditLogAppService(read, new TestUser(null, "auditor", null), clock, new AuditLogReader(read, clock));
        var rows = (await service.ListAsync(new AuditQuery(PageSize: 20))).Items;
        var edit = rows.First(r => r.EntityType == "Project" && r.Action == AuditAction.Updated);
        edit.At.ShouldBe(new DateTime(2026, 11, 23, 1, 30, 0));
        edit.Who.ShouldBe("李明");
        edit.Entity.ShouldBe("招商项目");
        edit.Record.ShouldBe("华为吉林区域总部");
        var formerLead = await read.Departments.Where(d => d.Id == project.LeadDepartmentId).Select(d => d.Name).SingleAsync();
        edit.Changes.ShouldContain(new AuditChangeDto("招引单位", formerLead, "商务局"));
        edit.Changes.Single(c => c.Field == "阶段").New.ShouldBe("暂停");
        edit.Changes.Single(c => c.Field == "绿色通道").New.ShouldBeOneOf("是", "否");
        var transition = rows.First(r => r.EntityType == "ProjectStageTransition");
        transition.Entity.ShouldBe("阶段变更");
        transition.Record.ShouldBe("华为吉林区域总部");
        transition.Changes.Single(c => c.Field == "登记人").New.ShouldBe("李明");
        transition.Changes.Single(c => c.Field == "新阶段").New.ShouldBe("暂停");

        // Nothing in a row reads as code: no GUIDs, no English field names.
        foreach (var row in rows)
            foreach (var change in row.Changes)
            {
                change.Field.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", $"{row.EntityType} field");
                (change.New ?? "").ShouldNotMatch(@"^[0-9a-f]{8}-[0-9a-f]{4}-", $"{row.EntityType}.{change.Field}");
            }
        (await service.EntityTypesAsync()).ShouldContain(("Project", "招商项目"));

        var export = new MemoryStream();
        await service.ExportAsync(new AuditQuery(), export);
        var sheet = XlsxWorkbook.Read(export.ToArray()).Rows();
        sheet[0].ShouldBe(["时间（北京时间）", "用户", "对象", "记录", "操作", "变更内容", "IP", "请求编号"]);
        sheet.Skip(1).ShouldContain(r => (string)r[5]! == string.Join("；", edit.Changes.Select(AuditLogReader.Describe)) && (string)r[1]! == "李明");
    }

    [Fact]
    public async Task Every_audited_field_has_a_chinese_name()
    {
        await using var database = await TestDatabase.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite, TestDatabaseContent.Empty);
        await using var db = database.CreateContext();
        string[] notAudited = ["ConcurrencyStamp", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "PasswordHash", "SecurityStamp", "Hash"];
        string[] notAuditedTypes = ["AuditLog", "SecurityLog", "DataVersion", "IdentityUserToken`1", "IdentityUserLogin`1", "FundsMonthTotal", "StageMonthCount", "ProjectFigureFacts", "CohortMonthTotal", "ProjectSigning", "UserSession", "PasswordHistoryEntry", "MeetingBulletin"];
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !notAuditedTypes.Contains(e.ClrType.Name)))
        {
            if (!AuditVocabulary.Entities.ContainsKey(entity.ClrType.Name))
                missing.Add(entity.ClrType.Name);
            var fields = entity.GetProperties().Where(p => !p.IsShadowProperty() || p.IsForeignKey()).Select(p => p.Name)
                .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => $"{c.Name}.{p.Name}")));
            missing.AddRange(fields.Where(f => !notAudited.Contains(f) && AuditVocabulary.FieldLabel(entity.ClrType.Name, f) is null).Select(f => $"{entity.ClrType.Name}.{f}"));
        }
        missing.ShouldBeEmpty();
    }
}
