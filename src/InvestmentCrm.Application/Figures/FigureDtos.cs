using InvestmentCrm.Projects;

namespace InvestmentCrm.Figures;

/// <summary>
/// One computed figure. <see cref="Value"/> is null when it cannot be computed; <see cref="Unavailable"/> then
/// says why (no cohort, a missing exchange rate …). Completion/variance/light are null without a target.
/// </summary>
public sealed record FigureDto(
    Figure Figure,
    string Name,
    string Unit,
    decimal? Value,
    decimal? Target,
    decimal? CompletionPercent,
    decimal? VariancePoints,
    ScheduleLight? Light,
    decimal? YearOnYearPercent,
    decimal? Numerator,
    decimal? Denominator,
    string? Unavailable,
    string? TargetMissing,
    string Footnote);

public sealed record FigureSetDto(
    FigureScope Scope,
    string ScopeName,
    FigurePeriod Period,
    DateOnly AsOf,
    TimeProgress TimeProgress,
    IReadOnlyList<FigureDto> Figures)
{
    public FigureDto this[Figure figure] => Figures.First(f => f.Figure == figure);
}

public sealed record FunnelStepDto(ProjectStage Stage, int Count, decimal? ConversionPercent);

public sealed record MonthlyArrivalDto(int Month, decimal? ThisYearYi, decimal LastYearYi);

public sealed record DepartmentRankDto(
    Guid DepartmentId,
    string Name,
    decimal DomesticYi,
    decimal? DomesticTargetYi,
    decimal? CompletionPercent,
    decimal? VariancePoints,
    ScheduleLight? Light,
    int SignedCount,
    int CohortCount,
    decimal? FulfilmentPercent);

public sealed record BehindScheduleDto(Guid ProjectId, string ProjectName, string? Department, string? Leader, string Reason, DateOnly DueDate, int DaysLate);

public sealed record CampaignProgressDto(Guid CampaignId, string Name, DateOnly Start, DateOnly End, IReadOnlyList<FigureDto> Figures);

public sealed record CockpitDto(
    FigureSetDto Figures,
    IReadOnlyList<FunnelStepDto> Funnel,
    IReadOnlyList<MonthlyArrivalDto> MonthlyArrivals,
    IReadOnlyList<DepartmentRankDto> Ranking,
    IReadOnlyList<BehindScheduleDto> BehindSchedule,
    IReadOnlyList<CampaignProgressDto> Campaigns,
    IReadOnlyList<int> Years);

/// <summary>The records behind one figure (drill-down); amounts in the figure's unit, credited share for a person.</summary>
public sealed record FigureRecordDto(Guid ProjectId, string ProjectName, string? Department, DateOnly? Date, string Detail, decimal? Amount, string? AmountText, bool? Counts,
    string? Risk = null);

public sealed record FigureRecordsDto(Figure Figure, string Title, string Footnote, FigureScope Scope, string ScopeName, FigurePeriod Period, DateOnly AsOf, FigureDto Summary,
    IReadOnlyList<FigureRecordDto> Records, int Total, int Page, int PageSize);

public sealed record PersonFiguresDto(Guid UserId, string Name, string? Department, FigureSetDto Figures, IReadOnlyList<CreditedProjectDto> Projects);

public sealed record CreditedProjectDto(Guid ProjectId, string ProjectName, ProjectStage Stage, IReadOnlyList<ContributorRole> Roles, decimal WeightPercent, decimal DomesticCreditYi, decimal ForeignCreditWan);

public sealed record DepartmentViewDto(Guid DepartmentId, string Name, FigureSetDto Figures, IReadOnlyList<DepartmentRankDto> Children, IReadOnlyList<PersonRowDto> People);

public sealed record PersonRowDto(Guid UserId, string Name, string? Title, decimal DomesticYi, decimal? DomesticTargetYi, decimal? CompletionPercent, ScheduleLight? Light, decimal SignedCredit);
