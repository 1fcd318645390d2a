using System.Diagnostics;
using InvestmentCrm.Authorization;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.EntityFrameworkCore.Companies;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Benchmarks;

/// <summary>
/// One search as the web host runs it (a new DbContext per request, data scope, ranked page of 20, capped count and
/// facets), and the baseline: the same text found by an unindexed <c>LIKE '%…%'</c> scan over the name, aliases and
/// business scope, with its count.
/// </summary>
internal static class SearchCases
{
    public sealed record Timing(double P50, double P95, int Samples, int MedianCount);

    public static async Task<Timing> AppAsync(TestDatabase database, Guid leader, IReadOnlyList<string> queries, Func<string, CompanySearchRequest> request, int runs = 3)
    {
        var times = new List<double>();
        var counts = new List<int>();
        // As the host's AddDbContext does: options built once on the node's connection, a new DbContext per request, the
        // node's one statistics of the index terms.
        var options = PersistenceServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<CrmDbContext>(), database.Provider, database.NodeConnectionString);
        var termShares = new IndexTermShares(TimeProvider.System);
        var contextOptions = (DbContextOptions<CrmDbContext>)options.Options;
        foreach (var query in queries)
        {
            await RunAsync(query); // warm-up: first planning of this shape
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var count = await RunAsync(query);
                times.Add(watch.Elapsed.TotalMilliseconds);
                counts.Add(count);
            }
        }
        return Summarise(times, counts);

        async Task<int> RunAsync(string text)
        {
            var user = new TestUser(leader, "bench", null);
            await using var db = new CrmDbContext(contextOptions, TimeProvider.System, user);
            var result = await new DatabaseCompanySearch(db, TestScopes.Resolved(db, user), termShares: termShares).SearchAsync(request(text));
            return result.Count;
        }
    }

    public static async Task<Timing> BaselineAsync(TestDatabase database, IReadOnlyList<string> queries)
    {
        var times = new List<double>();
        var counts = new List<int>();
        foreach (var query in queries)
        {
            var pattern = "%" + query.Split(' ')[0] + "%";
            await using var db = database.CreateNodeContext();
            var watch = Stopwatch.StartNew();
            // concat keeps the scan unindexed on both providers (pg_trgm would otherwise serve LIKE on the name).
            var count = database.Provider == DatabaseProviders.PostgreSql
                ? await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "Companies" WHERE concat_ws(' ', "Name", "Aliases", "BusinessScope", "CreditCode") LIKE {0}""", pattern).SingleAsync()
                : await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM "Companies" WHERE ("Name" || ' ' || coalesce("Aliases", '') || ' ' || coalesce("BusinessScope", '') || ' ' || coalesce("CreditCode", '')) LIKE {0}""", pattern).SingleAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            counts.Add(count);
        }
        return Summarise(times, counts);
    }

    private static Timing Summarise(List<double> times, List<int> counts)
    {
        times.Sort();
        counts.Sort();
        return new Timing(times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times.Count, counts[counts.Count / 2]);
    }
}
