using InvestmentCrm.Projects;

namespace InvestmentCrm.Figures;

/// <summary>
/// Where a scope's aggregated rows come from — chosen once, when the scope is resolved (docs/architecture.md, "Figures
/// engine"): the detail tables filtered to the scope's projects, or the summary tables.
/// </summary>
internal interface IFigureRows
{
    Task<List<StageRow>> StageEntriesAsync(DateWindow w, ProjectStage[]? stages, CancellationToken ct);
    Task<List<FundsRow>> VerifiedFundsAsync(DateWindow w, CancellationToken ct);
    Task<List<StrategicRow>> StrategicSignedAsync(DateWindow w, CancellationToken ct);
    Task<List<CohortRow>> CohortCountsAsync(DateOnly start, DateOnly cut, DateOnly asOf, FigureRules rules, CancellationToken ct);
    Task<List<ContractRow>> ContractedAsync(DateOnly start, DateOnly cut, CancellationToken ct);
    Task<List<FundsRow>> CohortFundsAsync(DateOnly start, DateOnly cut, DateOnly arrivedFrom, DateOnly arrivedTo, CancellationToken ct);
    Task<List<StageRow>> FurthestStagesAsync(DateOnly asOf, CancellationToken ct);
}

/// <summary>The rows of the scope's projects, aggregated from the detail tables.</summary>
internal sealed class DetailFigureRows(FigureQueries queries, IQueryable<KeyedProject> projects) : IFigureRows
{
    public Task<List<StageRow>> StageEntriesAsync(DateWindow w, ProjectStage[]? stages, CancellationToken ct) => queries.StageEntriesAsync(projects, w, ct, stages);
    public Task<List<FundsRow>> VerifiedFundsAsync(DateWindow w, CancellationToken ct) => queries.VerifiedFundsAsync(projects, w, ct);
    public Task<List<StrategicRow>> StrategicSignedAsync(DateWindow w, CancellationToken ct) => queries.StrategicSignedAsync(projects, w, ct);
    public Task<List<CohortRow>> CohortCountsAsync(DateOnly start, DateOnly cut, DateOnly asOf, FigureRules rules, CancellationToken ct) =>
        queries.CohortCountsAsync(projects, start, cut, asOf, rules, ct);
    public Task<List<ContractRow>> ContractedAsync(DateOnly start, DateOnly cut, CancellationToken ct) => queries.ContractedAsync(projects, start, cut, ct);
    public Task<List<FundsRow>> CohortFundsAsync(DateOnly start, DateOnly cut, DateOnly arrivedFrom, DateOnly arrivedTo, CancellationToken ct) =>
        queries.VerifiedFundsAsync(queries.Cohort(projects, start, cut), arrivedFrom, arrivedTo, ct);
    public Task<List<StageRow>> FurthestStagesAsync(DateOnly asOf, CancellationToken ct) => queries.FurthestStagesAsync(projects, asOf, ct);
}

/// <summary>
/// The rows of every live project by 招引单位 from the summary tables — right for a reader who sees 全部 and a district
/// or department scope (the attribution then keeps the scope's departments). What the summaries cannot answer (windows
/// that do not start on a month's or year's first day; 战略投资者, which is not summarised) comes from the detail.
/// </summary>
internal sealed class SummaryFigureRows(FigureSummaryQueries summaries, DetailFigureRows detail) : IFigureRows
{
    public Task<List<StageRow>> StageEntriesAsync(DateWindow w, ProjectStage[]? stages, CancellationToken ct) =>
        FigureSummaryQueries.CanReadStageEntries(w) ? summaries.StageEntriesAsync(w, ct) : detail.StageEntriesAsync(w, stages, ct);
    public Task<List<FundsRow>> VerifiedFundsAsync(DateWindow w, CancellationToken ct) =>
        FigureSummaryQueries.CanReadFunds(w) ? summaries.VerifiedFundsAsync(w, ct) : detail.VerifiedFundsAsync(w, ct);
    public Task<List<StrategicRow>> StrategicSignedAsync(DateWindow w, CancellationToken ct) => detail.StrategicSignedAsync(w, ct);
    public Task<List<CohortRow>> CohortCountsAsync(DateOnly start, DateOnly cut, DateOnly asOf, FigureRules rules, CancellationToken ct) =>
        summaries.CohortCountsAsync(start, cut, asOf, rules, ct);
    public Task<List<ContractRow>> ContractedAsync(DateOnly start, DateOnly cut, CancellationToken ct) => summaries.ContractedAsync(start, cut, ct);
    public Task<List<FundsRow>> CohortFundsAsync(DateOnly start, DateOnly cut, DateOnly arrivedFrom, DateOnly arrivedTo, CancellationToken ct) =>
        summaries.CohortFundsAsync(start, cut, arrivedFrom, arrivedTo, ct);
    public Task<List<StageRow>> FurthestStagesAsync(DateOnly asOf, CancellationToken ct) => summaries.FurthestStagesAsync(asOf, ct);
}
