using System.ComponentModel.DataAnnotations;

namespace InvestmentCrm.Projects;

/// <summary>Where a project of a year's 项目盘子 stands (docs/figures.md, "项目盘子"): exactly one of these as of a date.</summary>
public enum PoolCategory
{
    [Display(Name = "已落位未开工")]
    NotStarted = 1,
    [Display(Name = "在建")]
    UnderConstruction = 2,
    [Display(Name = "续建")]
    Continuing = 3,
    [Display(Name = "停缓建")]
    Suspended = 4,
    [Display(Name = "竣工投产")]
    Completed = 5,
}

/// <summary>Which numbers of the 项目盘子 a drill-down shows.</summary>
public enum PoolSelection
{
    [Display(Name = "全部重点项目")]
    All = 0,
    [Display(Name = "已落位未开工")]
    NotStarted = 1,
    [Display(Name = "在建")]
    UnderConstruction = 2,
    [Display(Name = "续建")]
    Continuing = 3,
    [Display(Name = "停缓建")]
    Suspended = 4,
    [Display(Name = "竣工投产")]
    Completed = 5,
    [Display(Name = "开复工")]
    Started = 10,
    [Display(Name = "新建项目")]
    NewBuild = 11,
    [Display(Name = "续建项目")]
    ContinuingBuild = 12,
    [Display(Name = "重大项目")]
    Major = 13,
    [Display(Name = "包装策划项目")]
    Packaged = 14,
}

/// <summary>The rules of the 项目盘子 (docs/figures.md): its category of a project, and who belongs to a year's pool.</summary>
public static class ProjectPool
{
    /// <summary>
    /// 已落位未开工, 在建 (new or resumed this year), 续建 (building since before the year), 停缓建 or 竣工投产 — as of the date.
    /// </summary>
    public static PoolCategory CategoryOf(ConstructionFacts facts) => facts.Status switch
    {
        ConstructionStatus.NotStarted => PoolCategory.NotStarted,
        ConstructionStatus.Suspended => PoolCategory.Suspended,
        ConstructionStatus.Completed => PoolCategory.Completed,
        _ => facts.YearRole == ConstructionYearRole.Continuing ? PoolCategory.Continuing : PoolCategory.UnderConstruction,
    };

    /// <summary>
    /// A key project of the year: the year's own record decides when there is one (listed 重点 or not); without one, a
    /// 计划总投资 (else planned 内资) at or above the year's threshold — unless the project was completed before the year.
    /// </summary>
    public static bool IsKeyProject(bool? listed, decimal plannedTotalYuan, decimal thresholdYuan, DateOnly? completedOn, int year) =>
        listed ?? (plannedTotalYuan >= thresholdYuan && !(completedOn < new DateOnly(year, 1, 1)));
}
