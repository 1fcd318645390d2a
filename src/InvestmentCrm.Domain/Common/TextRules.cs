using System.Text;

namespace InvestmentCrm.Common;

/// <summary>
/// Text a user types (docs/security.md, "Input"): every field has a length limit — the same number in the database column,
/// the check before saving and the form's maxlength — no control characters (NUL and the like), and no zero-width
/// characters, which only hide differences. Line breaks and tabs are text.
/// </summary>
public static class TextRules
{
    /// <summary>Codes, user names, short labels.</summary>
    public const int Short = 64;
    /// <summary>Names and titles.</summary>
    public const int Name = 200;
    /// <summary>Parties, tags, a short paragraph.</summary>
    public const int Long = 500;
    /// <summary>Multi-line notes, business scope, descriptions.</summary>
    public const int Text = 2000;
    /// <summary>What a search box or filter accepts.</summary>
    public const int Query = 100;

    public static bool IsControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    /// <summary>Zero-width and other invisible formatting characters (category Cf: U+200B–U+200F, U+2060, U+FEFF …).</summary>
    public static bool IsInvisible(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>Why the text is refused for a field (its Chinese name), or null.</summary>
    public static string? Problem(string field, string value, int? maxLength)
    {
        if (value.Any(IsControl))
            return $"“{field}”含有不可见的控制字符，请删除后重试。";
        if (maxLength is { } max && value.Length > max)
            return $"“{field}”最多 {max} 个字符（现为 {value.Length} 个），请精简后重试。";
        return null;
    }

    /// <summary>Without the invisible characters.</summary>
    public static string WithoutInvisible(string value) => value.Any(IsInvisible) ? new string(value.Where(c => !IsInvisible(c)).ToArray()) : value;

    /// <summary>
    /// The form two texts are compared in: invisible characters removed, full-width letters, digits and punctuation made
    /// half-width (NFKC), so that “ＡＢＣ科技” and “ABC科技” are the same name for the duplicate checks.
    /// </summary>
    public static string ForComparison(string value) => WithoutInvisible(value).Normalize(NormalizationForm.FormKC);
}
