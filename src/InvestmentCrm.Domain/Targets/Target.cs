using System.ComponentModel.DataAnnotations;
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
    [Display(Name = "利用内资（到位）")]
    DomesticFunds = 1,
    [Display(Name = "利用外资（到位）")]
    ForeignFunds = 2,
    [Display(Name = "项目履约率")]
    FulfilmentRate = 3,
    [Display(Name = "资金到位率")]
    ArrivalRate = 4,
    [Display(Name = "储备项目")]
    ReserveCount = 5,
    [Display(Name = "签约项目")]
    SignedCount = 6,
    [Display(Name = "落位项目")]
    LandedCount = 7,
    [Display(Name = "战略投资者")]
    StrategicInvestorCount = 8,
    [Display(Name = "在谈项目")]
    NegotiatingCount = 9,
    [Display(Name = "到位项目")]
    FundedCount = 10,
}

public enum PeriodKind
{
    [Display(Name = "年度")]
    Year = 1,
    [Display(Name = "五年规划")]
    FiveYearPlan = 2,
    [Display(Name = "攻坚行动")]
    Campaign = 3,
}

public enum TargetScope
{
    [Display(Name = "全区")]
    District = 1,
    [Display(Name = "部门")]
    Department = 2,
    [Display(Name = "个人")]
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

}
