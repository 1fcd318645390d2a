namespace InvestmentCrm.Common;

/// <summary>
/// The one way a list is paged: the page is at least 1, the size within [1, max], and the rows to skip never overflow —
/// a page far beyond the last is an empty page that still reports the true total, never page 1 and never a fault.
/// </summary>
public readonly record struct Paging(int Page, int Size)
{
    public static Paging Of(int page, int size, int maxSize) => new(Math.Max(1, page), Math.Clamp(size, 1, maxSize));

    public int Skip => (int)Math.Min(int.MaxValue, (Page - 1L) * Size);
}
