namespace InvestmentCrm.Common;

public static class TextExtensions
{
    /// <summary>Optional text as stored: trimmed, and null when nothing was typed.</summary>
    public static string? NullIfBlank(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
