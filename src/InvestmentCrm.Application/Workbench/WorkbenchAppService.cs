using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Workbench;

/// <summary>
/// The home page figures. Aggregates are computed by the database (GROUP BY / SUM), never by loading rows.
/// Every figure is computed inside the user's data scope: no out-of-scope project adds to a count or a sum.
/// </summary>
public sealed class WorkbenchAppService(ICrmDbContext db, DataScope scope, FiguresCache? cache = null)
{
    /// <summary>Cached as the cockpit is (Figures/FiguresCache: never older than the data): the home page is the most opened.</summary>
    public async Task<WorkbenchSummaryDto> GetSummaryAsync(CancellationToken ct = default) =>
        await cache.CachedAsync(db, scope, "workbench", () => ComputeSummaryAsync(ct), ct);

    private async Task<WorkbenchSummaryDto> ComputeSummaryAsync(CancellationToken ct)
    {
        var projects = await scope.ProjectsAsync(ct);
        var counts = await projects
            .GroupBy(p => p.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Stage, x => x.Count, ct);

        var stages = ProjectNames.MainLine.Concat([ProjectStage.Suspended, ProjectStage.Terminated])
            .Select(s => new StageCountDto(s, counts.GetValueOrDefault(s)))
            .ToList();

        // Contracts and tranches count through the live projects, so a deleted project's money is in no total (the
        // registers behind these numbers, Projects/FundsRegisterAppService, read the same sets).
        var formal = (await scope.ContractsAsync(ct)).Where(c => c.Kind == ContractKind.FormalInvestment && projects.Any(p => p.Id == c.ProjectId));
        var formalCount = await formal.CountAsync(ct);
        // Exact decimal sums in the database on both providers (SQLite through EF's ef_sum function).
        var contracted = await formal.SumAsync(c => c.ContractedDomestic.Amount, ct);

        var tranches = (await scope.FundsTranchesAsync(ct)).Where(t => projects.Any(p => p.Id == t.ProjectId));
        var verified = await tranches
            .Where(t => t.Verification == VerificationStatus.Verified)
            .GroupBy(t => new { t.Source, t.Amount.Currency })
            .Select(g => new { g.Key.Source, g.Key.Currency, Amount = g.Sum(t => t.Amount.Amount), Count = g.Count() })
            .ToListAsync(ct);
        var pending = await tranches.CountAsync(t => t.Verification == VerificationStatus.Pending, ct);

        var companies = await scope.CompaniesAsync(ct);
        var recent = await (await scope.ActivitiesAsync(ct))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.CreatedAt)
            .Take(8)
            .Select(a => new
            {
                a.Id,
                a.Date,
                a.Type,
                a.Summary,
                ProjectName = projects.Where(p => p.Id == a.ProjectId).Select(p => p.Name).FirstOrDefault(),
                CompanyName = companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return new WorkbenchSummaryDto(
            stages,
            counts.Values.Sum(),
            formalCount,
            contracted,
            verified.Where(t => t.Source == CapitalSource.Domestic && t.Currency == Money.Cny).Sum(t => t.Amount),
            verified.Where(t => t.Source == CapitalSource.Foreign && t.Currency == Money.Usd).Sum(t => t.Amount),
            // Other currencies need the month's exchange rate (figures engine); they are counted, never added as USD.
            verified.Where(t => t.Source == CapitalSource.Foreign && t.Currency != Money.Usd).Sum(t => t.Count),
            pending,
            recent.Select(a => new RecentActivityDto(a.Id, a.Date, a.Type, a.Summary, a.ProjectName, a.CompanyName)).ToList());
    }
}
