using System.Collections.Concurrent;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace InvestmentCrm.Figures;

/// <summary>
/// Computed cockpits, kept in memory and keyed by the database's data version (renewed in the same transaction
/// as every write), the reader's data scope and the request's parameters. A hit costs one read of one row;
/// any saved change makes every older entry unreachable, on every node, so a cached figure is never stale.
/// The cache is bounded (<see cref="MaxEntries"/>, each entry counted as one): a busy day of many readers and versions
/// cannot grow the host's memory without limit; what does not fit is computed again.
public sealed class FiguresCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The most cockpits kept (a cockpit is a few KB; 2,000 of them a few MB).</summary>
    public const int MaxEntries = 2_000;

    /// <summary>The cache's own store, bounded by <see cref="MaxEntries"/> (the host's shared memory cache stays unbounded for others).</summary>
    public static MemoryCache CreateStore(int maxEntries = MaxEntries) => new(new MemoryCacheOptions { SizeLimit = maxEntries });

    /// <summary>Computations under way, by key: a reader who misses while another computes the same entry awaits that one.</summary>
    private readonly ConcurrentDictionary<object, Task<object>> _inFlight = new();

    public async Task<T> GetOrComputeAsync<T>(ICrmDbContext db, ReaderScope scope, string key, Func<Task<T>> compute, CancellationToken ct)
        where T : class
    {
        var version = await db.DataVersions.AsNoTracking().Select(v => v.Stamp).FirstOrDefaultAsync(ct);
        // Non-全部 scopes include the user's own projects, so they are cached per user.
        var reader = scope.Key;
        var fullKey = (typeof(T), version, reader, key);
        if (cache.TryGetValue(fullKey, out T? hit) && hit is not null)
            return hit;

        // One computation per entry: when fifty people open the cockpit after a change, one computes and the others wait
        // for it instead of running the same statements fifty times (docs/benchmarks/load.md). Should that one fail or be
        // cancelled, each waiting reader computes for itself.
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inFlight.GetOrAdd(fullKey, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return (T)await running.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                return await compute();
            }
        }
        try
        {
            var value = await compute();
            cache.Set(fullKey, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
            mine.SetResult(value);
            return value;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            _ = mine.Task.Exception; // observed here: the waiting readers compute for themselves
            throw;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<object, Task<object>>(fullKey, mine.Task));
        }
    }
}

public static class FiguresCacheExtensions
{
    /// <summary>The cached value for the reader's scope, or the computed one where no cache is given (tests, benchmarks).</summary>
    public static async Task<T> CachedAsync<T>(this FiguresCache? cache, ICrmDbContext db, DataScope scope, string key, Func<Task<T>> compute,
        CancellationToken ct) where T : class =>
        cache is null ? await compute() : await cache.GetOrComputeAsync(db, await scope.GetRulesAsync(ct), key, compute, ct);
}
