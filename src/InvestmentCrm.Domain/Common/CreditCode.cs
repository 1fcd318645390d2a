namespace InvestmentCrm.Common;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V);
/// the last one is a check character computed from the first 17 with weights 3^i mod 31.
/// </summary>
public sealed record CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Parses a code as typed (spaces and lower case tolerated) or says in Chinese what is wrong.</summary>
    public static CreditCode Parse(string input)
    {
        var error = Validate(input, out var normalized);
        return error is null ? new CreditCode(normalized) : throw new DomainException(error);
    }

    public static bool TryParse(string? input, out CreditCode? code)
    {
        code = input is not null && Validate(input, out var normalized) is null ? new CreditCode(normalized) : null;
        return code is not null;
    }

    /// <summary>Null when valid, otherwise the Chinese reason.</summary>
    public static string? Validate(string input, out string normalized)
    {
        // Full-width “９１２２…” and zero-width characters pasted from a web page are the same code (TextRules.ForComparison).
        normalized = new string(TextRules.ForComparison(input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (normalized.Length != 18)
            return $"统一社会信用代码应为 18 位，当前为 {normalized.Length} 位。";
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(normalized[i]) < 0)
                return $"统一社会信用代码第 {i + 1} 位“{normalized[i]}”不是合法字符（不使用 I、O、Z、S、V）。";
        }
        var expected = CheckCharacter(normalized.AsSpan(0, 17));
        return normalized[17] == expected ? null : $"统一社会信用代码校验位错误：第 18 位应为“{expected}”。";
    }

    /// <summary>The check character for the first 17 characters (used by tests and demo data too).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    public override string ToString() => Value;
}
