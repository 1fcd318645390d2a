namespace InvestmentCrm.Projects;

public sealed record ProjectCreateDto(string Name, ProjectType Type, string Industry, DateOnly RegisteredOn, Guid? LeadDepartmentId, decimal PlannedDomesticCny, string? TargetLocation, string? SourceChannel);

public sealed record VisitInput(DateOnly Date, ActivityType Type, Guid? CompanyId, string Summary, string? Outcome, string? NextStep, DateOnly? NextStepDue,
    IReadOnlyList<Guid>? Participants = null);

public sealed record ContractInput(ContractKind Kind, string Number, DateOnly SignedOn, string Parties, decimal DomesticCny, decimal ForeignAmount, string ForeignCurrency, string? Occasion,
    DateOnly? AgreedLandingDate = null, DateOnly? AgreedStartDate = null, DateOnly? AgreedOperationDate = null);

/// <summary>撤销认定 of a decided tranche, or 撤回 of a record: the written reason.</summary>
public sealed record DecisionWithdrawalInput(string Reason);

/// <summary>更正 of a contract: its new content and the written reason.</summary>
public sealed record ContractCorrectionInput(ContractInput Contract, string Reason);

/// <summary>更正 of a tranche still 待认定: its new content and the written reason.</summary>
public sealed record TrancheCorrectionInput(TrancheInput Tranche, string Reason);

/// <summary>更正 of a visit: its new content and the written reason.</summary>
public sealed record VisitCorrectionInput(VisitInput Visit, string Reason);

public sealed record LandingInput(LandingEvidenceKind Kind, DateOnly Date, string? DocumentNumber, string? Note);

public sealed record TrancheInput(DateOnly ArrivedOn, decimal Amount, string Currency, CapitalSource Source, FundsForm Form, string? Evidence);

public sealed record StageMoveInput(ProjectStage To, DateOnly EffectiveDate, string? Reason);

/// <summary>Everything the project page shows of the pipeline records: enums and base-unit amounts; views own the labels.</summary>
public sealed record PipelineDto(
    IReadOnlyList<PipelineDto.VisitDto> Visits,
    IReadOnlyList<PipelineDto.ContractDto> Contracts,
    IReadOnlyList<PipelineDto.LandingDto> Landing,
    IReadOnlyList<PipelineDto.TrancheDto> Tranches,
    IReadOnlyList<PipelineDto.UserOption> Colleagues,
    IReadOnlyList<PipelineDto.LinkedCompany> LinkedCompanies)
{
    public sealed record LinkedCompany(string Name, ProjectCompanyRole Role);
    public sealed record UserOption(Guid Id, string Name);
    public sealed record VisitDto(DateOnly Date, ActivityType Type, string? Company, string Summary, string? NextStep, DateOnly? NextStepDue, IReadOnlyList<string> Participants,
        Guid Id = default, string? Outcome = null, string? CorrectionNote = null);
    public sealed record ContractDto(ContractKind Kind, bool IsFormal, string Number, DateOnly SignedOn, string Parties, decimal DomesticCny, decimal ForeignAmount, string ForeignCurrency, string? Occasion,
        DateOnly? AgreedLandingDate = null, DateOnly? AgreedStartDate = null, DateOnly? AgreedOperationDate = null, Guid Id = default, string? CorrectionNote = null);
    public sealed record LandingDto(LandingEvidenceKind Kind, DateOnly Date, string? DocumentNumber, Guid Id = default, string? CorrectionNote = null);
    public sealed record TrancheDto(Guid Id, DateOnly ArrivedOn, decimal Amount, string Currency, CapitalSource Source, FundsForm Form, VerificationStatus Status, string? Note, bool EnteredByMe,
        string? Evidence = null, string? CorrectionNote = null);
}

public sealed record ContributorInput(Guid UserId, ContributorRole Role, decimal WeightPercent);

public sealed record ResponsibilityInput(
    Guid? LeadDepartmentId, Guid? ResponsibleLeaderId, Guid? DepartmentSecretaryId, Guid? LocalSecretaryId,
    Guid? ReferrerCompanyId, string? ReferrerName, IReadOnlyList<ContributorInput> Contributors);

public sealed record ResponsibilityDto(
    ResponsibilityInput Current,
    IReadOnlyList<(Guid Id, string Name)> Departments,
    /// <summary>Who may be 包保领导 (<see cref="Organization.Roles.ProjectLeaders"/>).</summary>
    IReadOnlyList<(Guid Id, string Name)> Leaders,
    /// <summary>Who may be a secretary or contributor (<see cref="Organization.Roles.Business"/>).</summary>
    IReadOnlyList<(Guid Id, string Name)> Users,
    IReadOnlyList<(Guid Id, string Name, bool Blacklisted)> Intermediaries);

/// <summary>One follow-up of 我的待办: the next step of a visit the user took part in.</summary>
public sealed record FollowUpDto(Guid ActivityId, Guid? ProjectId, string? Project, Guid? CompanyId, string? Company, DateOnly VisitDate, string Summary, string NextStep,
    DateOnly Due, bool Overdue, DateOnly? DoneOn = null, string? Outcome = null);

/// <summary>办结 of a follow-up: the day it was done and what came of it.</summary>
public sealed record FollowUpCompletionInput(DateOnly DoneOn, string Outcome);

public sealed record MilestoneDto(Guid Id, DispatchPhase Phase, string Title, DateOnly PlannedDate, DateOnly? ActualDate, int? RemainingDays, string? CorrectionNote = null);

/// <summary>更正 of landing evidence: its new content and the written reason.</summary>
public sealed record LandingCorrectionInput(LandingInput Evidence, string Reason);

/// <summary>更正 of a milestone: phase, title, planned and (if done) actual date, and the written reason.</summary>
public sealed record MilestoneCorrectionInput(DispatchPhase Phase, string Title, DateOnly PlannedDate, DateOnly? ActualDate, string Reason);
