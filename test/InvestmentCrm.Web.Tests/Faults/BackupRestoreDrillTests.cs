using System.Net.Http.Json;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Faults;

/// <summary>
/// Issue 16 (point 15): the restore drill — back up, change data, restore — and every cockpit figure and record count is
/// what it was at backup time.
/// </summary>
[Collection(InvestmentCrm.Web.Tests.Hosting.ConsoleCollection.Name)]
public class BackupRestoreDrillTests
{
    private static async Task<Dictionary<string, int>> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return new()
        {
            ["projects"] = await db.Unscoped.Projects.IgnoreQueryFilters().CountAsync(),
            ["companies"] = await db.Unscoped.Companies.IgnoreQueryFilters().CountAsync(),
            ["contracts"] = await db.Contracts.IgnoreQueryFilters().CountAsync(),
            ["tranches"] = await db.FundsTranches.IgnoreQueryFilters().CountAsync(),
            ["activities"] = await db.Activities.IgnoreQueryFilters().CountAsync(),
            ["users"] = await db.Users.CountAsync(),
            ["audit"] = await db.AuditLogs.CountAsync(),
        };
    }

    private static async Task RunVerbAsync(TestDatabase database, params string[] verb)
    {
        var exit = await CrmHost.RunAsync([.. verb, $"Database:Provider={database.Provider}", $"Database:ConnectionString={database.ConnectionString}",
            "Database:MigrateOnStartup=false", "Logging:LogLevel:Default=None"]);
        exit.ShouldBe(0, string.Join(" ", verb));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Back_up_change_restore_and_every_figure_and_count_is_as_at_backup_time(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var leader = await factory.SignInAsync("leader");
        var head = await factory.SignInAsync("head");
        string[] figures = ["/api/v1/cockpit", "/api/v1/cockpit?year=2025", "/api/v1/figures"];
        async Task<List<string>> FiguresAsync() => [.. await Task.WhenAll(figures.Select(url => leader.GetStringAsync(url)))];

        var atBackup = await FiguresAsync();
        var countsAtBackup = await CountsAsync(factory.Database);
        var file = Path.Combine(Path.GetTempPath(), $"crm-backup-{Guid.NewGuid():N}.{(provider == DatabaseProviders.Sqlite ? "db" : "dump")}");
        try
        {
            await RunVerbAsync(factory.Database, "backup", file);
            File.Exists(file).ShouldBeTrue();

            // Work goes on: a company, a project with a verified tranche.
            (await head.PostAsJsonAsync("/api/v1/companies", new { name = "备份后登记企业有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true }))
                .EnsureSuccessStatusCode();
            var created = await head.PostAsJsonAsync("/api/v1/projects", new { name = "备份后登记项目", type = 1, industry = "金融业/银行", registeredOn = "2026-10-01", plannedDomesticCny = 100_000_000m });
            created.EnsureSuccessStatusCode();
            var project = created.Headers.Location!.OriginalString.Split('/')[^1];
            (await head.PostAsJsonAsync($"/api/v1/projects/{project}/tranches", new { arrivedOn = "2026-10-15", amount = 50_000_000m, currency = "CNY", source = 1, form = 1 }))
                .EnsureSuccessStatusCode();
            (await CountsAsync(factory.Database)).ShouldNotBe(countsAtBackup);

            await RunVerbAsync(factory.Database, "restore", file);

            (await CountsAsync(factory.Database)).ShouldBe(countsAtBackup);
            (await FiguresAsync()).ShouldBe(atBackup);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
