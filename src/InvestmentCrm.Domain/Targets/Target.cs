using InvestmentCrm.Common;

namespace InvestmentCrm.Targets;

/// <summary>
/// 指标 — a quota for a period and a scope (district, department or person). Targets form a
/// decomposition tree (district → departments → people); children need not add up to the parent.
/// </summary>
public class Target : AggregateRoot
{
    private Target() { Unit = ""; }

    public Target(MetricCode metric, PeriodKind periodKind, DateOnly periodStart, DateOnly periodEnd, TargetScope scope, decimal value, string unit)
    {
        if (periodEnd < periodStart) throw new DomainException("指标期间的结束日期不能早于开始日期。");
        if (value < 0) throw new DomainException("指标值不能为负数。");
        (Metric, PeriodKind, PeriodStart, PeriodEnd, Scope, Value, Unit) = (metric, periodKind, periodStart, periodEnd, scope, value, unit);
    }

    public static Target ForYear(int year, MetricCode metric, decimal value, string unit) =>
        new(metric, PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), TargetScope.District, value, unit);

    public MetricCode Metric { get; private set; }
    public PeriodKind PeriodKind { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public TargetScope Scope { get; private set; }
    public Guid? DepartmentId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? ParentTargetId { get; set; }
    /// <summary>In <see cref="Unit"/>: 亿元, 万美元, %, 个.</summary>
    public decimal Value { get; private set; }
    public string Unit { get; private set; }

    /// <summary>A campaign's targets follow the campaign when its dates change.</summary>
    public void SetPeriod(DateOnly start, DateOnly end)
    {
        if (end < start) throw new DomainException("指标期间的结束日期不能早于开始日期。");
        (PeriodStart, PeriodEnd) = (start, end);
    }

    public void SetValue(decimal value) =>
        Value = value < 0 ? throw new DomainException("指标值不能为负数。") : value;
}

/// <summary>The figure codes of docs/figures.md.</summary>
public enum MetricCode
{
    DomesticFunds = 1,
    ForeignFunds = 2,
    FulfilmentRate = 3,
    ArrivalRate = 4,
    ReserveCount = 5,
    SignedCount = 6,
    LandedCount = 7,
    StrategicInvestorCount = 8,
    NegotiatingCount = 9,
    FundedCount = 10,
}

public enum PeriodKind
{
    Year = 1,
    FiveYearPlan = 2,
    Campaign = 3,
}

public enum TargetScope
{
    District = 1,
    Department = 2,
    Person = 3,
}

public static class TargetNames
{
    /// <summary>The one unit each metric's targets are set in.</summary>
    public static string UnitOf(this MetricCode metric) => metric switch
    {
        MetricCode.DomesticFunds => "亿元",
        MetricCode.ForeignFunds => "万美元",
        MetricCode.FulfilmentRate or MetricCode.ArrivalRate => "%",
        _ => "个",
    };

    public static string ToDisplay(this PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "年度",
        PeriodKind.FiveYearPlan => "五年规划",
        PeriodKind.Campaign => "攻坚行动",
        _ => kind.ToString(),
    };

    public static string ToDisplay(this TargetScope scope) => scope switch
    {
        TargetScope.District => "全区",
        TargetScope.Department => "部门",
        TargetScope.Person => "个人",
        _ => scope.ToString(),
    };

    public static string ToDisplay(this MetricCode metric) => metric switch
    {
        MetricCode.DomesticFunds => "利用内资（到位）",
        MetricCode.ForeignFunds => "利用外资（到位）",
        MetricCode.FulfilmentRate => "项目履约率",
        MetricCode.ArrivalRate => "资金到位率",
        MetricCode.ReserveCount => "储备项目",
        MetricCode.SignedCount => "签约项目",
        MetricCode.LandedCount => "落位项目",
        MetricCode.StrategicInvestorCount => "战略投资者",
        MetricCode.NegotiatingCount => "在谈项目",
        MetricCode.FundedCount => "到位项目",
        _ => metric.ToString(),
    };
}
