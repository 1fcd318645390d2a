using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InvestmentCrm.Common;

namespace InvestmentCrm.Companies;

/// <summary>
/// The company search port (docs/architecture.md): the database adapters (SQLite FTS5, PostgreSQL pg_trgm + bigram terms)
/// implement it today; a search server can later. The reader's data scope is applied inside the query.
/// </summary>
public interface ICompanySearch
{
    Task<CompanySearchResult> SearchAsync(CompanySearchRequest request, CancellationToken ct = default);

    /// <summary>
    /// Ids of companies of the whole district (not only the reader's scope) whose text contains all the terms, for the
    /// duplicate check before registering; at most <paramref name="max"/>, shortest names first.
    /// </summary>
    Task<IReadOnlyList<Guid>> CandidatesAsync(string text, int max, CancellationToken ct = default);
}

/// <summary>Free text (terms separated by spaces, all must match) and facet filters; <c>After</c> is the keyset cursor.</summary>
public sealed record CompanySearchRequest(
    string? Text,
    string? Industry = null,
    CompanyNature? Nature = null,
    string? Tag = null,
    string? Origin = null,
    string? After = null,
    int PageSize = 20,
    bool WithFacets = true);

public sealed record TextPart(string Text, bool IsMatch);

/// <summary>Why a company matched, best first: the ranking of docs/architecture.md (Company search).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MatchRank>))]
public enum MatchRank
{
    [Display(Name = "信用代码")]
    CreditCode = 0,
    [Display(Name = "名称完全一致")]
    ExactName = 1,
    [Display(Name = "名称开头")]
    NamePrefix = 2,
    [Display(Name = "名称包含")]
    NameSubstring = 3,
    [Display(Name = "其他信息包含")]
    OtherText = 4,
}

public sealed record CompanySearchHit(
    Guid Id,
    string Name,
    IReadOnlyList<TextPart> NameParts,
    IReadOnlyList<string> Aliases,
    string? CreditCode,
    string Nature,
    string? Industry,
    string? Origin,
    IReadOnlyList<string> Tags,
    bool IsStrategicInvestor,
    bool IsIntermediary,
    bool IsBlacklisted,
    MatchRank Rank,
    /// <summary>Where the match is when it is not in the name: an alias or an excerpt of the other text, highlighted.</summary>
    IReadOnlyList<TextPart>? MatchedText);

public sealed record FacetCount(string Value, string Label, int Count);

public sealed record CompanyFacets(
    IReadOnlyList<FacetCount> Industries,
    IReadOnlyList<FacetCount> Natures,
    IReadOnlyList<FacetCount> Tags,
    IReadOnlyList<FacetCount> Origins)
{
    public static readonly CompanyFacets None = new([], [], [], []);
}

/// <summary>
/// A page of hits. <c>Count</c> is exact up to <see cref="CountCap"/>; beyond it the count and the facets are those
/// of the first <see cref="CountCap"/> matches and <c>CountIsCapped</c> says so (“1万+”).
/// </summary>
public sealed record CompanySearchResult(IReadOnlyList<CompanySearchHit> Hits, int Count, bool CountIsCapped, string? NextCursor, CompanyFacets Facets)
{
    public const int CountCap = 10_000;

    public string CountText => CountIsCapped ? "1万+" : Count.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The parsed query: terms (all must match) and a credit code when one of them is a valid code.</summary>
public sealed record CompanyQuery(IReadOnlyList<string> Terms, CreditCode? Code)
{
    public const int MaxTerms = 6;
    public const int MaxTermLength = 50;

    public static CompanyQuery Parse(string? text)
    {
        var terms = (text ?? "").Normalize(NormalizationForm.FormKC)
            .Split([' ', '\t', '\u3000', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => t.EnumerateRunes().Any(Rune.IsLetterOrDigit))
            .Select(t => t.Length > MaxTermLength ? t[..MaxTermLength] : t)
            .Distinct()
            .ToList();
        if (terms.Count > MaxTerms)
            throw new DomainException($"搜索词最多 {MaxTerms} 个，请精简后再查。");
        var code = terms.Select(t => CreditCode.TryParse(t, out var c) ? c : null).FirstOrDefault(c => c is not null);
        return new CompanyQuery(terms, code);
    }

    /// <summary>Characters as the index counts them (a CJK character is one, whatever its UTF-16 length).</summary>
    public static int Length(string term) => term.EnumerateRunes().Count();
}

/// <summary>The keyset position after the last hit of a page: rank, name length, name, id.</summary>
public sealed record CompanySearchCursor(int Rank, int Length, string Name, Guid Id)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static CompanySearchCursor? Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            return JsonSerializer.Deserialize<CompanySearchCursor>(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new DomainException("翻页位置无效，请从第一页重新搜索。");
        }
    }
}

public static class Highlighter
{
    public static IReadOnlyList<TextPart> Parts(string text, IReadOnlyList<string> terms)
    {
        var marks = new bool[text.Length];
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
                Array.Fill(marks, true, at, term.Length);
        }
        var parts = new List<TextPart>();
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && marks[end] == marks[start])
                end++;
            parts.Add(new TextPart(text[start..end], marks[start]));
            start = end;
        }
        return parts;
    }

    public static bool Contains(string? text, IReadOnlyList<string> terms) =>
        text is not null && terms.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));

    /// <summary>About <paramref name="width"/> characters around the first match, with ellipses where cut.</summary>
    public static IReadOnlyList<TextPart> Excerpt(string text, IReadOnlyList<string> terms, int width = 48)
    {
        var first = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - width / 3);
        var end = Math.Min(text.Length, start + width);
        var excerpt = (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
        return Parts(excerpt, terms);
    }
}
