using InvestmentCrm.Figures;

namespace InvestmentCrm.Targets;

/// <summary>One node of the decomposition tree; <see cref="Gap"/> = value − Σ children (shown, never hidden).</summary>
public sealed record TargetNodeDto(
    Guid Id,
    MetricCode Metric,
    string MetricName,
    TargetScope Scope,
    string ScopeName,
    string Owner,
    Guid? DepartmentId,
    Guid? UserId,
    decimal Value,
    string Unit,
    int Depth,
    decimal? ChildrenSum,
    decimal? Gap,
    bool HasChildren);

public sealed record TargetTreeDto(FigurePeriod Period, IReadOnlyList<TargetNodeDto> Nodes);

public sealed record TargetInput(
    MetricCode Metric,
    TargetScope Scope,
    Guid? DepartmentId,
    Guid? UserId,
    Guid? ParentTargetId,
    decimal Value);

public sealed record CampaignDto(Guid Id, string Name, DateOnly Start, DateOnly End, decimal? ReserveTarget, decimal? SignedTarget, decimal? StrategicTarget);

public sealed record CampaignInput(string Name, DateOnly Start, DateOnly End, decimal? ReserveTarget, decimal? SignedTarget, decimal? StrategicTarget);

public sealed record ExchangeRateDto(Guid Id, int Year, int? Month, string Currency, decimal ToCny, decimal ToUsd);

public sealed record ExchangeRateInput(int Year, int? Month, string Currency, decimal ToCny, decimal ToUsd);

public sealed record FigureRulesInput(
    int Year,
    decimal KeyProjectThresholdWanYuan,
    bool FulfilmentRequiresLanding,
    bool FulfilmentByVerifiedFunds,
    bool FulfilmentByConstructionStart,
    bool FulfilmentByMoveIn,
    ArrivalWindow ArrivalWindow,
    decimal GreenFromPoints,
    decimal YellowFromPoints);
