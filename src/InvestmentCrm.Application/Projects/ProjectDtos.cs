using InvestmentCrm.Projects;

namespace InvestmentCrm.Projects;

public sealed record ProjectListItemDto(
    Guid Id,
    string Name,
    ProjectStage Stage,
    string StageName,
    string TypeName,
    string Industry,
    string? LeadDepartment,
    decimal PlannedDomesticCny,
    decimal PlannedForeignAmount,
    string PlannedForeignCurrency);

public sealed record ProjectListQuery(string? Search = null, ProjectStage? Stage = null, int Page = 1, int PageSize = 20);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ProjectDetailDto(
    Guid Id,
    string Name,
    string? Aliases,
    ProjectType Type,
    string TypeName,
    string Industry,
    ProjectStage Stage,
    string StageName,
    string? DispatchPhase,
    string? LeadDepartment,
    string? ResponsibleLeader,
    string? TargetLocation,
    string? SourceChannel,
    bool IsGreenChannel,
    decimal PlannedDomesticCny,
    decimal PlannedForeignAmount,
    string PlannedForeignCurrency,
    Guid ConcurrencyStamp,
    IReadOnlyList<StageTransitionDto> Transitions,
    IReadOnlyList<YearFlagDto>? YearFlags = null,
    DispatchPhase? Phase = null);

public sealed record StageTransitionDto(string? From, string To, DateOnly EffectiveDate, DateTime RecordedAt, string? Reason);

/// <summary>
/// The basic fields an editor changes (a full replacement: every field is given, none silently defaults);
/// the stamp guards against overwriting someone else's edit. YearFlag null leaves the year flags alone.
/// </summary>
public sealed record ProjectUpdateDto(
    string Name,
    ProjectType Type,
    string Industry,
    string? TargetLocation,
    string? SourceChannel,
    decimal PlannedDomesticCny,
    Guid ConcurrencyStamp,
    decimal PlannedForeignAmount,
    string PlannedForeignCurrency,
    bool IsGreenChannel,
    YearFlagDto? YearFlag);

/// <summary>重点项目 and 新建/续建 for one year (the 重点项目 threshold is configured per year in the targets module).</summary>
public sealed record YearFlagDto(int Year, bool IsKeyProject, bool IsContinuing);
