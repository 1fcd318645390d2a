using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.ProjectIssues;

public sealed record GreenChannelServiceInput(GreenChannelItem Item, string? Detail, Guid ResponsibleDepartmentId, DateOnly RequestedOn, DateOnly DueOn);

public sealed record GreenChannelDoneInput(DateOnly DoneOn, decimal? ReliefYuan);

public sealed record GreenChannelServiceDto(
    Guid Id, GreenChannelItem Item, string? Detail, Guid ResponsibleDepartmentId, string ResponsibleDepartment, DateOnly RequestedOn, DateOnly DueOn,
    DateOnly? DoneOn, decimal? ReliefYuan, bool Overdue);

/// <summary>A project's 绿色通道: its services, and 减免 summed per year.</summary>
public sealed record GreenChannelDto(bool InGreenChannel, IReadOnlyList<GreenChannelServiceDto> Services, IReadOnlyDictionary<int, decimal> ReliefByYear);

/// <summary>绿色通道 services of a project in the reader's scope (docs/domain.md, "绿色通道").</summary>
public sealed class GreenChannelAppService(ICrmDbContext db, DataScope scope, TimeProvider clock)
{
    public async Task<GreenChannelDto?> GetAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await (await scope.ProjectsAsync(ct)).Where(p => p.Id == projectId).Select(p => new { p.IsGreenChannel }).FirstOrDefaultAsync(ct);
        if (project is null)
            return null;
        var today = clock.Today();
        var services = await db.GreenChannelServices.AsNoTracking().Where(s => s.ProjectId == projectId)
            .OrderBy(s => s.RequestedOn).ThenBy(s => s.Id).ToListAsync(ct);
        var departmentIds = services.Select(s => s.ResponsibleDepartmentId).Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return new GreenChannelDto(project.IsGreenChannel,
            [.. services.Select(s => new GreenChannelServiceDto(s.Id, s.Item, s.Detail, s.ResponsibleDepartmentId, departments.GetValueOrDefault(s.ResponsibleDepartmentId, "—"),
                s.RequestedOn, s.DueOn, s.DoneOn, s.ReliefYuan, s.IsOverdue(today)))],
            services.Where(s => s.DoneOn is not null && s.ReliefYuan is not null).GroupBy(s => s.DoneOn!.Value.Year)
                .ToDictionary(g => g.Key, g => g.Sum(s => s.ReliefYuan!.Value)));
    }

    public async Task<Guid?> AddAsync(Guid projectId, GreenChannelServiceInput input, CancellationToken ct = default)
    {
        var project = await (await scope.ProjectsAsync(ct)).Where(p => p.Id == projectId).Select(p => new { p.IsGreenChannel }).FirstOrDefaultAsync(ct);
        if (project is null)
            return null;
        if (!await db.Departments.AnyAsync(d => d.Id == input.ResponsibleDepartmentId && d.IsActive, ct))
            throw new DomainException("所选责任单位不存在或已停用。");
        var service = new GreenChannelService(projectId, project.IsGreenChannel, input.Item, input.Detail, input.ResponsibleDepartmentId,
            BusinessDates.EnsureDate(input.RequestedOn, "受理日期"), BusinessDates.EnsureDate(input.DueOn, "限办日期"), clock.Today());
        db.GreenChannelServices.Add(service);
        await db.SaveChangesAsync(ct);
        return service.Id;
    }

    public async Task<bool> CompleteAsync(Guid projectId, Guid serviceId, GreenChannelDoneInput input, CancellationToken ct = default)
    {
        var service = await db.GreenChannelServices.FirstOrDefaultAsync(s => s.Id == serviceId && s.ProjectId == projectId, ct);
        if (service is null)
            return false;
        service.Complete(BusinessDates.EnsureDate(input.DoneOn, "办结日期"), input.ReliefYuan, clock.Today());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
