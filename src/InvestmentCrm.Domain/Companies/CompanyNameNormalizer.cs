using InvestmentCrm.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace InvestmentCrm.Companies;

/// <summary>
/// The core of a company name for duplicate checks: 华为终端（长春）有限公司 and 华为终端有限公司 are the same
/// company; bracketed places, legal-form suffixes, spaces and full-width forms do not tell companies apart.
/// </summary>
public static partial class CompanyNameNormalizer
{
    private static readonly string[] Suffixes =
    [
        "股份有限公司", "有限责任公司", "有限公司", "集团公司", "分公司", "总公司", "公司", "集团", "股份", "控股",
        "有限合伙", "合伙企业", "个体工商户", "coltd", "ltd", "inc", "corporation", "corp", "group", "limited", "co",
    ];

    public static string Normalize(string name)
    {
        var text = TextRules.ForComparison(name ?? "").ToLowerInvariant();
        text = Separators().Replace(Brackets().Replace(text, ""), "");
        bool stripped;
        do
        {
            stripped = false;
            foreach (var suffix in Suffixes)
            {
                if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
                {
                    text = text[..^suffix.Length];
                    stripped = true;
                }
            }
        }
        while (stripped);
        return text;
    }

    /// <summary>Same core, or one core inside the other (at least two characters): worth a look before saving.</summary>
    public static bool AreSimilar(string a, string b)
    {
        var (x, y) = (Normalize(a), Normalize(b));
        if (x.Length == 0 || y.Length == 0)
            return false;
        if (x == y)
            return true;
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Length >= 2 && longer.Contains(shorter, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[（(\[【][^）)\]】]*[）)\]】]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[\s·・,，.。\-—_]+")]
    private static partial Regex Separators();
}
