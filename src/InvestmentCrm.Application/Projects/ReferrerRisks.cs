using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

/// <summary>Reads the 风险 mark (<see cref="ReferrerRisk"/>) of many projects at once.</summary>
public static class ReferrerRisks
{
    /// <summary>The risk note of each of these projects that carries it.</summary>
    public static async Task<Dictionary<Guid, string>> OfAsync(ICrmDbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        if (projectIds.Count == 0)
            return [];
        var ids = projectIds.ToList();
        // Unscoped (the whole query: a filter left in a subquery is left for all of it): the intermediaries are the
        // district's shared list; the ids are projects the caller has already read in the reader's scope.
        var referredByBlacklisted = await db.Unscoped.Projects
            .Where(p => ids.Contains(p.Id) && db.Unscoped.Companies.Any(c => c.Id == p.ReferrerCompanyId && c.IsBlacklisted))
            .Select(p => new { p.Id, p.Stage })
            .ToListAsync(ct);
        return referredByBlacklisted
            .Select(p => (p.Id, Note: ReferrerRisk.For(p.Stage, referrerBlacklisted: true)))
            .Where(p => p.Note is not null)
            .ToDictionary(p => p.Id, p => p.Note!);
    }
}
