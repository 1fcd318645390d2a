using System.Globalization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

/// <summary>The drill-down: the records behind any figure, from the same queries the figure adds up.</summary>
public sealed class FigureRecordsAppService(ICrmDbContext db, FiguresEngine engine)
{
    public const int RecordsPageSize = 50;

    /// <summary>
    /// The records behind one figure — the same queries the figure is computed from, listed instead of added up:
    /// tranches for 利用内资/外资, projects with their transition date for stage counts, the cohort with its
    /// 履约 status or its contracted and arrived amounts for the rates.
    /// </summary>
    public Task<FigureRecordsDto> GetRecordsAsync(Figure figure, FigureScope figureScope, FigurePeriod period, DateOnly? asOf, int page = 1, CancellationToken ct = default) =>
        ReadAsync(figure, figureScope, period, asOf, page, RecordsPageSize, ct);

    /// <summary>Every record behind the figure as an Excel workbook: the title, the rows and the total (the figure itself).</summary>
    public async Task ExportAsync(Figure figure, FigureScope figureScope, FigurePeriod period, DateOnly? asOf, Stream output, CancellationToken ct = default)
    {
        var all = await ReadAsync(figure, figureScope, period, asOf, 1, int.MaxValue, ct);
        var amounts = figure is Figure.DomesticFunds or Figure.ForeignFunds or Figure.DomesticArrivalRate or Figure.ForeignArrivalRate;
        var numerator = figure is Figure.FulfilmentRate or Figure.DomesticArrivalRate or Figure.ForeignArrivalRate;
        string[] headers = ["项目", "招引单位", figure is Figure.DomesticFunds or Figure.ForeignFunds ? "到账日期" : numerator ? "进入签约日期" : "生效日期", "说明",
            .. amounts ? new[] { "金额" } : [], .. numerator ? new[] { "计入分子" } : []];
        var rows = all.Records.Select(r => new object?[]
            {
                r.ProjectName, r.Department ?? "—", r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Detail,
            }
            .Concat(amounts ? [r.AmountText] : [])
            .Concat(numerator ? [r.Counts == true ? "是" : "否"] : [])
            .ToArray())
            .ToList();
        var summary = all.Summary;
        var total = summary.Value is { } value ? $"{summary.Name}：{value.ToString("#,0.####", CultureInfo.InvariantCulture)} {summary.Unit}" : $"{summary.Name}：—（{summary.Unavailable}）";
        rows.Add([$"合计（全部 {all.Total} 条）", null, null, total, .. amounts ? new object?[] { null } : [], .. numerator ? new object?[] { null } : []]);
        await ExcelWriter.WriteAsync(output, ct, new ExcelWriter.Sheet("明细", headers, rows, all.Title));
    }

    private async Task<FigureRecordsDto> ReadAsync(Figure figure, FigureScope figureScope, FigurePeriod period, DateOnly? asOf, int page, int pageSize, CancellationToken ct)
    {
        var date = engine.AsOf(asOf);
        var (figures, org, resolved, rules, _, _) = await engine.ComputeCoreAsync(figureScope, period, date, ct);
        var summary = figures[figure];
        var cut = FiguresEngine.Cut(period, date);
        var paging = Paging.Of(page, pageSize, int.MaxValue);
        (page, var skip) = (paging.Page, paging.Skip);

        List<FigureRecordDto> records;
        int total;
        switch (figure)
        {
            case Figure.DomesticFunds or Figure.ForeignFunds:
            {
                var source = figure == Figure.DomesticFunds ? CapitalSource.Domestic : CapitalSource.Foreign;
                var tranches =
                    from t in db.FundsTranches
                    where t.Verification == VerificationStatus.Verified && t.Source == source && t.ArrivedOn >= period.Start && t.ArrivedOn <= cut
                    join p in resolved.Projects on t.ProjectId equals p.Id
                    select new { ProjectId = p.Id, p.Name, p.LeadDepartmentId, t.ArrivedOn, t.Amount.Amount, t.Amount.Currency, t.Form, t.Id };
                total = await tranches.CountAsync(ct);
                var rows = await tranches.OrderByDescending(t => t.ArrivedOn).ThenBy(t => t.Id).Skip(skip).Take(pageSize).ToListAsync(ct);
                var rates = await ExchangeRateTable.LoadAsync(db, ct);
                records = rows.Select(r =>
                    {
                        decimal? amount = figure == Figure.DomesticFunds
                            ? r.Amount / 100_000_000m
                            : rates.UsdPerUnit(r.Currency, r.ArrivedOn.Year, r.ArrivedOn.Month) is { } factor ? r.Amount * factor / 10_000m : null;
                        return new FigureRecordDto(r.ProjectId, r.Name, org.NameOf(r.LeadDepartmentId), r.ArrivedOn, r.Form.ToDisplay(), amount,
                            new Money(r.Amount, r.Currency).ToDisplay(), true);
                    })
                    .ToList();
                break;
            }
            case Figure.FulfilmentRate or Figure.DomesticArrivalRate or Figure.ForeignArrivalRate:
            {
                var keyed = FigureQueries.ByDepartment(resolved.Projects);
                var cohortIds = engine.Queries.Cohort(keyed, period.Start, cut).Select(k => k.Id);
                var fulfilledIds = engine.Queries.Fulfilled(engine.Queries.Cohort(keyed, period.Start, cut), date, rules).Select(k => k.Id);
                var windowEnd = rules.ArrivalWindow == ArrivalWindow.WithinPeriod ? cut : date;
                var cohort = db.Projects.Where(p => cohortIds.Contains(p.Id)).Select(p => new
                {
                    p.Id,
                    p.Name,
                    p.LeadDepartmentId,
                    SignedOn = db.ProjectStageTransitions.Where(t => t.ProjectId == p.Id && t.ToStage == ProjectStage.Signed && t.EffectiveDate >= period.Start && t.EffectiveDate <= cut)
                        .Min(t => (DateOnly?)t.EffectiveDate),
                    Fulfilled = fulfilledIds.Contains(p.Id),
                    p.Stage,
                });
                total = await cohort.CountAsync(ct);
                var rows = await cohort.OrderBy(p => p.SignedOn).ThenBy(p => p.Name).Skip(skip).Take(pageSize).ToListAsync(ct);
                var ids = rows.Select(r => r.Id).ToList();
                var contracted = await engine.Queries.CohortContracts(cohortIds, cut).Where(c => ids.Contains(c.ProjectId))
                    .Select(c => new { c.ProjectId, Domestic = c.ContractedDomestic.Amount, Foreign = c.ContractedForeign.Amount, c.ContractedForeign.Currency })
                    .ToListAsync(ct);
                var arrived = await db.FundsTranches
                    .Where(t => ids.Contains(t.ProjectId) && t.Verification == VerificationStatus.Verified && t.ArrivedOn >= period.Start && t.ArrivedOn <= windowEnd)
                    .Select(t => new { t.ProjectId, t.Source, t.Amount.Amount, t.Amount.Currency })
                    .ToListAsync(ct);
                records = rows.Select(r =>
                    {
                        if (figure == Figure.FulfilmentRate)
                            return new FigureRecordDto(r.Id, r.Name, org.NameOf(r.LeadDepartmentId), r.SignedOn,
                                $"当前阶段：{r.Stage.ToDisplay()}；{(r.Fulfilled ? "已履约" : "未履约")}", null, null, r.Fulfilled);
                        var domestic = figure == Figure.DomesticArrivalRate;
                        var contract = contracted.Where(c => c.ProjectId == r.Id)
                            .Select(c => domestic ? new Money(c.Domestic, Money.Cny) : new Money(c.Foreign, c.Currency))
                            .GroupBy(m => m.Currency).Select(g => new Money(g.Sum(m => m.Amount), g.Key).ToDisplay());
                        var came = arrived.Where(a => a.ProjectId == r.Id && a.Source == (domestic ? CapitalSource.Domestic : CapitalSource.Foreign))
                            .GroupBy(a => a.Currency).Select(g => new Money(g.Sum(a => a.Amount), g.Key)).ToList();
                        var cameText = came.Count == 0 ? "0" : string.Join(" + ", came.Select(m => m.ToDisplay()));
                        return new FigureRecordDto(r.Id, r.Name, org.NameOf(r.LeadDepartmentId), r.SignedOn,
                            $"合同约定 {string.Join(" + ", contract)}", domestic ? came.Sum(m => m.Amount) / 100_000_000m : null, $"已认定到位 {cameText}", came.Count > 0);
                    })
                    .ToList();
                break;
            }
            default:
            {
                var stage = figure.Stage()!.Value;
                var keyed = FigureQueries.ByDepartment(resolved.Projects);
                var strategicIds = engine.Queries.StrategicSigned(keyed, period.Start, cut).Select(k => k.Id);
                var entered = resolved.Projects
                    .Where(p => db.ProjectStageTransitions.Any(t => t.ProjectId == p.Id && t.ToStage == stage && t.EffectiveDate >= period.Start && t.EffectiveDate <= cut));
                if (figure == Figure.StrategicInvestorCount)
                    entered = entered.Where(p => strategicIds.Contains(p.Id));
                var projects = entered.Select(p => new
                {
                    p.Id,
                    p.Name,
                    p.LeadDepartmentId,
                    p.Stage,
                    Date = db.ProjectStageTransitions
                        .Where(t => t.ProjectId == p.Id && t.ToStage == stage && t.EffectiveDate >= period.Start && t.EffectiveDate <= cut)
                        .Min(t => (DateOnly?)t.EffectiveDate),
                });
                total = await projects.CountAsync(ct);
                var rows = await projects.OrderBy(p => p.Date).ThenBy(p => p.Name).Skip(skip).Take(pageSize).ToListAsync(ct);
                records = rows.Select(r => new FigureRecordDto(r.Id, r.Name, org.NameOf(r.LeadDepartmentId), r.Date,
                    $"当前阶段：{r.Stage.ToDisplay()}", null, null, true)).ToList();
                break;
            }
        }

        var risks = await ReferrerRisks.OfAsync(db, records.Select(r => r.ProjectId).Distinct().ToList(), ct);
        records = records.Select(r => r with { Risk = risks.GetValueOrDefault(r.ProjectId) }).ToList();
        var title = $"{resolved.Name} · {period.Label} · {figure.ToDisplay()}（截至 {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）";
        return new FigureRecordsDto(figure, title, summary.Footnote, figureScope, resolved.Name, period, date, summary, records, total, page, pageSize);
    }
}
