using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Workbench;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Workbench;

public class WorkbenchAppServiceTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Counts_projects_per_stage_and_sums_only_verified_funds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();

        var summary = await new WorkbenchAppService(db, await TestScopes.ForAsync(db, "leader")).GetSummaryAsync();

        var expectedCounts = await db.Projects.GroupBy(p => p.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        summary.Stages.Select(s => s.Stage).ShouldBe(
            [ProjectStage.Reserve, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Landed, ProjectStage.Funded, ProjectStage.Suspended, ProjectStage.Terminated]);
        summary.Stages.ShouldAllBe(s => s.Count == expectedCounts.GetValueOrDefault(s.Stage));
        summary.Stages[0].Stage.ToDisplay().ShouldBe("储备");
        summary.TotalProjects.ShouldBe(expectedCounts.Values.Sum());

        // Seed: 2012 cohort 8 × 1.25 + 华为 3.5 + 华润中心 8 + 中铁 6 + 豪邦 2.4 = 29.9 亿元, 2025: 7.6 亿元, 2026: 31.2 亿元
        // verified; 华为's 2 亿元 of September 2026 and 基金广场二期's 0.8 亿元 of November are still pending. 外资: 1200 + 500 + 300 万美元, and one tranche in HKD.
        summary.VerifiedDomesticCny.ShouldBe(Money.YiYuan(68.7m).Amount);
        summary.VerifiedForeignUsd.ShouldBe(Money.WanDollars(2000m).Amount);
        summary.VerifiedForeignNotInUsd.ShouldBe(1);
        summary.PendingTranches.ShouldBe(2);
        summary.FormalContracts.ShouldBe(await db.Contracts.CountAsync(c => c.Kind == ContractKind.FormalInvestment));
        summary.RecentActivities[0].Date.ShouldBe(new DateOnly(2026, 11, 12));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_rejected_tranche_does_not_count(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var before = (await new WorkbenchAppService(db, await TestScopes.ForAsync(db, "leader")).GetSummaryAsync()).VerifiedDomesticCny;

        var tranche = await db.FundsTranches.FirstAsync(t => t.Verification == VerificationStatus.Pending);
        var assessor = await db.Users.SingleAsync(u => u.UserName == "assessor");
        tranche.Reject(assessor.Id, new DateOnly(2026, 11, 20), "凭证不全");
        await db.SaveChangesAsync();

        var after = await new WorkbenchAppService(db, await TestScopes.ForAsync(db, "leader")).GetSummaryAsync();
        after.VerifiedDomesticCny.ShouldBe(before);
        after.PendingTranches.ShouldBe(1);
    }

    /// <summary>Issue 21: the home page is cached as the cockpit is, and a write is in the next read all the same.</summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task The_cached_summary_is_served_until_a_write_and_is_fresh_after_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        using var store = InvestmentCrm.Figures.FiguresCache.CreateStore();
        var cache = new InvestmentCrm.Figures.FiguresCache(store);
        var first = await new WorkbenchAppService(db, await TestScopes.ForAsync(db, "leader"), cache).GetSummaryAsync();
        (await new WorkbenchAppService(db, await TestScopes.ForAsync(db, "leader"), cache).GetSummaryAsync()).ShouldBeSameAs(first);
        store.Count.ShouldBe(1);

        var tranche = await db.FundsTranches.FirstAsync(t => t.Verification == VerificationStatus.Pending);
        var assessor = await db.Users.SingleAsync(u => u.UserName == "assessor");
        tranche.Verify(assessor.Id, new DateOnly(2026, 11, 20));
        await db.SaveChangesAsync();

        var after = await new WorkbenchAppService(db, await TestScopes.ForAsync(db, "leader"), cache).GetSummaryAsync();
        after.ShouldNotBeSameAs(first);
        after.PendingTranches.ShouldBe(first.PendingTranches - 1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Foreign_funds_in_another_currency_are_counted_apart_never_added_as_dollars(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var project = await db.Projects.FirstAsync(p => p.Name == "韩亚银行东北亚总部");
        var assessor = await db.Users.SingleAsync(u => u.UserName == "assessor");
        var tranche = new FundsTranche(project.Id, new DateOnly(2026, 10, 8), new Money(5_000_000m, "KRW"), CapitalSource.Foreign, FundsForm.PaidInCapital, "外汇登记");
        tranche.Verify(assessor.Id, new DateOnly(2026, 10, 18));
        db.FundsTranches.Add(tranche);
        await db.SaveChangesAsync();

        var summary = await new WorkbenchAppService(db, await TestScopes.ForAsync(db, "leader")).GetSummaryAsync();
        summary.VerifiedForeignUsd.ShouldBe(Money.WanDollars(2000m).Amount);
        summary.VerifiedForeignNotInUsd.ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_empty_database_shows_zeros_not_errors(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        await using var db = database.CreateContext();
        var summary = await new WorkbenchAppService(db, TestScopes.Resolved(db, new TestUser(Guid.NewGuid(), "nobody", null))).GetSummaryAsync();
        summary.TotalProjects.ShouldBe(0);
        summary.VerifiedDomesticCny.ShouldBe(0m);
        summary.RecentActivities.ShouldBeEmpty();
    }
}
