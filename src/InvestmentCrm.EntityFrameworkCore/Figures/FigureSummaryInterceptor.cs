using InvestmentCrm.EntityFrameworkCore.Common;

namespace InvestmentCrm.EntityFrameworkCore.Figures;

/// <summary>
/// Keeps the figures' summary tables in the save's transaction: the affected projects are summarised before the save and
/// after it, and the difference is added (<see cref="FigureSummaryMaintenance"/>).
/// </summary>
internal sealed class FigureSummaryInterceptor : SaveTimeWork<FigureSummaryInterceptor.Pending>
{
    internal sealed record Pending(FigureSummaryMaintenance.Snapshot Before, List<Guid> Projects);

    protected override async Task<Pending?> BeforeSaveAsync(CrmDbContext db, CancellationToken ct)
    {
        var (existing, added) = FigureSummaryMaintenance.AffectedProjects(db.ChangeTracker);
        if (existing.Count == 0 && added.Count == 0)
            return null;
        return new Pending(await FigureSummaryMaintenance.BeforeAsync(db, existing, ct), [.. existing, .. added]);
    }

    protected override Task AfterSaveAsync(CrmDbContext db, Pending pending, CancellationToken ct) =>
        FigureSummaryMaintenance.ApplyAsync(db, pending.Before, pending.Projects, ct);
}
