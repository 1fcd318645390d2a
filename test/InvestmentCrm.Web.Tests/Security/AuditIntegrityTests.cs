using System.Net.Http.Json;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>
/// Issue 16 (point 13): on PostgreSQL the application runs as a role that may add audit rows but cannot change, delete or
/// un-trigger them; on SQLite a hash chain over the rows and the verify-audit verb report the first broken row.
/// </summary>
[Collection(InvestmentCrm.Web.Tests.Hosting.ConsoleCollection.Name)]
public class AuditIntegrityTests
{
    [Theory, OnPostgres]
    public async Task The_application_role_adds_audit_rows_but_cannot_change_delete_or_untrigger_them(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Empty);
        var owner = database.ConnectionString;
        var application = new NpgsqlConnectionStringBuilder(owner) { Username = "crm_ci_app", Password = "crm_ci_app" }.ConnectionString;
        // The factory owns the database (and drops it when disposed).
        await using var factory = new CrmWebApplicationFactory(database, new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = application,
            ["Database:MigrationConnectionString"] = owner,
            ["Database:MigrateOnStartup"] = "true",
            ["Database:SeedDemoData"] = "true",
        });
        // The application works as its role: signs in (login log) and registers a company (audit log).
        var head = await factory.SignInAsync("head");
        (await head.PostAsJsonAsync("/api/v1/companies", new { name = "角色测试企业有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true }))
            .EnsureSuccessStatusCode();

        await using var connection = new NpgsqlConnection(application);
        await connection.OpenAsync();
        async Task<long> CountAsync(string table)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        (await CountAsync("AuditLogs")).ShouldBeGreaterThan(0);
        (await CountAsync("SecurityLogs")).ShouldBeGreaterThan(0);

        string[] attempts =
        [
            "UPDATE \"AuditLogs\" SET \"UserName\" = 'someone-else'",
            "DELETE FROM \"AuditLogs\"",
            "TRUNCATE \"AuditLogs\"",
            "ALTER TABLE \"AuditLogs\" DISABLE TRIGGER ALL",
            "DROP TRIGGER \"AuditLogs_append_only\" ON \"AuditLogs\"",
            "UPDATE \"SecurityLogs\" SET \"Detail\" = ''",
            "DELETE FROM \"SecurityLogs\"",
            "ALTER TABLE \"SecurityLogs\" DISABLE TRIGGER ALL",
            "DROP TRIGGER \"SecurityLogs_no_truncate\" ON \"SecurityLogs\"",
        ];
        foreach (var sql in attempts)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(), sql)).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(TestDatabase database)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var exit = await CrmHost.RunAsync(["verify-audit", $"Database:ConnectionString={database.ConnectionString}", "Logging:LogLevel:Default=None"]);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task On_SQLite_verify_audit_reports_the_first_changed_or_missing_row()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData);
        await using var factory = new CrmWebApplicationFactory(database);
        var head = await factory.SignInAsync("head");
        for (var i = 0; i < 3; i++)
            (await head.PostAsJsonAsync("/api/v1/companies", new { name = $"链测试企业{i}有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true }))
                .EnsureSuccessStatusCode();
        var (exit, output) = await VerifyAsync(database);
        exit.ShouldBe(0, output);
        output.ShouldContain("审计日志：");
        output.ShouldContain("哈希链完整");

        // Someone with the file drops the append-only trigger and edits one row.
        long edited;
        await using (var db = database.CreateContext())
            edited = await db.AuditLogs.Where(a => a.EntityType == "Company").MinAsync(a => a.ChainIndex!.Value);
        await ExecuteAsync(database, "DROP TRIGGER \"AuditLogs_no_update\"; DROP TRIGGER \"AuditLogs_no_delete\";");
        await ExecuteAsync(database, $"UPDATE \"AuditLogs\" SET \"Changes\" = '{{}}' WHERE \"ChainIndex\" = {edited}");
        (exit, output) = await VerifyAsync(database);
        exit.ShouldBe(2);
        output.ShouldContain($"审计日志：哈希链断裂，首处问题：第 {edited} 条");
        output.ShouldContain("内容与哈希不符");

        // Or removes an earlier one (the end of the chain is checked against the head recorded in the operations log).
        await ExecuteAsync(database, $"DELETE FROM \"AuditLogs\" WHERE \"ChainIndex\" = {edited - 1}");
        (exit, output) = await VerifyAsync(database);
        exit.ShouldBe(2);
        output.ShouldContain($"第 {edited - 1} 条缺失");
    }
}
