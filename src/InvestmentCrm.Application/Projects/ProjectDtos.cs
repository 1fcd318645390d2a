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
    string PlannedForeignCurrency,
    /// <summary><see cref="ReferrerRisk.Note"/> when the project carries the 风险 mark.</summary>
    string? Risk = null);

public sealed record ProjectListQuery(string? Search = null, ProjectStage? Stage = null, int Page = 1, int PageSize = 20);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A project as its page and the API show it: the entity's fields (mapped by <see cref="ProjectMapper"/>), enums and base-unit amounts.</summary>
public sealed record ProjectDetailDto
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Aliases { get; init; }
    public ProjectType Type { get; init; }
    public required string Industry { get; init; }
    public ProjectStage Stage { get; init; }
    public DispatchPhase? DispatchPhase { get; init; }
    /// <summary>招引单位's name.</summary>
    public string? LeadDepartment { get; init; }
    /// <summary>包保领导's name.</summary>
    public string? ResponsibleLeader { get; init; }
    /// <summary>The 风险 mark with the intermediary and the reason (<see cref="ReferrerRisk"/>), or null.</summary>
    public string? Risk { get; init; }
    public string? TargetLocation { get; init; }
    public string? SourceChannel { get; init; }
    public bool IsGreenChannel { get; init; }
    /// <summary>计划内资, in 元.</summary>
    public decimal PlannedDomesticCny { get; init; }
    /// <summary>计划外资, in the currency's base unit.</summary>
    public decimal PlannedForeignAmount { get; init; }
    public required string PlannedForeignCurrency { get; init; }
    public Guid ConcurrencyStamp { get; init; }
    /// <summary>The stage history, oldest first.</summary>
    public IReadOnlyList<StageTransitionDto> Transitions { get; init; } = [];
    /// <summary>Per-year flags (重点项目, 续建), newest year first.</summary>
    public IReadOnlyList<YearFlagDto> YearFlags { get; init; } = [];
}

public sealed record StageTransitionDto(ProjectStage? FromStage, ProjectStage ToStage, DateOnly EffectiveDate, DateTime RecordedAt, string? Reason);

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
