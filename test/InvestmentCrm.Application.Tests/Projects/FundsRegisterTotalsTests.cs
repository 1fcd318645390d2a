using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Projects;

/// <summary>Issue 21: a register's count and totals are cached as figures — the reader's own, and fresh after any write.</summary>
public class FundsRegisterTotalsTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Register_totals_are_cached_per_reader_and_fresh_after_a_write(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        using var store = FiguresCache.CreateStore();
        var cache = new FiguresCache(store);

        async Task<(TrancheListDto Tranches, ContractListDto Contracts)> ReadAsync(string userName)
        {
            await using var db = database.CreateContext();
            var scope = await TestScopes.ForAsync(db, userName);
            var register = new FundsRegisterAppService(db, await TestUser.LoadAsync(db, userName), scope, cache);
            return (await register.TranchesAsync(new TrancheListQuery()), await register.ContractsAsync(new ContractListQuery(Kind: null)));
        }

        var leader = await ReadAsync("leader");
        (await ReadAsync("leader")).Tranches.Totals.ShouldBe(leader.Tranches.Totals);
        store.Count.ShouldBe(2, "one entry per register");
        var head = await ReadAsync("head");
        store.Count.ShouldBe(4, "another reader's scope is another entry");

        // Each reader's totals are those of the rows in the reader's scope.
        await using (var db = database.CreateContext())
        {
            await TestScopes.ForAsync(db, "head");
            head.Tranches.Page.Total.ShouldBe(await db.FundsTranches.CountAsync(t => db.Projects.Any(p => p.Id == t.ProjectId)));
            head.Contracts.DomesticTotalCny.ShouldBe(await db.Contracts.Where(c => db.Projects.Any(p => p.Id == c.ProjectId)).SumAsync(c => c.ContractedDomestic.Amount));
            head.Tranches.Page.Total.ShouldBeLessThan(leader.Tranches.Page.Total);
        }

        // A new tranche is in the next read.
        await using (var db = database.CreateContext())
        {
            var project = await db.Projects.FirstAsync(p => p.Name == "韩亚银行东北亚总部");
            db.FundsTranches.Add(new FundsTranche(project.Id, new DateOnly(2026, 11, 20), new Money(3_000_000m, Money.Cny), CapitalSource.Domestic, FundsForm.PaidInCapital, "银行回单"));
            await db.SaveChangesAsync();
        }
        var after = await ReadAsync("leader");
        after.Tranches.Page.Total.ShouldBe(leader.Tranches.Page.Total + 1);
        after.Tranches.Totals.Single(t => t.Currency == Money.Cny).Amount
            .ShouldBe(leader.Tranches.Totals.Single(t => t.Currency == Money.Cny).Amount + 3_000_000m);
    }
}
