namespace InvestmentCrm.Appraisal;

public sealed record RuleSetSummaryDto(Guid Id, int Year, int Version, string Name, RuleSetStatus Status, DateTime? PublishedAt, int ItemCount);

public sealed record RuleSetDto(Guid Id, int Year, int Version, string Name, RuleSetStatus Status, bool IsEditable, DateTime? PublishedAt,
    string? ExcludedIndustries, bool ExcludeGovernmentInvestment, decimal? MinimumProjectYi, string? LocalOrigin, List<AppraisalItemDto> Items);

public sealed record AppraisalItemDto(Guid Id, AppraisalSubject Subject, string Name, AppraisalMetric Metric, AppraisalItemKind Kind, decimal Points,
    AppraisalItemSpec Spec, string Rule);

/// <param name="EarlyFreezeWarning">For a run not frozen whose year is not over: why freezing it now matters (the freeze needs a confirmation).</param>
public sealed record RunSummaryDto(Guid Id, int Year, Guid RuleSetId, string RuleSetName, int RuleSetVersion, DateOnly AsOf, DateTime ComputedAt, bool IsFrozen,
    DateTime? FrozenAt, string? EarlyFreezeWarning = null);

public sealed record ScoreDto(AppraisalSubject Subject, Guid SubjectId, string Name, string? DepartmentName, decimal Total, int Rank);

public sealed record RunDto(RunSummaryDto Run, List<ScoreDto> Departments, List<ScoreDto> People, string? Exclusions, RunDiffDto? Diff);

/// <summary>
/// A verified tranche of the year flagged for manual review (its project's referring intermediary is blacklisted), with
/// the assessor's decision: null while undecided, true counted, false excluded.
/// </summary>
public sealed record FundsReviewDto(Guid TrancheId, Guid ProjectId, string ProjectName, string Intermediary, DateOnly ArrivedOn, decimal Amount, string Currency,
    bool? Included, string? Reason, string? DecidedBy);

/// <summary>What changed against the year's frozen run: totals per subject and the ledger rows added, removed or changed.</summary>
public sealed record RunDiffDto(RunSummaryDto Frozen, List<SubjectDiffDto> Subjects);

public sealed record SubjectDiffDto(AppraisalSubject Subject, Guid SubjectId, string Name, decimal Before, decimal After, List<RecordDiffDto> Records);

/// <summary>A ledger row in one run and not the other (null on the missing side), or with a different credit.</summary>
public sealed record RecordDiffDto(string MetricName, EvidenceKind Kind, Guid RecordId, Guid? ProjectId, string Title, string Note, decimal? Before, decimal? After);

public sealed record EvidenceDto(EvidenceKind Kind, Guid RecordId, Guid? ProjectId, string Title, string Note, decimal Credit);

public sealed record LineDto(string ItemName, AppraisalItemKind Kind, string KindName, AppraisalMetric Metric, string MetricName, decimal? Value, decimal? Target,
    string Inputs, string Formula, decimal Points, List<EvidenceDto> Evidence);

public sealed record SubjectDetailDto(RunSummaryDto Run, AppraisalSubject Subject, Guid SubjectId, string Name, decimal Total, int Rank, int RankedOf, List<LineDto> Lines);

/// <summary>我的贡献: the signed-in user's credited records of a year, live, and their line items in the year's latest run.</summary>
public sealed record ContributionDto(int Year, DateOnly AsOf, string? RuleSetName, List<ContributionTotalDto> Totals, List<ContributionRowDto> Rows,
    IReadOnlyList<string> Excluded, SubjectDetailDto? LatestRun);

public sealed record ContributionTotalDto(AppraisalMetric Metric, string MetricName, decimal Credit);

public sealed record ContributionRowDto(AppraisalMetric Metric, string MetricName, EvidenceKind Kind, Guid RecordId, Guid? ProjectId, string Title, string Note,
    decimal Credit);
