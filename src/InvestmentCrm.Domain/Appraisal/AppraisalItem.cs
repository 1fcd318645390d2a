using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Appraisal;

/// <summary>What a rule-set item is made of, as entered in the UI.</summary>
public sealed record AppraisalItemSpec(
    AppraisalSubject Subject,
    string Name,
    AppraisalMetric Metric,
    decimal Points,
    ScoringFunction Function = ScoringFunction.Proportional,
    decimal? CapPercent = 100m,
    decimal? FloorPercent = null,
    decimal? ThresholdPercent = null,
    decimal? FixedTarget = null,
    decimal? Parameter = null,
    decimal? MaxPoints = null);

/// <summary>
/// One scoring, bonus or deduction item. Its kind follows from the metric: quota metrics are scored against the
/// subject's target of the year (or a fixed target); bonuses and deductions count qualifying projects or tranches
/// at so many points each, up to an optional maximum.
/// </summary>
public class AppraisalItem : Entity
{
    private AppraisalItem() { }

    internal AppraisalItem(Guid ruleSetId, AppraisalItemSpec spec, int sortOrder)
    {
        RuleSetId = ruleSetId;
        SortOrder = sortOrder;
        Apply(spec);
    }

    public Guid RuleSetId { get; private set; }
    public int SortOrder { get; private set; }
    public AppraisalSubject Subject { get; private set; }
    public string Name { get; private set; } = "";
    public AppraisalMetric Metric { get; private set; }
    public AppraisalItemKind Kind { get; private set; }
    /// <summary>Score items: the weight in points; bonus and deduction items: points per qualifying project or tranche.</summary>
    public decimal Points { get; private set; }
    public ScoringFunction Function { get; private set; }
    /// <summary>Proportional: completion counts up to this percentage (100 or 120 …).</summary>
    public decimal? CapPercent { get; private set; }
    /// <summary>Proportional: below this completion percentage the item scores zero.</summary>
    public decimal? FloorPercent { get; private set; }
    /// <summary>Threshold: the full points from this completion percentage on, zero below.</summary>
    public decimal? ThresholdPercent { get; private set; }
    /// <summary>A target written into the rules instead of the subject's target of the year (e.g. 走访 24 次).</summary>
    public decimal? FixedTarget { get; private set; }
    /// <summary>The bonus threshold of <see cref="AppraisalMetric.LargeProject"/>, in 亿元.</summary>
    public decimal? Parameter { get; private set; }
    /// <summary>Bonus and deduction items: at most this many points in total.</summary>
    public decimal? MaxPoints { get; private set; }

    internal void Apply(AppraisalItemSpec spec)
    {
        if (!Enum.IsDefined(spec.Subject)) throw new DomainException("请选择考核对象（部门或个人）。");
        if (!Enum.IsDefined(spec.Metric)) throw new DomainException("请选择考核指标。");
        if (string.IsNullOrWhiteSpace(spec.Name)) throw new DomainException("请填写评分项名称。");
        if (spec.Name.Trim().Length > 100) throw new DomainException("评分项名称不能超过 100 个字。");
        if (spec.Points is <= 0 or > 1000) throw new DomainException("分值必须大于 0 且不超过 1000。");
        var kind = spec.Metric.KindOf();
        if (kind == AppraisalItemKind.Score)
        {
            if (!Enum.IsDefined(spec.Function)) throw new DomainException("请选择计分方式。");
            if (spec.Function == ScoringFunction.Proportional && spec.CapPercent is not (> 0 and <= 300))
                throw new DomainException("封顶比例必须在 0 到 300 % 之间，例如 100 % 或 120 %。");
            if (spec.Function == ScoringFunction.Threshold && spec.ThresholdPercent is not (> 0 and <= 300))
                throw new DomainException("门槛（完成率 %）必须在 0 到 300 % 之间。");
            if (spec.FloorPercent is < 0 or > 300) throw new DomainException("保底线（完成率 %）必须在 0 到 300 % 之间。");
            if (spec.FixedTarget is <= 0) throw new DomainException("固定目标值必须大于 0。");
            if (spec.Metric == AppraisalMetric.VisitCount && spec.FixedTarget is null)
                throw new DomainException("走访、推介次数没有年度指标，请在评分项中填写固定目标值。");
        }
        if (spec.Metric == AppraisalMetric.LargeProject && spec.Parameter is not > 0)
            throw new DomainException("请填写大项目门槛（亿元），例如 10。");
        if (spec.MaxPoints is <= 0) throw new DomainException("最多加（扣）分必须大于 0。");

        (Subject, Name, Metric, Kind, Points) = (spec.Subject, spec.Name.Trim(), spec.Metric, kind, spec.Points);
        (Function, CapPercent, FloorPercent, ThresholdPercent, FixedTarget) = kind == AppraisalItemKind.Score
            ? (spec.Function, spec.Function == ScoringFunction.Proportional ? spec.CapPercent : null, spec.FloorPercent,
                spec.Function == ScoringFunction.Threshold ? spec.ThresholdPercent : null, spec.FixedTarget)
            : (ScoringFunction.Proportional, null, null, null, null);
        Parameter = spec.Metric == AppraisalMetric.LargeProject ? spec.Parameter : null;
        MaxPoints = kind == AppraisalItemKind.Score ? null : spec.MaxPoints;
    }

    public AppraisalItemSpec ToSpec() =>
        new(Subject, Name, Metric, Points, Function, CapPercent, FloorPercent, ThresholdPercent, FixedTarget, Parameter, MaxPoints);

    /// <summary>Points of a score item for a value against a target, with the formula in words; null target → 0 points and why.</summary>
    public (decimal Points, string Formula) Score(decimal value, decimal? target)
    {
        if (Kind != AppraisalItemKind.Score) throw new InvalidOperationException("only score items are scored against a target");
        if (target is not > 0)
            return (0m, "未设置指标（或指标为 0），本项不得分");
        var completion = value / target.Value * 100m;
        var shown = Math.Round(completion, 1, MidpointRounding.AwayFromZero);
        if (Function == ScoringFunction.Threshold)
            return completion >= ThresholdPercent!.Value
                ? (Points, $"完成率 {shown}% ≥ 门槛 {ThresholdPercent.Value:0.##}%，得满分 {Points:0.##}")
                : (0m, $"完成率 {shown}% < 门槛 {ThresholdPercent.Value:0.##}%，得 0 分");
        if (FloorPercent is { } floor && completion < floor)
            return (0m, $"完成率 {shown}% 低于保底线 {floor:0.##}%，得 0 分");
        var cap = CapPercent ?? 100m;
        var counted = Math.Min(completion, cap);
        var points = Math.Round(Points * counted / 100m, 2, MidpointRounding.AwayFromZero);
        return (points, completion > cap
            ? $"{Points:0.##} 分 × min(完成率 {shown}%, 封顶 {cap:0.##}%) = {points:0.##}"
            : $"{Points:0.##} 分 × 完成率 {shown}% = {points:0.##}");
    }

    /// <summary>Points of a bonus (positive) or deduction (negative) item for a number of qualifying projects or tranches.</summary>
    public (decimal Points, string Formula) Count(decimal count)
    {
        if (Kind == AppraisalItemKind.Score) throw new InvalidOperationException("score items are scored against a target");
        var raw = count * Points;
        var capped = MaxPoints is { } max ? Math.Min(raw, max) : raw;
        var sign = Kind == AppraisalItemKind.Deduction ? -1m : 1m;
        var verb = Kind == AppraisalItemKind.Deduction ? "扣" : "加";
        var formula = $"{count:0.####} 个 × 每个{verb} {Points:0.##} 分 = {raw:0.##}" + (capped < raw ? $"，最多{verb} {capped:0.##} 分" : "");
        return (sign * capped, formula);
    }
}

public enum AppraisalSubject
{
    [Display(Name = "部门")]
    Department = 1,
    [Display(Name = "个人")]
    Person = 2,
}

public enum AppraisalItemKind
{
    [Display(Name = "评分项")]
    Score = 1,
    [Display(Name = "加分项")]
    Bonus = 2,
    [Display(Name = "扣分项")]
    Deduction = 3,
}

public enum ScoringFunction
{
    [Display(Name = "按完成率折算")]
    Proportional = 1,
    [Display(Name = "达到门槛得满分")]
    Threshold = 2,
}

public enum AppraisalMetric
{
    // Score items: against the subject's target of the year.
    [Display(Name = "利用内资（到位，亿元）")]
    DomesticFunds = 1,
    [Display(Name = "利用外资（到位，万美元）")]
    ForeignFunds = 2,
    [Display(Name = "签约项目数")]
    SignedCount = 3,
    [Display(Name = "落位项目数")]
    LandedCount = 4,
    [Display(Name = "项目履约率（%）")]
    FulfilmentRate = 5,
    [Display(Name = "内资到位率（%）")]
    ArrivalRate = 6,
    [Display(Name = "走访、推介、洽谈次数")]
    VisitCount = 7,
    // Bonus items: per qualifying project.
    [Display(Name = "单个项目到位内资达到门槛（亿元）")]
    LargeProject = 20,
    [Display(Name = "引进世界500强投资的项目")]
    Fortune500Investor = 21,
    // Deduction items: per key project or tranche.
    [Display(Name = "重点项目未按约定开工")]
    KeyProjectNotStarted = 30,
    [Display(Name = "到位资金被核减（不予认定）")]
    RejectedTranche = 31,
}
