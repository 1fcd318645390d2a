namespace InvestmentCrm.Figures;

/// <summary>
/// Who a figure is credited to (docs/figures.md Attribution): 全区 takes every key, a department its subtree's
/// 招引单位 keys (each project once), a person their weight-share of each project, split exactly by
/// <see cref="CreditSplit"/>. Rows come keyed by department (or by project for a person); a missing key is
/// <see cref="Guid.Empty"/> (a project without 招引单位 counts for 全区 only).
/// </summary>
internal sealed class FigureAttribution
{
    private readonly HashSet<Guid>? _departments;
    private readonly Guid? _userId;
    private readonly IReadOnlyDictionary<Guid, List<(Guid Key, decimal WeightPercent)>>? _contributors;

    private FigureAttribution(HashSet<Guid>? departments, Guid? userId, IReadOnlyDictionary<Guid, List<(Guid, decimal)>>? contributors) =>
        (_departments, _userId, _contributors) = (departments, userId, contributors);

    public static readonly FigureAttribution Everything = new(null, null, null);

    public static FigureAttribution Departments(IEnumerable<Guid> subtree) => new([.. subtree], null, null);

    /// <summary>Contributors per project (a person with two roles on a project holds the sum of both weights).</summary>
    public static FigureAttribution Person(Guid userId, IEnumerable<(Guid ProjectId, Guid UserId, decimal WeightPercent)> contributors) =>
        new(null, userId, contributors.GroupBy(c => c.ProjectId).ToDictionary(
            g => g.Key,
            g => g.GroupBy(c => c.UserId).Select(u => (u.Key, u.Sum(c => c.WeightPercent))).ToList()));

    public bool IsPerson => _userId is not null;

    /// <summary>The share of <paramref name="total"/> (one key's total) this attribution gets.</summary>
    public decimal Credit(Guid key, decimal total, int decimals)
    {
        if (_userId is { } user)
            return _contributors!.TryGetValue(key, out var weights)
                ? CreditSplit.Split(total, weights, decimals).GetValueOrDefault(user)
                : 0m;
        return _departments is null || _departments.Contains(key) ? total : 0m;
    }

    /// <summary>Σ of the credited shares: rows are first added up per key, then credited.</summary>
    public decimal Sum<T>(IEnumerable<T> rows, Func<T, Guid?> key, Func<T, decimal> value, int decimals) =>
        rows.GroupBy(r => key(r) ?? Guid.Empty).Sum(g => Credit(g.Key, g.Sum(value), decimals));
}
