using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Companies;

/// <summary>
/// PostgreSQL: the share of companies whose search index holds each of its most common terms, as ANALYZE keeps them
/// (<c>pg_stats.most_common_elems</c> of "CompanySearchVector"); a term not listed is rarer than every listed one.
/// A query term of three or more characters is checked as a substring after the index lookup, so the lookup needs only
/// its rarest bigrams: intersecting the posting lists of common ones (销售 is in half the business scopes) was most of a
/// broad query's index time (docs/benchmarks/search.md). One per node, read again after <see cref="Lifetime"/>.
/// </summary>
public sealed class IndexTermShares(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>How many index terms a substring-checked query term looks up.</summary>
    public const int TermsLookedUp = 2;

    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyDictionary<string, double>> GetAsync(DbContext db, CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.ReadAt < Lifetime)
            return current.Shares;
        // The statistics list the lexemes, then three more frequencies (minimum, maximum, empty share); unnest pads the
        // shorter array with nulls.
        var rows = await db.Database.SqlQueryRaw<TermShare>("""
            SELECT u.e AS "Term", u.f::float8 AS "Share"
            FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
            WHERE s.schemaname = current_schema() AND s.tablename = 'Companies' AND s.attname = 'CompanySearchVector' AND u.e IS NOT NULL
            """).ToListAsync(ct);
        var shares = rows.GroupBy(r => r.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.Share), StringComparer.Ordinal);
        _snapshot = new Snapshot(clock.GetUtcNow(), shares);
        return shares;
    }

    /// <summary>The <see cref="TermsLookedUp"/> rarest of a term's index terms, in their order where shares tie.</summary>
    public static IReadOnlyList<(string Term, bool IsPrefix)> Rarest(IReadOnlyList<(string Term, bool IsPrefix)> terms, IReadOnlyDictionary<string, double> shares) =>
        terms.OrderBy(t => shares.GetValueOrDefault(t.Term)).Take(TermsLookedUp).ToList();

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyDictionary<string, double> Shares);

    internal sealed class TermShare
    {
        public string Term { get; init; } = "";
        public double Share { get; init; }
    }
}
