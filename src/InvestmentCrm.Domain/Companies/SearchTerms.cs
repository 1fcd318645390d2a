using System.Globalization;
using System.Text;

namespace InvestmentCrm.Companies;

/// <summary>
/// Index terms for Chinese text (docs/architecture.md): each run of Han characters gives its bigrams and its last character,
/// names also each of their characters; each run of letters and digits gives one lower-case word. A one-character
/// query is one exact term — the bounded fallback of docs/architecture.md: it finds the character in names and aliases, read
/// from one index list (a prefix over every bigram of the long text merges hundreds of large lists). Trigram indexes need three characters; these terms carry the one- and
/// two-character queries and the long text. Computed here, stored with the company, indexed by the database.
/// </summary>
public static class SearchTerms
{
    /// <summary>The distinct terms of the texts, space-separated (empty when there are none).</summary>
    public static string Of(params string?[] texts) => Of([], texts);

    /// <summary>The distinct terms of names (every character a term too) and other texts.</summary>
    public static string Of(IEnumerable<string?> names, IEnumerable<string?> texts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var term in names.SelectMany(n => Tokens(n, everyCharacter: true)).Concat(texts.SelectMany(t => Tokens(t, everyCharacter: false))))
        {
            if (terms.Add(term))
                ordered.Add(term);
        }
        return string.Join(' ', ordered);
    }

    /// <summary>
    /// What a typed query term must match in the terms: one term per Han bigram, the character itself for a single Han
    /// character (found in names, see above), a prefix for a word. Each item is (term, isPrefix). Used for one- and two-character queries and long text.
    /// </summary>
    public static IReadOnlyList<(string Term, bool IsPrefix)> Query(string text)
    {
        var result = new List<(string, bool)>();
        foreach (var (run, isHan) in Runs(text))
        {
            if (!isHan)
                result.Add((run, true));
            else if (run.Length == 1)
                result.Add((run, false));
            else
                for (var i = 0; i + 1 < run.Length; i++)
                    result.Add((run.Substring(i, 2), false));
        }
        return result.Distinct().ToList();
    }

    private static IEnumerable<string> Tokens(string? text, bool everyCharacter)
    {
        foreach (var (run, isHan) in Runs(text))
        {
            if (!isHan)
            {
                yield return run;
                continue;
            }
            for (var i = 0; i < run.Length; i++)
            {
                if (everyCharacter || i == run.Length - 1)
                    yield return run.Substring(i, 1);
                if (i + 1 < run.Length)
                    yield return run.Substring(i, 2);
            }
        }
    }

    /// <summary>Runs of Han characters and runs of (lower-cased) letters and digits; everything else separates.</summary>
    private static IEnumerable<(string Run, bool IsHan)> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
            yield break;
        var normalized = text.Normalize(NormalizationForm.FormKC); // full-width Ａ１ → A1
        var current = new StringBuilder();
        bool? currentIsHan = null;
        foreach (var rune in normalized.EnumerateRunes())
        {
            bool? kind = IsHan(rune) ? true : Rune.IsLetterOrDigit(rune) ? false : null;
            if (kind != currentIsHan && current.Length > 0)
            {
                yield return (current.ToString(), currentIsHan!.Value);
                current.Clear();
            }
            currentIsHan = kind;
            if (kind is not null)
                current.Append(kind.Value ? rune.ToString() : rune.ToString().ToLowerInvariant());
        }
        if (current.Length > 0 && currentIsHan is not null)
            yield return (current.ToString(), currentIsHan.Value);
    }

    private static bool IsHan(Rune rune) =>
        rune.Value is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F
        || (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter && rune.Value is >= 0x2E80 and <= 0x2FDF);
}
