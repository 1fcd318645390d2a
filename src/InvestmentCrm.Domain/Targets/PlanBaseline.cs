using InvestmentCrm.Common;

namespace InvestmentCrm.Targets;

/// <summary>
/// 规划期实绩 recorded for a five-year plan (e.g. 十三五 2016–2020: 305.2 亿元 内资, 12500 万美元 外资): what the next plan's
/// progress is compared with when the system holds no detail for those years. Entered with its source.
/// </summary>
public class PlanBaseline : Entity
{
    private PlanBaseline() { Unit = ""; Source = ""; }

    public PlanBaseline(int firstYear, MetricCode metric, decimal value, string source)
    {
        FirstYear = BusinessDates.EnsureYear(firstYear);
        if (metric is not (MetricCode.DomesticFunds or MetricCode.ForeignFunds))
            throw new DomainException("规划期实绩只记录利用内资和利用外资。");
        if (value < 0) throw new DomainException("规划期实绩不能为负数。");
        (Metric, Value, Unit) = (metric, value, metric.UnitOf());
        Source = string.IsNullOrWhiteSpace(source) ? throw new DomainException("请写明实绩的来源（如规划纲要）。") : source.Trim();
    }

    /// <summary>The plan's first year (2016 for 十三五).</summary>
    public int FirstYear { get; private set; }
    public MetricCode Metric { get; private set; }
    /// <summary>In the metric's unit: 亿元 or 万美元.</summary>
    public decimal Value { get; private set; }
    public string Unit { get; private set; }
    public string Source { get; private set; }
}
