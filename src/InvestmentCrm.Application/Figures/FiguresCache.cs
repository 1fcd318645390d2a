using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace InvestmentCrm.Figures;

/// <summary>
/// Computed cockpits, kept in memory and keyed by the database's data version (renewed in the same transaction
/// as every write), the reader's data scope and the request's parameters. A hit costs one read of one row;
/// any saved change makes every older entry unreachable, on every node, so a cached figure is never stale.
/// </summary>
public sealed class FiguresCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<T> GetOrComputeAsync<T>(ICrmDbContext db, ReaderScope scope, string key, Func<Task<T>> compute, CancellationToken ct)
        where T : class
    {
        var version = await db.DataVersions.AsNoTracking().Select(v => v.Stamp).FirstOrDefaultAsync(ct);
        // Non-全部 scopes include the user's own projects, so they are cached per user.
        var reader = scope.Key;
        var fullKey = (typeof(T), version, reader, key);
        if (cache.TryGetValue(fullKey, out T? hit) && hit is not null)
            return hit;
        var value = await compute();
        cache.Set(fullKey, value, Lifetime);
        return value;
    }
}
