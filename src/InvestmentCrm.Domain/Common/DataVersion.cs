namespace InvestmentCrm.Common;

/// <summary>
/// One row whose stamp changes in the same transaction as every write of business data. Readers that cache
/// derived results (the cockpit's figures) key them by the stamp, so a cached figure is never older than the
/// data it was computed from — on every node, since the stamp lives in the database.
/// </summary>
public sealed class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public Guid Stamp { get; set; }
}
