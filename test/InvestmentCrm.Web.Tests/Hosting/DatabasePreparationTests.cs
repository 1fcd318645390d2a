using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>Start-up and the maintenance verbs against real, empty databases.</summary>
[Collection(ConsoleCollection.Name)]
public class DatabasePreparationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Starting_against_an_empty_database_migrates_and_seeds_it(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Empty);
        await using var factory = new CrmWebApplicationFactory(database, new Dictionary<string, string>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["Database:SeedDemoData"] = "true",
        });

        var client = await factory.SignInAsync("officer");
        (await client.GetStringAsync("/")).ShouldContain("华为吉林区域总部");

        await using var db = database.CreateContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Projects.CountAsync()).ShouldBeGreaterThan(20);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public async Task Demo_data_is_seeded_on_start_only_in_Development_unless_asked_for(string environment, bool seeded)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.Empty);
        await using var factory = new CrmWebApplicationFactory(database, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "true" })
        {
            Environment = environment,
            SeedByEnvironment = true,
        };
        _ = factory.Services; // starts the host, which prepares the database

        await using var db = database.CreateContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Roles.AnyAsync()).ShouldBeTrue("every installation gets the system roles");
        (await db.Projects.AnyAsync()).ShouldBe(seeded);
        (await db.Users.AnyAsync()).ShouldBe(seeded, "no demo account with a known password outside Development");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_migrate_and_seed_verbs_prepare_an_empty_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Empty);
        string[] config = [$"Database:Provider={provider}", $"Database:ConnectionString={database.ConnectionString}", "Logging:LogLevel:Default=None"];

        var (migrateExit, migrated) = await RunAsync(["migrate", .. config]);
        migrateExit.ShouldBe(0);
        migrated.ShouldContain("已应用 31 个迁移：20261122000000_Initial, 20261122010000_AuditAndDataScope, 20261122020000_MilestonesAndAttachments, 20261122030000_FigureRules, 20261122040000_DataVersion, 20261122050000_Appraisal, 20261122060000_CompanySearch, 20261122070000_FigureSummaries, 20261205092122_GeneratedBaseline, 20261205122858_FollowUpCompletion, 20261205123435_FundsReviews, 20261205124333_PlanBaselines, 20261205131044_CorrectionNotes, 20261205132247_SoftDeleteLandingAndMilestones, 20261205142135_AccountSafeguards, 20261205145258_AuditChainAndRoles, 20261205152445_ConstructionHistory, 20261205153225_YearPool, 20261205155157_AnnualInvestment, 20261205171416_ConstructionFacts, 20261205174759_ProjectIssues, 20261205181706_DispatchMeetings, 20261205195304_MeetingBulletins, 20261205223310_ApiTokens, 20261206022811_CompanyKindIndex, 20261206043417_CompanyCreatorIndex, 20261206053215_TrancheArrivalIndex, 20261206064642_ProjectCreatorIndex, 20261206075025_CompanySearchVector, 20261206095917_CohortSummaries, 20261206121411_CompanySearchParts");
        (await RunAsync(["migrate", .. config])).Output.ShouldContain("数据库已是最新");

        var (seedExit, seeded) = await RunAsync(["seed", .. config]);
        seedExit.ShouldBe(0);
        seeded.ShouldContain("已写入演示数据");
        (await RunAsync(["seed", .. config])).Output.ShouldContain("数据库中已有数据，未写入演示数据");
    }

    [Fact]
    public async Task Migrate_script_prints_an_idempotent_script_for_PostgreSql()
    {
        var (exit, script) = await RunAsync(["migrate", "--script", "Database:Provider=PostgreSql", "Database:ConnectionString=Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x", "Logging:LogLevel:Default=None"]);
        exit.ShouldBe(0);
        script.ShouldContain("CREATE TABLE \"Projects\"");
        script.ShouldContain("IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261122000000_Initial')");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            return (await CrmHost.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
