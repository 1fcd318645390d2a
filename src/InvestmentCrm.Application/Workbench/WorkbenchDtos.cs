using InvestmentCrm.Projects;

namespace InvestmentCrm.Workbench;

/// <summary>What the 工作台 shows: the pipeline by stage and the money that really arrived.</summary>
public sealed record WorkbenchSummaryDto(
    IReadOnlyList<StageCountDto> Stages,
    int TotalProjects,
    int FormalContracts,
    decimal ContractedDomesticCny,
    decimal VerifiedDomesticCny,
    decimal VerifiedForeignUsd,
    int VerifiedForeignNotInUsd,
    int PendingTranches,
    IReadOnlyList<RecentActivityDto> RecentActivities);

public sealed record StageCountDto(ProjectStage Stage, int Count);

public sealed record RecentActivityDto(Guid Id, DateOnly Date, ActivityType Type, string Summary, string? ProjectName, string? CompanyName);
