namespace InvestmentCrm.Projects;

public sealed record ProjectCreateDto(string Name, ProjectType Type, string Industry, DateOnly RegisteredOn, Guid? LeadDepartmentId, decimal PlannedDomesticCny, string? TargetLocation, string? SourceChannel);

public sealed record VisitInput(DateOnly Date, ActivityType Type, Guid? CompanyId, string Summary, string? Outcome, string? NextStep, DateOnly? NextStepDue);

public sealed record ContractInput(ContractKind Kind, string Number, DateOnly SignedOn, string Parties, decimal DomesticCny, decimal ForeignAmount, string ForeignCurrency, string? Occasion);

public sealed record LandingInput(LandingEvidenceKind Kind, DateOnly Date, string? DocumentNumber, string? Note);

public sealed record TrancheInput(DateOnly ArrivedOn, decimal Amount, string Currency, CapitalSource Source, FundsForm Form, string? Evidence);

public sealed record StageMoveInput(ProjectStage To, DateOnly EffectiveDate, string? Reason);
