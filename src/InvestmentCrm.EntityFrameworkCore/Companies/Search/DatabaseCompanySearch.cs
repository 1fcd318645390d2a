using System.Text;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Companies;

/// <summary>
/// Company search in the database (docs/architecture.md). The provider finds the matching rows through its index, and the
/// data scope and the facet filters apply in the same statement, over the companies the reader may see, so an
/// out-of-scope company never reaches a hit, a count or a facet; the capped count, the facets, the ranking and the keyset
/// page are then taken from those rows.
/// </summary>
/// <param name="countCap">The count cap; tests lower it to reach the bounded path with a few rows.</param>
/// <param name="termShares">The node's statistics of the index terms (PostgreSQL); without it, each search reads them.</param>
public sealed class DatabaseCompanySearch(CrmDbContext db, DataScope scope, int countCap = CompanySearchResult.CountCap, IndexTermShares? termShares = null) : ICompanySearch
{
    private readonly IndexTermShares _termShares = termShares ?? new IndexTermShares(db.Clock);

    public const int MaxPageSize = 100;
    /// <summary>Names starting with a broad query, added to its bounded matches so that they can rank first.</summary>
    private const int PrefixCandidates = 50;

    public async Task<CompanySearchResult> SearchAsync(CompanySearchRequest request, CancellationToken ct = default)
    {
        var query = CompanyQuery.Parse(request.Text);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var after = CompanySearchCursor.Decode(request.After);

        var first = query.Terms.Count > 0 ? query.Terms[0] : "";
        var code = query.Code;
        var companies = Filter(await scope.CompaniesAsync(ct), request);
        IQueryable<Company> candidates;
        IQueryable<Company>? prefixed = null;
        var byCode = code is not null && query.Terms.Count == 1;
        var facetTerms = FacetTerms(request);
        if (query.Terms.Count == 0 && facetTerms.Count == 0)
            candidates = companies;
        else if (byCode)
            candidates = companies.Where(c => c.CreditCode == code); // the unique index; nothing else can outrank it
        else
        {
            // The index finds the rows and the scope and facets filter those same rows, in one statement. Bounded
            // (docs/architecture.md): a query matching more than the count cap is ranked among the first matches, plus the
            // names that start with it, so “华为” still puts 华为… first among a million companies.
            // With 全部 and no facet the filters remove nothing, so the index reads can stop at the cap; a narrower
            // scope or a facet filters first (bounding before them would lose matches they keep).
            var bounded = (await scope.GetRulesAsync(ct)).All && request is { Industry: null, Nature: null, Tag: null, Origin: null };
            candidates = Filter(await scope.CompaniesAsync(await MatchesAsync(query.Terms, facetTerms, bounded, ct), ct), request).Take(countCap + 1);
            if (query.Terms.Count == 1)
                prefixed = NameStartsWith(companies, first).Take(PrefixCandidates);
        }

        if (query.Terms.Count > 0 && !byCode)
            return await TextSearchAsync(candidates, prefixed, query, after, pageSize, request.WithFacets, ct);

        // A credit code finds one company at most: its page is its count, no facets to show.
        var facetRows = (request.WithFacets || after is null) && !byCode
            ? await candidates.Take(countCap + 1).Select(c => new FacetRow(c.Nature, c.Industry, c.Origin, c.Tags)).ToListAsync(ct)
            : null;

        // Without text the order is the name's (its index serves it).
        var ordered = candidates.OrderBy(c => c.Name).ThenBy(c => c.Id).AsQueryable();
        if (after is not null)
        {
            var (name, id) = (after.Name, after.Id);
            ordered = ordered.Where(c => string.Compare(c.Name, name) > 0 || (c.Name == name && c.Id.CompareTo(id) > 0));
        }
        var rank = byCode ? (int)MatchRank.CreditCode : (int)MatchRank.OtherText;
        var page = await ordered
            .Take(pageSize + 1)
            .Select(c => new PageRow(c.Id, c.Name, c.Aliases, c.CreditCode, c.Nature, c.Industry, c.Origin, c.Tags, c.IsStrategicInvestor, c.Kind,
                c.IsBlacklisted, c.LegalPerson, c.Address, c.BusinessScope, rank, 0))
            .ToListAsync(ct);

        var more = page.Count > pageSize;
        if (more)
            page.RemoveAt(page.Count - 1);
        var last = page.LastOrDefault();
        var next = more && last is not null ? new CompanySearchCursor(last.Rank, last.Length, last.Name, last.Id).Encode() : null;
        var count = byCode ? page.Count : facetRows?.Count ?? 0;
        return new CompanySearchResult(
            page.Select(p => ToHit(p, query.Terms)).ToList(),
            Math.Min(count, countCap),
            count > countCap,
            next,
            facetRows is null || !request.WithFacets ? CompanyFacets.None : Facets(facetRows.Take(countCap).ToList()));
    }

    /// <summary>
    /// A text query in one pass over its matches (at most the cap; past it, also the names that start with the query, so
    /// “华为” still puts 华为… first among a million): their rank keys and facet fields are read once, and the count, the
    /// facets, the order and the keyset page come from those rows; then only the page's companies are read in full.
    /// Reading the matches twice — for count and facets, then for the ranked page — was half of a broad query's time
    /// (docs/benchmarks/search.md).
    /// </summary>
    private async Task<CompanySearchResult> TextSearchAsync(IQueryable<Company> candidates, IQueryable<Company>? prefixed, CompanyQuery query,
        CompanySearchCursor? after, int pageSize, bool withFacets, CancellationToken ct)
    {
        var matches = await Keys(candidates, query).ToListAsync(ct);
        var capped = matches.Count > countCap;
        var rows = capped && prefixed is not null
            ? matches.Concat(await Keys(prefixed, query).ToListAsync(ct)).DistinctBy(r => r.Id)
            : matches;
        var ordered = rows.Order(KeyOrder.Instance);
        var page = (after is null ? ordered : ordered.Where(r => KeyOrder.Instance.Compare(r, new KeyRow(after.Id, after.Name, after.Rank, after.Length)) > 0))
            .Take(pageSize + 1).ToList();
        var more = page.Count > pageSize;
        if (more)
            page.RemoveAt(page.Count - 1);

        var ids = page.Select(k => k.Id).ToList();
        var details = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new PageRow(c.Id, c.Name, c.Aliases, c.CreditCode, c.Nature, c.Industry, c.Origin, c.Tags, c.IsStrategicInvestor, c.Kind,
                c.IsBlacklisted, c.LegalPerson, c.Address, c.BusinessScope, 0, 0))
            .ToDictionaryAsync(c => c.Id, ct);
        var hits = page.Where(k => details.ContainsKey(k.Id))
            .Select(k => ToHit(details[k.Id] with { Rank = k.Rank, Length = k.Length }, query.Terms)).ToList();
        var last = page.LastOrDefault();
        var next = more && last is not null ? new CompanySearchCursor(last.Rank, last.Length, last.Name, last.Id).Encode() : null;
        return new CompanySearchResult(hits, Math.Min(matches.Count, countCap), capped, next,
            withFacets ? Facets([.. matches.Take(countCap).Select(r => new FacetRow(r.Nature, r.Industry, r.Origin, r.Tags))]) : CompanyFacets.None);
    }

    /// <summary>Each match's rank keys (how it matches the first term, then the shorter name) and its facet fields.</summary>
    private static IQueryable<KeyRow> Keys(IQueryable<Company> companies, CompanyQuery query)
    {
        var first = query.Terms[0];
        var code = query.Code;
        return companies.Select(c => new KeyRow(c.Id, c.Name,
            code != null && c.CreditCode == code ? 0
                : c.Name == first || ("、" + c.Aliases + "、").Contains("、" + first + "、") ? 1
                : c.Name.StartsWith(first) || ("、" + c.Aliases).Contains("、" + first) ? 2
                : c.Name.Contains(first) || c.Aliases!.Contains(first) ? 3
                : 4,
            c.Name.Length)
        {
            Nature = c.Nature,
            Industry = c.Industry,
            Origin = c.Origin,
            Tags = c.Tags,
        });
    }

    public async Task<IReadOnlyList<Guid>> CandidatesAsync(string text, int max, CancellationToken ct = default)
    {
        var query = CompanyQuery.Parse(text);
        if (query.Terms.Count == 0)
            return [];
        // The whole district's names (the duplicate check), so the data-scope filter is left.
        return await (await MatchesAsync(query.Terms, [], bounded: false, ct)).IgnoreQueryFilters([InvestmentCrm.Authorization.QueryFilters.DataScope]).OrderBy(c => c.Name.Length).Take(max).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>An index range on SQLite (binary order); pg_trgm serves an anchored LIKE on PostgreSQL.</summary>
    private IQueryable<Company> NameStartsWith(IQueryable<Company> companies, string prefix)
    {
        if (db.Database.IsNpgsql())
        {
            var pattern = Escape(prefix) + "%";
            return companies.Where(c => EF.Functions.Like(c.Name, pattern, "\\"));
        }
        var end = prefix + '\uffff';
        return companies.Where(c => string.Compare(c.Name, prefix) >= 0 && string.Compare(c.Name, end) < 0);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>The companies whose text contains every term, as the provider's index finds them.</summary>
    /// <param name="bounded">Read at most the count cap (plus one) of rows from the index: only when no scope filter follows.</param>
    /// <param name="facetTerms">Facet values as index terms: the index narrows to them too, the exact facet filter follows.</param>
    private async Task<IQueryable<Company>> MatchesAsync(IReadOnlyList<string> terms, IReadOnlyList<string> facetTerms, bool bounded, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? PostgreSqlMatches(terms, facetTerms, bounded, await _termShares.GetAsync(db, ct))
            : SqliteMatches(terms, facetTerms, bounded);

    /// <summary>
    /// The chosen facets as terms of the index (industry, tag and origin are in the indexed text, the nature is its own
    /// word): a facet then narrows the index lookup instead of filtering every row that matched the text.
    /// </summary>
    private static List<string> FacetTerms(CompanySearchRequest request) =>
        new[] { request.Industry, request.Tag, request.Origin, request.Nature is { } n ? CompanySearchIndex.NatureTerm(n) : null }
            .Where(t => !string.IsNullOrWhiteSpace(t) && SearchTerms.Query(t).Count > 0).Select(t => t!.Trim()).ToList();

    private static IQueryable<Company> Filter(IQueryable<Company> companies, CompanySearchRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Industry))
        {
            var industry = request.Industry.Trim();
            var below = industry + "/";
            companies = companies.Where(c => c.Industry == industry || c.Industry!.StartsWith(below));
        }
        if (request.Nature is { } nature)
            companies = companies.Where(c => c.Nature == nature);
        if (!string.IsNullOrWhiteSpace(request.Tag))
        {
            var tag = "、" + request.Tag.Trim() + "、";
            companies = companies.Where(c => ("、" + c.Tags + "、").Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(request.Origin))
        {
            var origin = request.Origin.Trim();
            companies = companies.Where(c => c.Origin == origin);
        }
        return companies;
    }

    /// <summary>SQLite: trigram phrase for terms of three or more characters, bigram terms for shorter ones (FTS5).</summary>
    private IQueryable<Company> SqliteMatches(IReadOnlyList<string> terms, IReadOnlyList<string> facetTerms, bool bounded)
    {
        var sql = new StringBuilder("""SELECT c.* FROM "Companies" c WHERE c."Id" IN (SELECT k."CompanyId" FROM "CompanySearchKeys" k WHERE 1 = 1""");
        var parameters = new List<object>();
        foreach (var (term, isFacet) in terms.Select(t => (t, false)).Concat(facetTerms.Select(t => (t, true))))
        {
            var (table, expression) = CompanyQuery.Length(term) >= 3 && !isFacet
                ? ("CompanySearchTrigrams", Quote(term))
                : ("CompanySearchBigrams", string.Join(" AND ", SearchTerms.Query(term).Select(t => Quote(t.Term) + (t.IsPrefix ? " *" : ""))));
            sql.Append($"""
                 AND k."Key" IN (SELECT rowid FROM "{table}" WHERE "{table}" MATCH {Placeholder(parameters.Count)})
                """);
            parameters.Add(expression);
        }
        sql.Append(bounded ? $" LIMIT {countCap + 1})" : ")");
        return db.Companies.FromSqlRaw(sql.ToString(), parameters.ToArray());

        static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// PostgreSQL: the GIN index of the bigram terms (the stored tsvector "CompanySearchVector", a generated column: migration
    /// CompanySearchVector; in four parts: migration CompanySearchParts) finds every company whose text holds all bigrams of a term; a term
    /// of three or more characters is then checked as a substring of the name, the aliases or the other text, so its
    /// lookup takes only its rarest bigrams (<see cref="IndexTermShares"/>). (One
    /// bitmap scan and a recheck: an OR with the names' pg_trgm indexes made PostgreSQL recheck each row three ways,
    /// six times slower; pg_trgm serves the anchored name prefix and the duplicate check.)
    /// </summary>
    private IQueryable<Company> PostgreSqlMatches(IReadOnlyList<string> terms, IReadOnlyList<string> facetTerms, bool bounded, IReadOnlyDictionary<string, double> shares)
    {
        var sql = new StringBuilder();
        var parameters = new List<object>();
        foreach (var (term, isFacet) in terms.Select(t => (t, false)).Concat(facetTerms.Select(t => (t, true))))
        {
            var q = parameters.Count;
            var checkedAsSubstring = CompanyQuery.Length(term) >= 3 && !isFacet;
            var indexTerms = checkedAsSubstring ? IndexTermShares.Rarest(SearchTerms.Query(term), shares) : SearchTerms.Query(term);
            parameters.Add(string.Join(" & ", indexTerms.Select(t => $"'{t.Term}'" + (t.IsPrefix ? ":*" : ""))));
            sql.Append($"""
                 AND c."CompanySearchVector" @@ {Placeholder(q)}::tsquery
                """);
            if (checkedAsSubstring)
            {
                var like = Placeholder(parameters.Count);
                parameters.Add("%" + Escape(term) + "%");
                // A term without cased letters (Chinese, digits) matches the same rows by LIKE, which skips lower-casing each
                // row's text: a third of a broad query's recheck (docs/benchmarks/search.md).
                var op = HasCase(term) ? "ILIKE" : "LIKE";
                sql.Append($"""
                     AND (c."Name" {op} {like} OR c."Aliases" {op} {like}
                      OR concat_ws(' | ', c."CreditCode", c."Tags", c."Industry", c."Origin", c."LegalPerson", c."Address", c."BusinessScope") {op} {like})
                    """);
            }
        }
        // The index is in parts (CompanySearchIndex.Parts). A bounded read takes them one after another and stops in the first
        // that fills the cap: a part's bitmap holds a quarter of a broad query's matches (docs/benchmarks/search.md). Any
        // other read names every part in one condition: one table, so the planner may start from a narrow scope's few
        // companies and check each (a union there made it read every match first: 1.6 → 700 ms, docs/benchmarks/load.md).
        var conditions = sql.ToString();
        var parts = Enumerable.Range(0, CompanySearchIndex.Parts).Select(part => $"{CompanySearchIndex.PartOf("c")} = {part}").ToList();
        var text = bounded
            ? string.Join(" UNION ALL ", parts.Select(part => $"""SELECT c.* FROM "Companies" c WHERE {part}{conditions}""")) + $" LIMIT {countCap + 1}"
            : $"""SELECT c.* FROM "Companies" c WHERE ({string.Join(" OR ", parts)}){conditions}""";
        return db.Companies.FromSqlRaw(text, parameters.ToArray());
    }

    private static bool HasCase(string term) => term.ToLowerInvariant() != term.ToUpperInvariant();

    /// <summary>A parameter placeholder of <c>FromSqlRaw</c> ({0}, {1} …).</summary>
    private static string Placeholder(int index) => "{" + index + "}";

    private static CompanySearchHit ToHit(PageRow p, IReadOnlyList<string> terms)
    {
        var aliases = (p.Aliases ?? "").Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<TextPart>? matched = null;
        if (terms.Count > 0 && !Highlighter.Contains(p.Name, terms))
        {
            var alias = aliases.FirstOrDefault(a => Highlighter.Contains(a, terms));
            var other = alias ?? new[] { p.CreditCode?.Value, p.Tags, p.Industry, p.Origin, p.LegalPerson, p.Address, p.BusinessScope }
                .FirstOrDefault(t => Highlighter.Contains(t, terms));
            if (other is not null)
                matched = alias is not null ? Highlighter.Parts((alias == other ? "曾用名/简称：" : "") + other, terms) : Highlighter.Excerpt(other, terms);
        }
        return new CompanySearchHit(p.Id, p.Name, Highlighter.Parts(p.Name, terms), aliases, p.CreditCode?.Value, p.Nature.ToDisplay(), p.Industry, p.Origin,
            CompanyTags.Split(p.Tags), p.IsStrategicInvestor, p.Kind == CompanyKind.Intermediary, p.IsBlacklisted, (MatchRank)p.Rank, matched);
    }

    private static CompanyFacets Facets(List<FacetRow> rows) => new(
        Count(rows.Where(r => r.Industry is not null).Select(r => r.Industry!.Split('/')[0]), v => v),
        Count(rows.Select(r => r.Nature.ToString()), v => Enum.Parse<CompanyNature>(v).ToDisplay()),
        Count(rows.SelectMany(r => CompanyTags.Split(r.Tags)), v => v),
        Count(rows.Where(r => r.Origin is not null).Select(r => r.Origin!), v => v));

    private static List<FacetCount> Count(IEnumerable<string> values, Func<string, string> label) =>
        values.GroupBy(v => v).Select(g => new FacetCount(g.Key, label(g.Key), g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(12).ToList();

    private sealed record FacetRow(CompanyNature Nature, string? Industry, string? Origin, string? Tags);

    private sealed record PageRow(Guid Id, string Name, string? Aliases, CreditCode? CreditCode, CompanyNature Nature, string? Industry, string? Origin,
        string? Tags, bool IsStrategicInvestor, CompanyKind Kind, bool IsBlacklisted, string? LegalPerson, string? Address, string? BusinessScope, int Rank, int Length);

    /// <summary>A match's rank keys and facet fields (the facets are read with the keys, not again).</summary>
    private sealed record KeyRow(Guid Id, string Name, int Rank, int Length)
    {
        public CompanyNature Nature { get; init; }
        public string? Industry { get; init; }
        public string? Origin { get; init; }
        public string? Tags { get; init; }
    }

    /// <summary>Rank, then shorter names, then the name and the id: the order of the hits and of the keyset cursor alike.</summary>
    private sealed class KeyOrder : IComparer<KeyRow>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(KeyRow? x, KeyRow? y)
        {
            if (x is null || y is null)
                return x is null ? (y is null ? 0 : -1) : 1;
            var byRank = x.Rank.CompareTo(y.Rank);
            if (byRank != 0)
                return byRank;
            var byLength = x.Length.CompareTo(y.Length);
            if (byLength != 0)
                return byLength;
            var byName = string.CompareOrdinal(x.Name, y.Name);
            return byName != 0 ? byName : x.Id.CompareTo(y.Id);
        }
    }
}
