using InvestmentCrm.Common;

namespace InvestmentCrm.Figures;

/// <summary>
/// Splits one project's amount or count among its contributors by weight (人人都是招商主体) so that the shares
/// add up to the total exactly: every share is rounded down to the unit, and the units left over go one each
/// to the largest remainders — ties to the larger weight, then to the lower key (deterministic).
/// </summary>
public static class CreditSplit
{
    public static IReadOnlyDictionary<Guid, decimal> Split(decimal total, IReadOnlyCollection<(Guid Key, decimal WeightPercent)> weights, int decimals)
    {
        if (weights.Count == 0) return new Dictionary<Guid, decimal>();
        var weightSum = weights.Sum(w => w.WeightPercent);
        if (weightSum <= 0) throw new DomainException("贡献权重合计必须大于 0。");
        var unit = 1m;
        for (var i = 0; i < decimals; i++) unit /= 10m;

        var shares = weights
            .Select(w =>
            {
                var exact = total * w.WeightPercent / weightSum;
                var floor = Math.Floor(exact / unit) * unit;
                return (w.Key, w.WeightPercent, Share: floor, Remainder: exact - floor);
            })
            .ToList();
        var leftoverUnits = (int)Math.Round((total - shares.Sum(s => s.Share)) / unit);
        var receivers = shares
            .OrderByDescending(s => s.Remainder).ThenByDescending(s => s.WeightPercent).ThenBy(s => s.Key)
            .Take(leftoverUnits).Select(s => s.Key).ToHashSet();
        return shares.ToDictionary(s => s.Key, s => s.Share + (receivers.Contains(s.Key) ? unit : 0m));
    }
}
