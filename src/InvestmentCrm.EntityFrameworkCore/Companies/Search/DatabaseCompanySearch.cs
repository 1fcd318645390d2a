using System.Text;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Companies;

/// <summary>
/// Company search in the database (DESIGN §4.3). The provider finds the matching ids through its index; everything
/// else — the data scope, facets, the capped count, ranking and keyset paging — is one LINQ query over the companies
/// the reader may see, so an out-of-scope company never reaches a hit, a count or a facet.
/// </summary>
public sealed class DatabaseCompanySearch(CrmDbContext db, DataScope scope) : ICompanySearch
{
    public const int MaxPageSize = 100;

    public async Task<CompanySearchResult> SearchAsync(CompanySearchRequest request, CancellationToken ct = default)
    {
        var query = CompanyQuery.Parse(request.Text);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var after = CompanySearchCursor.Decode(request.After);

        var companies = await scope.CompaniesAsync(ct);
        if (query.Terms.Count > 0)
        {
            var matching = Matches(query.Terms);
            var code = query.Code;
            companies = code is null
                ? companies.Where(c => matching.Contains(c.Id))
                : companies.Where(c => c.CreditCode == code || matching.Contains(c.Id));
        }
        companies = Filter(companies, request);

        var facetRows = request.WithFacets || after is null
            ? await companies.Take(CompanySearchResult.CountCap + 1).Select(c => new FacetRow(c.Nature, c.Industry, c.Origin, c.Tags)).ToListAsync(ct)
            : null;

        var first = query.Terms.Count > 0 ? query.Terms[0] : "";
        var codeValue = query.Code;
        var ranked = companies.Select(c => new RankedCompany
        {
            Company = c,
            Rank = codeValue != null && c.CreditCode == codeValue ? 0
                : first == "" ? 4
                : c.Name == first || ("、" + c.Aliases + "、").Contains("、" + first + "、") ? 1
                : c.Name.StartsWith(first) || ("、" + c.Aliases).Contains("、" + first) ? 2
                : c.Name.Contains(first) || c.Aliases!.Contains(first) ? 3
                : 4,
            Length = c.Name.Length,
        });
        if (after is not null)
        {
            var (rank, length, name, id) = (after.Rank, after.Length, after.Name, after.Id);
            ranked = ranked.Where(r => r.Rank > rank
                || (r.Rank == rank && (r.Length > length
                    || (r.Length == length && (string.Compare(r.Company.Name, name) > 0
                        || (r.Company.Name == name && r.Company.Id.CompareTo(id) > 0))))));
        }
        var page = await ranked.OrderBy(r => r.Rank).ThenBy(r => r.Length).ThenBy(r => r.Company.Name).ThenBy(r => r.Company.Id)
            .Take(pageSize + 1)
            .Select(r => new PageRow(r.Company.Id, r.Company.Name, r.Company.Aliases, r.Company.CreditCode, r.Company.Nature, r.Company.Industry,
                r.Company.Origin, r.Company.Tags, r.Company.IsStrategicInvestor, r.Company.Kind, r.Company.IsBlacklisted, r.Company.LegalPerson,
                r.Company.Address, r.Company.BusinessScope, r.Rank, r.Length))
            .ToListAsync(ct);

        var more = page.Count > pageSize;
        if (more)
            page.RemoveAt(page.Count - 1);
        var last = page.LastOrDefault();
        var next = more && last is not null ? new CompanySearchCursor(last.Rank, last.Length, last.Name, last.Id).Encode() : null;
        var count = facetRows?.Count ?? 0;
        return new CompanySearchResult(
            page.Select(p => ToHit(p, query.Terms)).ToList(),
            Math.Min(count, CompanySearchResult.CountCap),
            count > CompanySearchResult.CountCap,
            next,
            facetRows is null || !request.WithFacets ? CompanyFacets.None : Facets(facetRows.Take(CompanySearchResult.CountCap).ToList()));
    }

    public async Task<IReadOnlyList<Guid>> CandidatesAsync(string text, int max, CancellationToken ct = default)
    {
        var query = CompanyQuery.Parse(text);
        if (query.Terms.Count == 0)
            return [];
        var matching = Matches(query.Terms);
        return await db.Companies.Where(c => matching.Contains(c.Id)).OrderBy(c => c.Name.Length).Take(max).Select(c => c.Id).ToListAsync(ct);
    }

    private IQueryable<Guid> Matches(IReadOnlyList<string> terms) => db.Database.IsNpgsql() ? PostgreSqlMatches(terms) : SqliteMatches(terms);

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
    private IQueryable<Guid> SqliteMatches(IReadOnlyList<string> terms)
    {
        var sql = new StringBuilder("""SELECT k."CompanyId" AS "Value" FROM "CompanySearchKeys" k WHERE 1 = 1""");
        var parameters = new List<object>();
        foreach (var term in terms)
        {
            var (table, expression) = CompanyQuery.Length(term) >= 3
                ? ("CompanySearchTrigrams", Quote(term))
                : ("CompanySearchBigrams", string.Join(" AND ", SearchTerms.Query(term).Select(t => Quote(t.Term) + (t.IsPrefix ? " *" : ""))));
            sql.Append($"""
                 AND k."Key" IN (SELECT rowid FROM "{table}" WHERE "{table}" MATCH {Placeholder(parameters.Count)})
                """);
            parameters.Add(expression);
        }
        return db.Database.SqlQueryRaw<Guid>(sql.ToString(), parameters.ToArray());

        static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// PostgreSQL: ILIKE on the names through their pg_trgm indexes for terms of three or more characters; the bigram
    /// terms' GIN index for shorter terms and for the other text (a term of three or more is then checked as a
    /// substring, so both providers find the same companies).
    /// </summary>
    private IQueryable<Guid> PostgreSqlMatches(IReadOnlyList<string> terms)
    {
        const string TermsVector = """array_to_tsvector(string_to_array(c."SearchTerms", ' '))""";
        var sql = new StringBuilder("""SELECT c."Id" AS "Value" FROM "Companies" c WHERE TRUE""");
        var parameters = new List<object>();
        foreach (var term in terms)
        {
            var tsquery = string.Join(" & ", SearchTerms.Query(term).Select(t => $"'{t.Term}'" + (t.IsPrefix ? ":*" : "")));
            var q = parameters.Count;
            parameters.Add(tsquery);
            if (CompanyQuery.Length(term) >= 3)
            {
                var like = parameters.Count;
                parameters.Add("%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
                sql.Append($"""
                     AND (c."Name" ILIKE {Placeholder(like)} OR c."Aliases" ILIKE {Placeholder(like)}
                      OR ({TermsVector} @@ {Placeholder(q)}::tsquery
                          AND concat_ws(' | ', c."CreditCode", c."Tags", c."Industry", c."Origin", c."LegalPerson", c."Address", c."BusinessScope") ILIKE {Placeholder(like)}))
                    """);
            }
            else
            {
                sql.Append($"""
                     AND {TermsVector} @@ {Placeholder(q)}::tsquery
                    """);
            }
        }
        return db.Database.SqlQueryRaw<Guid>(sql.ToString(), parameters.ToArray());
    }

    /// <summary>A parameter placeholder of <c>SqlQueryRaw</c> ({0}, {1} …).</summary>
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

    private sealed class RankedCompany
    {
        public required Company Company { get; init; }
        public int Rank { get; init; }
        public int Length { get; init; }
    }
}
