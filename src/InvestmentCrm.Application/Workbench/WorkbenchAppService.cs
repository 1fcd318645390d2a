using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Workbench;

/// <summary>
/// The home page figures. Aggregates are computed by the database (GROUP BY / SUM), never by loading rows.
/// Data scope will narrow these queries once the roles issue lands; until then every signed-in user sees the district.
/// </summary>
public sealed class WorkbenchAppService(ICrmDbContext db)
{
    public async Task<WorkbenchSummaryDto> GetSummaryAsync(CancellationToken ct = default)
    {
        var counts = await db.Projects
            .GroupBy(p => p.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Stage, x => x.Count, ct);

        var stages = ProjectNames.MainLine.Concat([ProjectStage.Suspended, ProjectStage.Terminated])
            .Select(s => new StageCountDto(s, s.ToDisplay(), counts.GetValueOrDefault(s)))
            .ToList();

        var formal = db.Contracts.Where(c => c.Kind == ContractKind.FormalInvestment);
        var formalCount = await formal.CountAsync(ct);
        // SUM over decimals: SQLite stores them as TEXT, so the sum is done on the materialised amounts column only.
        var contracted = (await formal.Select(c => c.ContractedDomestic.Amount).ToListAsync(ct)).Sum();

        var verified = await db.FundsTranches
            .Where(t => t.Verification == VerificationStatus.Verified)
            .Select(t => new { t.Source, t.Amount.Amount, t.Amount.Currency })
            .ToListAsync(ct);
        var pending = await db.FundsTranches.CountAsync(t => t.Verification == VerificationStatus.Pending, ct);

        var recent = await db.Activities
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.CreatedAt)
            .Take(8)
            .Select(a => new
            {
                a.Id,
                a.Date,
                a.Type,
                a.Summary,
                ProjectName = db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Name).FirstOrDefault(),
                CompanyName = db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return new WorkbenchSummaryDto(
            stages,
            counts.Values.Sum(),
            formalCount,
            contracted,
            verified.Where(t => t.Source == CapitalSource.Domestic && t.Currency == Money.Cny).Sum(t => t.Amount),
            verified.Where(t => t.Source == CapitalSource.Foreign && t.Currency == Money.Usd).Sum(t => t.Amount),
            pending,
            recent.Select(a => new RecentActivityDto(a.Id, a.Date, a.Type.ToDisplay(), a.Summary, a.ProjectName, a.CompanyName)).ToList());
    }
}
