using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Figures;

/// <summary>
/// 年度口径 — the parts of docs/figures.md that each year's published rules may set: the 重点项目 threshold,
/// what makes a signed project 履约, the 到位率 window and the thresholds of the schedule lights.
/// A year without a row uses <see cref="DefaultFor"/>.
/// </summary>
public class FigureRules : AggregateRoot
{
    private FigureRules() { }

    public FigureRules(int year)
    {
        if (year is < 2000 or > 2100) throw new DomainException("年份无效。");
        Year = year;
    }

    public static FigureRules DefaultFor(int year) => new(year);

    public int Year { get; private set; }
    /// <summary>重点项目 threshold on planned 内资, in 元 (亿元以上 in 2012, 5000万元 in 2022).</summary>
    public decimal KeyProjectThresholdYuan { get; private set; } = 100_000_000m;
    /// <summary>履约 needs 落位 by the as-of date.</summary>
    public bool FulfilmentRequiresLanding { get; private set; } = true;
    /// <summary>… and at least one of these (when landing is required) — or just one of these when it is not.</summary>
    public bool FulfilmentByVerifiedFunds { get; private set; } = true;
    public bool FulfilmentByConstructionStart { get; private set; } = true;
    public bool FulfilmentByMoveIn { get; private set; } = true;
    public ArrivalWindow ArrivalWindow { get; private set; } = ArrivalWindow.WithinPeriod;
    /// <summary>Green from this many percentage points of 超/欠进度 (default 0).</summary>
    public decimal GreenFromPoints { get; private set; }
    /// <summary>Yellow from this many points (default −10); red below.</summary>
    public decimal YellowFromPoints { get; private set; } = -10m;

    public void SetKeyProjectThreshold(decimal yuan)
    {
        if (yuan <= 0) throw new DomainException("重点项目门槛必须大于 0。");
        KeyProjectThresholdYuan = yuan;
    }

    public void SetFulfilmentRule(bool requiresLanding, bool byVerifiedFunds, bool byConstructionStart, bool byMoveIn)
    {
        if (!requiresLanding && !byVerifiedFunds && !byConstructionStart && !byMoveIn)
            throw new DomainException("履约判定至少需要一个条件。");
        (FulfilmentRequiresLanding, FulfilmentByVerifiedFunds, FulfilmentByConstructionStart, FulfilmentByMoveIn) =
            (requiresLanding, byVerifiedFunds, byConstructionStart, byMoveIn);
    }

    public void SetArrivalWindow(ArrivalWindow window) =>
        ArrivalWindow = Enum.IsDefined(window) ? window : throw new DomainException("到位率统计区间无效。");

    public void SetLightThresholds(decimal greenFrom, decimal yellowFrom)
    {
        if (yellowFrom > greenFrom) throw new DomainException("黄灯阈值不能高于绿灯阈值。");
        if (Math.Abs(greenFrom) > 100 || Math.Abs(yellowFrom) > 100) throw new DomainException("亮灯阈值必须在 −100 到 100 个百分点之间。");
        (GreenFromPoints, YellowFromPoints) = (greenFrom, yellowFrom);
    }

    /// <summary>Green ≥ green threshold; yellow ≥ yellow threshold; red below (docs/figures.md 超/欠进度).</summary>
    public ScheduleLight LightFor(decimal variancePoints) =>
        variancePoints >= GreenFromPoints ? ScheduleLight.Green
        : variancePoints >= YellowFromPoints ? ScheduleLight.Yellow
        : ScheduleLight.Red;

    /// <summary>The 履约 rule in words, for the 口径 footnote.</summary>
    public string DescribeFulfilment()
    {
        var any = new List<string>();
        if (FulfilmentByVerifiedFunds) any.Add("有已认定到位资金");
        if (FulfilmentByConstructionStart) any.Add("已开工");
        if (FulfilmentByMoveIn) any.Add("已入驻/投产");
        var alternatives = any.Count == 0 ? "" : string.Join("或", any);
        return FulfilmentRequiresLanding
            ? alternatives.Length == 0 ? "截至统计日已落位" : $"截至统计日已落位，且{alternatives}"
            : $"截至统计日{alternatives}";
    }
}

/// <summary>Which tranches of the cohort count toward 资金到位率.</summary>
public enum ArrivalWindow
{
    /// <summary>Dated within the period (and not after the as-of date) — the default 口径.</summary>
    [Display(Name = "仅统计期内到位")]
    WithinPeriod = 1,
    /// <summary>Dated from the period's start up to the as-of date, also after the period has ended.</summary>
    [Display(Name = "统计期起至统计日到位（含期后）")]
    UpToAsOfDate = 2,
}

public enum ScheduleLight
{
    [Display(Name = "绿灯")]
    Green = 1,
    [Display(Name = "黄灯")]
    Yellow = 2,
    [Display(Name = "红灯")]
    Red = 3,
}

