namespace InvestmentCrm.Common;

/// <summary>
/// 更正 and 撤回 of a record already on file (a contract, a tranche, a visit): always with a written reason, kept on the
/// record (its 更正说明) and so in the audit trail beside the old values.
/// </summary>
public static class Corrections
{
    public const int ReasonMaxLength = 500;

    /// <summary>The note a record keeps: “更正：…” or “撤回：…”.</summary>
    public static string Note(string action, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException($"{action}必须填写原因。");
        reason = reason.Trim();
        if (reason.Length > ReasonMaxLength)
            throw new DomainException($"{action}原因不能超过 {ReasonMaxLength} 个字符。");
        return $"{action}：{reason}";
    }
}
