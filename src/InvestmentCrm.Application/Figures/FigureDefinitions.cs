using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;

namespace InvestmentCrm.Figures;

/// <summary>Every figure the engine computes (docs/figures.md); 到位率 is one metric but two figures (内资 and 外资 apart).</summary>
public enum Figure
{
    DomesticFunds = 1,
    ForeignFunds = 2,
    FulfilmentRate = 3,
    DomesticArrivalRate = 4,
    ForeignArrivalRate = 5,
    ReserveCount = 6,
    NegotiatingCount = 7,
    SignedCount = 8,
    LandedCount = 9,
    FundedCount = 10,
    StrategicInvestorCount = 11,
}

public enum FigureScopeKind
{
    [Display(Name = "全区")]
    District = 1,
    [Display(Name = "部门")]
    Department = 2,
    [Display(Name = "个人")]
    Person = 3,
}

/// <summary>
/// 全区, a department and its subtree, or one person (credited by contributor weight) — over all the projects they
/// contribute to, or, with <see cref="DepartmentId"/>, over the projects of that department's subtree only (部门指标).
/// </summary>
public sealed record FigureScope(FigureScopeKind Kind, Guid? DepartmentId = null, Guid? UserId = null)
{
    public static readonly FigureScope District = new(FigureScopeKind.District);
    public static FigureScope Department(Guid id) => new(FigureScopeKind.Department, DepartmentId: id);
    public static FigureScope Person(Guid id, Guid? inDepartment = null) => new(FigureScopeKind.Person, DepartmentId: inDepartment, UserId: id);
}

/// <summary>The period P of docs/figures.md: a year, a five-year plan or a campaign.</summary>
public sealed record FigurePeriod(PeriodKind Kind, DateOnly Start, DateOnly End, string Label, Guid? CampaignId = null)
{
    public static FigurePeriod Year(int year) =>
        new(PeriodKind.Year, new DateOnly(BusinessDates.EnsureYear(year), 1, 1), new DateOnly(year, 12, 31), $"{year}年");

    /// <summary>The five-year plan starting in <paramref name="firstYear"/> (<see cref="FiveYearPlans"/>).</summary>
    public static FigurePeriod FiveYearPlan(int firstYear) =>
        new(PeriodKind.FiveYearPlan, new DateOnly(FiveYearPlans.EnsureFirstYear(firstYear), 1, 1), new DateOnly(firstYear + 4, 12, 31), FiveYearPlans.Name(firstYear));

    /// <summary>The same period a year earlier (for 同比), or null for a campaign, which has no "last year".</summary>
    public FigurePeriod? YearEarlier() => Kind == PeriodKind.Campaign ? null : this with { Start = Start.AddYears(-1), End = End.AddYears(-1), Label = "上年同期" };
}

public static class FigureCatalog
{
    public static readonly Figure[] StageCounts =
        [Figure.ReserveCount, Figure.NegotiatingCount, Figure.SignedCount, Figure.LandedCount, Figure.FundedCount];

    public static MetricCode Metric(this Figure figure) => figure switch
    {
        Figure.DomesticFunds => MetricCode.DomesticFunds,
        Figure.ForeignFunds => MetricCode.ForeignFunds,
        Figure.FulfilmentRate => MetricCode.FulfilmentRate,
        Figure.DomesticArrivalRate or Figure.ForeignArrivalRate => MetricCode.ArrivalRate,
        Figure.ReserveCount => MetricCode.ReserveCount,
        Figure.NegotiatingCount => MetricCode.NegotiatingCount,
        Figure.SignedCount => MetricCode.SignedCount,
        Figure.LandedCount => MetricCode.LandedCount,
        Figure.FundedCount => MetricCode.FundedCount,
        Figure.StrategicInvestorCount => MetricCode.StrategicInvestorCount,
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };

    public static ProjectStage? Stage(this Figure figure) => figure switch
    {
        Figure.ReserveCount => ProjectStage.Reserve,
        Figure.NegotiatingCount => ProjectStage.Negotiating,
        Figure.SignedCount or Figure.StrategicInvestorCount => ProjectStage.Signed,
        Figure.LandedCount => ProjectStage.Landed,
        Figure.FundedCount => ProjectStage.Funded,
        _ => null,
    };

    public static bool IsRate(this Figure figure) =>
        figure is Figure.FulfilmentRate or Figure.DomesticArrivalRate or Figure.ForeignArrivalRate;

    public static string ToDisplay(this Figure figure) => figure switch
    {
        Figure.DomesticFunds => "利用内资（到位）",
        Figure.ForeignFunds => "利用外资（到位）",
        Figure.FulfilmentRate => "项目履约率",
        Figure.DomesticArrivalRate => "内资到位率",
        Figure.ForeignArrivalRate => "外资到位率",
        _ => figure.Metric().ToDisplay(),
    };

    /// <summary>The 口径 footnote every screen shows beside the figure (docs/figures.md, literally).</summary>
    public static string Footnote(this Figure figure, FigureRules rules) => figure switch
    {
        Figure.DomesticFunds => "口径：统计期内（截至统计日）到账并经认定的内资到位资金合计，含续建项目和往年签约项目，单位亿元；完成率 = 实际 ÷ 指标。",
        Figure.ForeignFunds => "口径：统计期内（截至统计日）到账并经认定的外资到位资金合计，单位万美元；非美元币种按到账当月汇率（无月度汇率时用年度汇率）折算。",
        Figure.FulfilmentRate => $"口径：履约项目数 ÷ 签约队列项目数。签约队列 = 正式投资合同签约日期在统计期内的项目（终止项目仍在分母）；履约 = {rules.DescribeFulfilment()}。",
        Figure.DomesticArrivalRate => $"口径：签约队列项目已认定的内资到位资金（{rules.ArrivalWindow.ToDisplay()}）÷ 签约队列正式合同约定内资合计。",
        Figure.ForeignArrivalRate => $"口径：签约队列项目已认定的外资到位资金（{rules.ArrivalWindow.ToDisplay()}，折美元）÷ 签约队列正式合同约定外资合计（折美元）。",
        Figure.StrategicInvestorCount => "口径：统计期内进入“签约”阶段、且投资方为战略投资者的项目数（按阶段生效日期）。",
        _ => $"口径：统计期内（截至统计日）进入“{figure.Stage()!.Value.ToDisplay()}”阶段的项目数，按阶段变更的生效日期计，同一项目只计一次。",
    };

    /// <summary>The display unit of the figure's value and of its target.</summary>
    public static string Unit(this Figure figure) => figure.IsRate() ? "%" : figure.Metric().UnitOf();

    /// <summary>Base unit → display unit: 元 → 亿元, 美元 → 万美元.</summary>
    public static decimal ToDisplayUnit(this Figure figure, decimal baseAmount) => figure switch
    {
        Figure.DomesticFunds => baseAmount / 100_000_000m,
        Figure.ForeignFunds => baseAmount / 10_000m,
        _ => baseAmount,
    };
}
