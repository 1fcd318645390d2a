using InvestmentCrm.Authorization;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Benchmarks;

internal static class CockpitCases
{
    private static readonly DateOnly AsOf = new(CockpitData.Year, 11, 22);

    /// <summary>The cockpit as the leader opens it: every figure, funnel, trend, ranking, late key projects, campaigns.</summary>
    /// <param name="cache">The host's figure cache (a singleton), or none to compute every time.</param>
    public static async Task AppAsync(TestDatabase database, Guid leader, FiguresCache? cache = null)
    {
        await using var db = database.CreateNodeContext();
        var user = new TestUser(leader, "bench", null);
        var cockpit = await FigureServices.For(db, user, cache: cache).Cockpit.GetCockpitAsync(CockpitData.Year, AsOf, null);
        if (cockpit.Figures[Figure.SignedCount].Value is not > 0)
            throw new InvalidOperationException("the benchmark data produced no signings — the measurement would be meaningless");
    }

    /// <summary>
    /// What a naive implementation does: load the projects with their transitions, contracts and tranches, and compute
    /// the headline figures (内资, 履约率, 到位率, stage counts, ranking) in memory.
    /// </summary>
    public static async Task BaselineAsync(TestDatabase database)
    {
        await using var db = database.CreateNodeContext();
        var start = new DateOnly(CockpitData.Year, 1, 1);
        var projects = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.LeadDepartmentId }).ToListAsync();
        var transitions = await db.ProjectStageTransitions.AsNoTracking().Select(t => new { t.ProjectId, t.ToStage, t.EffectiveDate }).ToListAsync();
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.Kind == ContractKind.FormalInvestment)
            .Select(c => new { c.ProjectId, c.SignedOn, Domestic = c.ContractedDomestic.Amount }).ToListAsync();
        var tranches = await db.FundsTranches.AsNoTracking().Where(t => t.Verification == VerificationStatus.Verified)
            .Select(t => new { t.ProjectId, t.ArrivedOn, t.Source, t.Amount.Amount }).ToListAsync();

        var inYear = tranches.Where(t => t.ArrivedOn >= start && t.ArrivedOn <= AsOf).ToList();
        _ = inYear.Where(t => t.Source == CapitalSource.Domestic).Sum(t => t.Amount);
        var cohort = contracts.Where(c => c.SignedOn >= start && c.SignedOn <= AsOf).Select(c => c.ProjectId).ToHashSet();
        var landed = transitions.Where(t => cohort.Contains(t.ProjectId) && t.ToStage is ProjectStage.Landed or ProjectStage.Funded && t.EffectiveDate <= AsOf)
            .Select(t => t.ProjectId).ToHashSet();
        _ = tranches.Where(t => landed.Contains(t.ProjectId) && t.ArrivedOn <= AsOf).Select(t => t.ProjectId).Distinct().Count();
        _ = inYear.Where(t => cohort.Contains(t.ProjectId)).Sum(t => t.Amount);
        _ = transitions.Where(t => t.EffectiveDate >= start && t.EffectiveDate <= AsOf).GroupBy(t => t.ToStage).ToDictionary(g => g.Key, g => g.Select(t => t.ProjectId).Distinct().Count());
        var department = projects.ToDictionary(p => p.Id, p => p.LeadDepartmentId);
        _ = inYear.GroupBy(t => department.GetValueOrDefault(t.ProjectId)).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Sum(t => t.Amount));
    }
}
