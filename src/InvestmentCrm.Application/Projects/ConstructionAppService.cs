using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

public sealed record ConstructionEventInput(ConstructionEventKind Kind, DateOnly EffectiveDate, string? Evidence, string? Reason);

public sealed record DispatchPhaseInput(DispatchPhase To, DateOnly EffectiveDate, string? Reason);

public sealed record ApprovalInput(ApprovalKind Kind, string? Name, DateOnly ApprovedOn, string? DocumentNumber);

public sealed record ConstructionEventDto(Guid Id, ConstructionEventKind Kind, DateOnly EffectiveDate, string? Evidence, string? Reason, DateTime RecordedAt);

public sealed record PhaseTransitionDto(DispatchPhase? From, DispatchPhase To, DateOnly EffectiveDate, string? Reason, bool IsOverride, DateTime RecordedAt);

/// <summary>年度投资 of a month, entered in 万元.</summary>
public sealed record InvestmentInput(int Year, int Month, decimal CompletedWan, string? Reason);

public sealed record InvestmentMonthDto(int Year, int Month, decimal CompletedYuan, string? CorrectionNote);

/// <summary>The year of the as-of date: its plan, what was completed by then, and the two rates (docs/figures.md).</summary>
public sealed record InvestmentYearDto(int Year, decimal? PlannedYuan, decimal CompletedYuan, decimal? OfPlanPercent, decimal? AgainstSchedulePoints);

public sealed record ApprovalItemDto(Guid Id, ApprovalKind Kind, string Name, DateOnly ApprovedOn, string? DocumentNumber);

/// <summary>A project's construction as of a date: status, 开工 date, dispatch phase, and the three histories.</summary>
public sealed record ConstructionDto(
    DateOnly AsOf, bool Landed, ConstructionStatus Status, DateOnly? StartedOn, DispatchPhase? Phase,
    IReadOnlyList<ConstructionEventDto> Events, IReadOnlyList<PhaseTransitionDto> Phases, IReadOnlyList<ApprovalItemDto> Approvals,
    IReadOnlyList<InvestmentMonthDto> Investments, InvestmentYearDto InvestmentYear);

/// <summary>
/// 项目建设 on one project (docs/domain.md): construction events under <see cref="ConstructionRules"/>, dispatch phases under
/// <see cref="DispatchPhaseRules"/>, 前期审批 items. Projects outside the caller's scope answer as missing (null/false).
/// </summary>
public sealed class ConstructionAppService(ICrmDbContext db, DataScope scope, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<ConstructionDto?> GetAsync(Guid projectId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return null;
        var date = asOf ?? clock.Today();
        return new ConstructionDto(date, project.LandedOn is not null, project.ConstructionStatusAsOf(date),
            ConstructionRules.StartedOn(project.ConstructionEvents, date), project.DispatchPhase,
            project.ConstructionEvents.OrderBy(e => e.EffectiveDate).ThenBy(e => e.RecordedAt)
                .Select(e => new ConstructionEventDto(e.Id, e.Kind, e.EffectiveDate, e.Evidence, e.Reason, e.RecordedAt)).ToList(),
            project.PhaseTransitions.OrderBy(t => t.EffectiveDate).ThenBy(t => t.RecordedAt)
                .Select(t => new PhaseTransitionDto(t.FromPhase, t.ToPhase, t.EffectiveDate, t.Reason, t.IsOverride, t.RecordedAt)).ToList(),
            project.ApprovalItems.OrderBy(a => a.ApprovedOn)
                .Select(a => new ApprovalItemDto(a.Id, a.Kind, a.Name ?? a.Kind.ToDisplay(), a.ApprovedOn, a.DocumentNumber)).ToList(),
            project.Investments.OrderBy(i => i.Year).ThenBy(i => i.Month).Select(i => new InvestmentMonthDto(i.Year, i.Month, i.CompletedYuan, i.CorrectionNote)).ToList(),
            InvestmentYear(project, date));
    }

    /// <summary>The year of <paramref name="date"/>: months entered up to its month, against the year's plan and 序时进度.</summary>
    private static InvestmentYearDto InvestmentYear(Project project, DateOnly date)
    {
        var planned = project.YearFlags.FirstOrDefault(f => f.Year == date.Year)?.PlannedYearYuan;
        var completed = project.Investments.Where(i => i.Year == date.Year && i.Month <= date.Month).Sum(i => i.CompletedYuan);
        var progress = Figures.TimeProgress.At(new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31), date);
        var (ofPlan, against) = ProjectInvestment.Rates(completed, planned, progress);
        return new InvestmentYearDto(date.Year, planned, completed, ofPlan, against);
    }

    /// <summary>年度投资 of a month (entered in 万元); a month already entered is corrected with the reason.</summary>
    public async Task<bool> RecordInvestmentAsync(Guid projectId, InvestmentInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        project.RecordInvestment(input.Year, input.Month, input.CompletedWan * 10_000m, input.Reason, currentUser.UserId, clock.UtcNow(), clock.Today());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Guid?> RecordAsync(Guid projectId, ConstructionEventInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return null;
        var recorded = project.RecordConstruction(input.Kind, BusinessDates.EnsureDate(input.EffectiveDate, "生效日期"), input.Evidence, input.Reason,
            currentUser.UserId, clock.UtcNow(), clock.Today());
        await db.SaveChangesAsync(ct);
        return recorded.Id;
    }

    public async Task<bool> WithdrawAsync(Guid projectId, Guid eventId, string? reason, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        project.WithdrawConstructionEvent(eventId, reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> ChangePhaseAsync(Guid projectId, DispatchPhaseInput input, bool canOverride, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        project.ChangeDispatchPhase(input.To, BusinessDates.EnsureDate(input.EffectiveDate, "生效日期"), input.Reason, canOverride, currentUser.UserId, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Guid?> AddApprovalAsync(Guid projectId, ApprovalInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return null;
        var item = project.AddApprovalItem(input.Kind, input.Name, BusinessDates.EnsureDate(input.ApprovedOn, "批复日期"), input.DocumentNumber);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    private async Task<Project?> FindAsync(Guid projectId, CancellationToken ct) =>
        await (await scope.ProjectsAsync(ct))
            .Include(p => p.StageTransitions).Include(p => p.ConstructionEvents).Include(p => p.PhaseTransitions).Include(p => p.ApprovalItems)
            .Include(p => p.Investments).Include(p => p.YearFlags)
            .FirstOrDefaultAsync(p => p.Id == projectId, ct);
}
