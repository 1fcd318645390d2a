using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace InvestmentCrm.Application.Tests.Figures;

public class FiguresCacheTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_cache_keeps_no_more_cockpits_than_its_bound(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        using var store = FiguresCache.CreateStore(maxEntries: 2);
        var cache = new FiguresCache(store);
        await using var db = database.CreateContext();
        var computed = 0;
        for (var i = 0; i < 5; i++)
            await cache.GetOrComputeAsync(db, ReaderScope.Everything, $"key-{i}", () => { computed++; return Task.FromResult(new object()); }, default);
        computed.ShouldBe(5);
        store.Count.ShouldBeLessThanOrEqualTo(2);
        // What was not kept is computed again, not lost.
        await cache.GetOrComputeAsync(db, ReaderScope.Everything, "key-4", () => { computed++; return Task.FromResult(new object()); }, default);
        computed.ShouldBeLessThanOrEqualTo(6);
    }

    /// <summary>Issue 21: readers who miss at once wait for the one computation; if it fails, each computes for itself.</summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task Readers_missing_at_once_share_one_computation_and_compute_alone_when_it_fails(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        using var store = FiguresCache.CreateStore();
        var cache = new FiguresCache(store);
        var computed = 0;
        var gate = new TaskCompletionSource();

        async Task<object> ReadAsync(string key, bool fail)
        {
            await using var db = database.CreateContext();
            return await cache.GetOrComputeAsync(db, ReaderScope.Everything, key, async () =>
            {
                Interlocked.Increment(ref computed);
                await gate.Task;
                return fail ? throw new InvalidOperationException("数据库中断") : new object();
            }, default);
        }

        var readers = Enumerable.Range(0, 10).Select(_ => Task.Run(() => ReadAsync("shared", fail: false))).ToList();
        await Task.Delay(500);
        gate.SetResult();
        var values = await Task.WhenAll(readers);
        computed.ShouldBe(1);
        values.Distinct().ShouldHaveSingleItem();

        // The first reader's computation fails: it sees the failure, the others compute for themselves.
        computed = 0;
        gate = new TaskCompletionSource();
        var failing = Task.Run(() => ReadAsync("failing", fail: true));
        await Task.Delay(300);
        var waiting = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            return await cache.GetOrComputeAsync(db, ReaderScope.Everything, "failing", () => { Interlocked.Increment(ref computed); return Task.FromResult(new object()); }, default);
        })).ToList();
        await Task.Delay(300);
        gate.SetResult();
        await Should.ThrowAsync<InvalidOperationException>(failing);
        (await Task.WhenAll(waiting)).ShouldAllBe(v => v != null);
        computed.ShouldBeGreaterThan(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_cached_cockpit_is_served_until_any_data_changes_and_never_across_data_scopes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        using var memory = FiguresCache.CreateStore();
        var cache = new FiguresCache(memory);

        async Task<CockpitDto> CockpitAsync(string userName)
        {
            await using var db = database.CreateContext();
            var user = await TestUser.LoadAsync(db, userName);
            return await FigureServices.For(db, user, cache: cache).Cockpit.GetCockpitAsync(2026, null, null);
        }

        var first = await CockpitAsync("leader");
        (await CockpitAsync("leader")).ShouldBeSameAs(first); // the second request is a hit
        first.Figures[Figure.DomesticFunds].Value.ShouldBe(31.2m);

        // Another reader never gets the leader's entry: the head of 商务局 sees 商务局's projects only.
        (await CockpitAsync("head")).Figures[Figure.DomesticFunds].Value.ShouldBe(7.2m);

        // A tranche verified after the first read is in the next read.
        await using (var db = database.CreateContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Name == "邮储银行吉林省分行营运中心");
            await new FigureScenario(db).ArriveAsync(project, new DateOnly(2026, 11, 2), Money.YiYuan(1m));
        }
        var after = await CockpitAsync("leader");
        after.ShouldNotBeSameAs(first);
        after.Figures[Figure.DomesticFunds].Value.ShouldBe(32.2m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_data_version_changes_with_every_saved_change_and_only_then(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        async Task<Guid> VersionAsync()
        {
            await using var db = database.CreateContext();
            return await db.DataVersions.Select(v => v.Stamp).SingleAsync();
        }

        var before = await VersionAsync();
        before.ShouldNotBe(Guid.Empty); // the demo data was written through the same SaveChanges

        await using (var db = database.CreateContext())
        {
            await db.SaveChangesAsync(); // nothing changed
        }
        (await VersionAsync()).ShouldBe(before);

        await using (var db = database.CreateContext())
        {
            var rate = await db.ExchangeRates.FirstAsync();
            db.ExchangeRates.Remove(rate);
            await db.SaveChangesAsync();
        }
        (await VersionAsync()).ShouldNotBe(before);
    }
}
