using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

public sealed record PoolProjectDto(Guid Id, string Name, string? LeadDepartment, PoolCategory? Category, ConstructionYearRole Role, bool IsContinuing,
    bool IsMajor, bool IsPackaged, decimal PlannedTotalYuan, decimal? PlannedYearYuan, DateOnly? StartedOn, bool Landed, decimal CompletedYearYuan = 0m);

public sealed record PoolCountDto(PoolCategory Category, int Count);

/// <summary>The 项目盘子 of a year as of a date (docs/figures.md, "项目盘子").</summary>
public sealed record ProjectPoolDto(
    int Year, DateOnly AsOf, decimal ThresholdYuan, int KeyProjects, IReadOnlyList<PoolCountDto> ByCategory,
    int Started, decimal? StartRatePercent, int NewBuild, int Continuing, int Major, decimal PlannedTotalYuan, decimal PlannedYearYuan,
    int Packaged, int PackagedLanded, decimal? PackagedConversionPercent, IReadOnlyList<PoolProjectDto> Projects, decimal CompletedYearYuan = 0m)
{
    public IEnumerable<PoolProjectDto> Select(PoolSelection selection) => selection switch
    {
        PoolSelection.All => Projects.Where(p => p.Category is not null),
        >= PoolSelection.NotStarted and <= PoolSelection.Completed => Projects.Where(p => p.Category == (PoolCategory)(int)selection),
        PoolSelection.Started => Projects.Where(p => p.Category is not null && p.Role != ConstructionYearRole.None),
        PoolSelection.NewBuild => Projects.Where(p => p.Category is not null && !p.IsContinuing),
        PoolSelection.ContinuingBuild => Projects.Where(p => p.Category is not null && p.IsContinuing),
        PoolSelection.Major => Projects.Where(p => p.Category is not null && p.IsMajor),
        PoolSelection.Packaged => Projects.Where(p => p.IsPackaged),
        _ => [],
    };
}

/// <summary>
/// 项目盘子 (重点项目总览) for leaders and the dispatch office: the year's key projects that have landed, by construction
/// status as of a date, 开复工率, 新建/续建, 重大项目, planned investment, and 包装策划 conversion — in the reader's data scope.
/// </summary>
public sealed class ProjectPoolAppService(ICrmDbContext db, DataScope scope, FiguresEngine figures, TimeProvider clock)
{
    public async Task<ProjectPoolDto> GetAsync(int year, DateOnly? asOf = null, CancellationToken ct = default)
    {
        BusinessDates.EnsureYear(year);
        var yearEnd = new DateOnly(year, 12, 31);
        var date = BusinessDates.EnsureDate(asOf ?? (clock.Today() < yearEnd ? clock.Today() : yearEnd), "统计日");
        var rules = await figures.RulesForAsync(year, ct);
        var threshold = rules.KeyProjectThresholdYuan;

        var candidates = await (await scope.ProjectsAsync(ct)).AsNoTracking()
            .Where(p => p.YearFlags.Any(f => f.Year == year) || p.PlannedDomestic.Amount >= threshold)
            .Select(p => new
            {
                p.Id, p.Name, p.LeadDepartmentId, Planned = p.PlannedDomestic.Amount,
                Flag = p.YearFlags.Where(f => f.Year == year).Select(f => new { f.IsKeyProject, f.IsContinuing, f.IsMajor, f.IsPackaged, f.PlannedTotalYuan, f.PlannedYearYuan }).FirstOrDefault(),
                LandedOn = p.StageTransitions.Where(t => t.ToStage == ProjectStage.Landed).Min(t => (DateOnly?)t.EffectiveDate),
                Terminated = p.StageTransitions.Any(t => t.ToStage == ProjectStage.Terminated && t.EffectiveDate <= date),
                Events = p.ConstructionEvents.ToList(),
                Completed = p.Investments.Where(i => i.Year == year && i.Month <= date.Month).Sum(i => (decimal?)i.CompletedYuan) ?? 0m,
            })
            .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        var rows = new List<PoolProjectDto>();
        foreach (var c in candidates)
        {
            var total = c.Flag?.PlannedTotalYuan ?? c.Planned;
            var completedOn = c.Events.Where(e => e.Kind == ConstructionEventKind.Accepted).Select(e => (DateOnly?)e.EffectiveDate).Min();
            var key = !c.Terminated && ProjectPool.IsKeyProject(c.Flag?.IsKeyProject, total, threshold, completedOn, year);
            var landed = c.LandedOn is { } on && on <= date;
            if (!(key && landed) && c.Flag?.IsPackaged != true)
                continue;
            var role = ConstructionRules.YearRole(c.Events, year, date);
            rows.Add(new PoolProjectDto(c.Id, c.Name, c.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
                key && landed ? ProjectPool.CategoryOf(c.Events, year, date) : null, role,
                c.Flag?.IsContinuing ?? role == ConstructionYearRole.Continuing, c.Flag?.IsMajor == true, c.Flag?.IsPackaged == true,
                total, c.Flag?.PlannedYearYuan, ConstructionRules.StartedOn(c.Events, date), landed, c.Completed));
        }
        var pool = rows.Where(r => r.Category is not null).OrderBy(r => r.Category).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var packaged = rows.Where(r => r.IsPackaged).ToList();
        var started = pool.Count(r => r.Role != ConstructionYearRole.None);
        return new ProjectPoolDto(year, date, threshold, pool.Count,
            Enum.GetValues<PoolCategory>().Select(category => new PoolCountDto(category, pool.Count(r => r.Category == category))).ToList(),
            started, pool.Count == 0 ? null : started * 100m / pool.Count,
            pool.Count(r => !r.IsContinuing), pool.Count(r => r.IsContinuing), pool.Count(r => r.IsMajor),
            pool.Sum(r => r.PlannedTotalYuan), pool.Sum(r => r.PlannedYearYuan ?? 0m),
            packaged.Count, packaged.Count(r => r.Landed), packaged.Count == 0 ? null : packaged.Count(r => r.Landed) * 100m / packaged.Count,
            [.. pool.Concat(packaged.Where(p => p.Category is null))], pool.Sum(r => r.CompletedYearYuan));
    }

    /// <summary>The selected rows as a workbook (amounts in 亿元 as numbers).</summary>
    public static async Task ExportAsync(ProjectPoolDto pool, PoolSelection selection, Stream output, CancellationToken ct = default)
    {
        var year = pool.Year;
        var rows = pool.Select(selection).Select(p => new object?[]
        {
            p.Name, p.LeadDepartment, p.Category?.ToDisplay() ?? "未落位", p.Role.ToDisplay(), p.IsContinuing ? "续建" : "新建", p.IsMajor ? "是" : "否",
            p.PlannedTotalYuan / 100_000_000m, p.PlannedYearYuan is { } y ? y / 100_000_000m : null, p.StartedOn?.ToString("yyyy-MM-dd"),
        });
        await ExcelWriter.WriteAsync(output, ct, new ExcelWriter.Sheet("项目盘子",
            ["项目", "招引单位", "建设状态", "本年开复工", "新建/续建", "重大项目", "计划总投资（亿元）", "年度计划投资（亿元）", "开工日期"], rows,
            $"{year} 年项目盘子 · {selection.ToDisplay()} · 截至 {pool.AsOf:yyyy-MM-dd}"));
    }
}
