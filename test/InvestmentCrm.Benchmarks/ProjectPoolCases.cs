using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Benchmarks;

internal static class ProjectPoolCases
{
    private static readonly DateOnly AsOf = new(CockpitData.Year, 11, 22);

    /// <summary>The 项目盘子 page as the leader opens it: every count of the year's pool and the first page of its records.</summary>
    public static async Task<int> AppAsync(TestDatabase database, Guid leader)
    {
        await using var db = database.CreateNodeContext();
        var pool = await FigureServices.For(db, new TestUser(leader, "bench", null)).Pool.GetAsync(CockpitData.Year, AsOf);
        if (pool.KeyProjects == 0 || pool.Started == 0 || pool.Records.Items.Count == 0)
            throw new InvalidOperationException("the benchmark data produced an empty pool — the measurement would be meaningless");
        return pool.KeyProjects;
    }

    /// <summary>
    /// What a naive implementation does: load every project with its stage transitions, construction events and year
    /// records, and classify them in memory with the same Domain rules.
    /// </summary>
    public static async Task<int> BaselineAsync(TestDatabase database)
    {
        await using var db = database.CreateNodeContext();
        const int year = CockpitData.Year;
        var threshold = (await db.FigureRules.AsNoTracking().Where(r => r.Year == year).Select(r => (decimal?)r.KeyProjectThresholdYuan).SingleOrDefaultAsync())
            ?? new Figures.FigureRules(year).KeyProjectThresholdYuan;
        var projects = await db.Projects.AsNoTracking().Include(p => p.StageTransitions).Include(p => p.ConstructionEvents).Include(p => p.YearFlags)
            .AsSplitQuery().ToListAsync();
        var counts = new int[6];
        foreach (var p in projects)
        {
            var flag = p.YearFlags.SingleOrDefault(f => f.Year == year);
            var landed = p.StageTransitions.Where(t => t.ToStage is ProjectStage.Landed or ProjectStage.Funded && t.EffectiveDate <= AsOf).Any();
            var terminated = p.StageTransitions.Any(t => t.ToStage == ProjectStage.Terminated && t.EffectiveDate <= AsOf);
            var accepted = p.ConstructionEvents.Where(e => e.Kind == ConstructionEventKind.Accepted).Select(e => (DateOnly?)e.EffectiveDate).Min();
            if (!landed || terminated || !ProjectPool.IsKeyProject(flag?.IsKeyProject, flag?.PlannedTotalYuan ?? p.PlannedDomestic.Amount, threshold, accepted, year))
                continue;
            counts[(int)ProjectPool.CategoryOf(ConstructionFacts.Of(p.ConstructionEvents, year, AsOf))]++;
        }
        return counts.Sum();
    }
}
