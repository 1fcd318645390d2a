using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Workbench;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Benchmarks;

internal static class WorkbenchCases
{
    public static async Task AppAsync(TestDatabase database, Guid reader)
    {
        await using var db = database.CreateNodeContext();
        await new WorkbenchAppService(db, TestScopes.Resolved(db, new TestUser(reader, "bench", null))).GetSummaryAsync();
    }

    /// <summary>What a naive implementation does: load the rows, count and sum in memory.</summary>
    public static async Task BaselineAsync(TestDatabase database)
    {
        await using var db = database.CreateNodeContext();
        var projects = await db.Projects.AsNoTracking().ToListAsync();
        var tranches = await db.FundsTranches.AsNoTracking().ToListAsync();
        var contracts = await db.Contracts.AsNoTracking().ToListAsync();
        _ = projects.GroupBy(p => p.Stage).ToDictionary(g => g.Key, g => g.Count());
        _ = tranches.Where(t => t.Verification == VerificationStatus.Verified).GroupBy(t => t.Source).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount.Amount));
        _ = contracts.Where(c => c.IsFormalInvestmentContract).Sum(c => c.ContractedDomestic.Amount);
    }
}
