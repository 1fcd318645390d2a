using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

public sealed record PoolProjectDto(Guid Id, string Name, string? LeadDepartment, PoolCategory? Category, ConstructionYearRole Role, bool IsContinuing,
    bool IsMajor, bool IsPackaged, decimal PlannedTotalYuan, decimal? PlannedYearYuan, DateOnly? StartedOn, bool Landed, decimal CompletedYearYuan = 0m);

public sealed record PoolCountDto(PoolCategory Category, int Count);

/// <summary>The 项目盘子 of a year as of a date (docs/figures.md, "项目盘子"), with one page of the records of <see cref="Show"/>.</summary>
public sealed record ProjectPoolDto(
    int Year, DateOnly AsOf, decimal ThresholdYuan, int KeyProjects, IReadOnlyList<PoolCountDto> ByCategory,
    int Started, decimal? StartRatePercent, int NewBuild, int Continuing, int Major, decimal PlannedTotalYuan, decimal PlannedYearYuan,
    int Packaged, int PackagedLanded, decimal? PackagedConversionPercent, decimal CompletedYearYuan, PoolSelection Show, PagedResult<PoolProjectDto> Records);

/// <summary>
/// 项目盘子 (重点项目总览) for leaders and the dispatch office: the year's key projects that have landed, by construction
/// status as of a date, 开复工率, 新建/续建, 重大项目, planned investment, and 包装策划 conversion — in the reader's data scope.
/// The database returns each candidate's flags and its construction events up to the date; the Domain's rules
/// (<see cref="ConstructionFacts"/>, <see cref="ProjectPool"/>) classify them, and only the page shown is named in full.
/// </summary>
public sealed class ProjectPoolAppService(ICrmDbContext db, DataScope scope, FiguresEngine figures, TimeProvider clock, FiguresCache? cache = null)
{
    public const int MaxPageSize = 200;

    /// <summary>Cached as the cockpit is (Figures/FiguresCache: never older than the data); today is in the key, as 盘子 "as of" defaults to it.</summary>
    public async Task<ProjectPoolDto> GetAsync(int year, DateOnly? asOf = null, PoolSelection show = PoolSelection.All, int page = 1, int pageSize = 50,
        CancellationToken ct = default) =>
        await cache.CachedAsync(db, scope, $"pool|{year}|{asOf:O}|{show}|{page}|{pageSize}|{figures.Today:O}",
            () => ComputeAsync(year, asOf, show, page, pageSize, ct), ct);

    private async Task<ProjectPoolDto> ComputeAsync(int year, DateOnly? asOf, PoolSelection show, int page, int pageSize, CancellationToken ct)
    {
        var (date, threshold, members, completed) = await MembersAsync(year, asOf, ct);
        var pool = members.Where(m => m.Category is not null).ToList();
        var packaged = members.Where(m => m.IsPackaged).ToList();
        var started = pool.Count(m => m.Role != ConstructionYearRole.None);
        var paging = Paging.Of(page, pageSize, MaxPageSize);
        var selected = Select(members, show).ToList();
        // Skip/Take on the ordering sorts only as far as the page (a partial sort), not the whole selection.
        var items = await DetailsAsync(Ordered(selected).Skip(paging.Skip).Take(paging.Size).ToList(), completed, ct);
        return new ProjectPoolDto(year, date, threshold, pool.Count,
            Enum.GetValues<PoolCategory>().Select(category => new PoolCountDto(category, pool.Count(m => m.Category == category))).ToList(),
            started, pool.Count == 0 ? null : started * 100m / pool.Count,
            pool.Count(m => !m.IsContinuing), pool.Count(m => m.IsContinuing), pool.Count(m => m.IsMajor),
            pool.Sum(m => m.PlannedTotalYuan), pool.Sum(m => m.PlannedYearYuan ?? 0m),
            packaged.Count, packaged.Count(m => m.Landed), packaged.Count == 0 ? null : packaged.Count(m => m.Landed) * 100m / packaged.Count,
            pool.Sum(m => completed.GetValueOrDefault(m.Id)), show, new PagedResult<PoolProjectDto>(items, selected.Count, paging.Page, paging.Size));
    }

    /// <summary>Every record of a selection, in the page's order (for the workbook and the checks of the figures).</summary>
    public async Task<(DateOnly AsOf, IReadOnlyList<PoolProjectDto> Rows)> RecordsAsync(int year, DateOnly? asOf, PoolSelection show, CancellationToken ct = default)
    {
        var (date, _, members, completed) = await MembersAsync(year, asOf, ct);
        return (date, await DetailsAsync(Ordered(Select(members, show)).ToList(), completed, ct));
    }

    /// <summary>The records of a selection as a workbook (amounts in 亿元 as numbers).</summary>
    public async Task<Func<Stream, Task>> ExportAsync(int year, DateOnly? asOf, PoolSelection show, CancellationToken ct = default)
    {
        var (date, records) = await RecordsAsync(year, asOf, show, ct);
        var rows = records.Select(p => new object?[]
        {
            p.Name, p.LeadDepartment, p.Category?.ToDisplay() ?? "未落位", p.Role.ToDisplay(), p.IsContinuing ? "续建" : "新建", p.IsMajor ? "是" : "否",
            p.PlannedTotalYuan / 100_000_000m, p.PlannedYearYuan is { } y ? y / 100_000_000m : null, p.CompletedYearYuan / 100_000_000m,
            p.StartedOn?.ToString("yyyy-MM-dd"),
        }).ToList();
        return output => ExcelWriter.WriteAsync(output, CancellationToken.None, new ExcelWriter.Sheet("项目盘子",
            ["项目", "招引单位", "建设状态", "本年开复工", "新建/续建", "重大项目", "计划总投资（亿元）", "年度计划投资（亿元）", "本年已完成投资（亿元）", "开工日期"], rows,
            $"{year} 年项目盘子 · {show.ToDisplay()} · 截至 {date:yyyy-MM-dd}"));
    }

    private sealed record Member(Guid Id, string Name, Guid? LeadDepartmentId, PoolCategory? Category, ConstructionYearRole Role, bool IsContinuing,
        bool IsMajor, bool IsPackaged, decimal PlannedTotalYuan, decimal? PlannedYearYuan, DateOnly? StartedOn, bool Landed);

    /// <summary>
    /// The year's landed key projects (and its 包装策划 projects, landed or not) in the reader's scope, classified as of the date;
    /// and the year's completed investment by project up to the date's month.
    /// </summary>
    private async Task<(DateOnly AsOf, decimal Threshold, List<Member> Members, Dictionary<Guid, decimal> Completed)> MembersAsync(
        int year, DateOnly? asOf, CancellationToken ct)
    {
        BusinessDates.EnsureYear(year);
        var yearEnd = new DateOnly(year, 12, 31);
        var date = BusinessDates.EnsureDate(asOf ?? (clock.Today() < yearEnd ? clock.Today() : yearEnd), "统计日");
        var threshold = (await figures.RulesForAsync(year, ct)).KeyProjectThresholdYuan;

        var candidates = await (
                from p in await scope.ProjectsAsync(ct)
                join summary in db.ProjectFigureFacts on p.Id equals summary.ProjectId into summaryOf
                from summary in summaryOf.DefaultIfEmpty()
                join flag in db.ProjectYearFlags.Where(f => f.Year == year) on p.Id equals flag.ProjectId into flagOf
                from flag in flagOf.DefaultIfEmpty()
                where (summary.LandedOn <= date && (flag != null || p.PlannedDomestic.Amount >= threshold)
                        && !db.ProjectStageTransitions.Any(t => t.ProjectId == p.Id && t.ToStage == ProjectStage.Terminated && t.EffectiveDate <= date))
                    || (flag != null && flag.IsPackaged)
                select new
                {
                    p.Id, p.Name, p.LeadDepartmentId, Planned = p.PlannedDomestic.Amount, summary.LandedOn,
                    Listed = flag == null ? (bool?)null : flag.IsKeyProject, Continuing = flag == null ? (bool?)null : flag.IsContinuing,
                    Major = flag != null && flag.IsMajor, Packaged = flag != null && flag.IsPackaged,
                    PlannedTotal = flag == null ? null : flag.PlannedTotalYuan, PlannedYear = flag == null ? null : flag.PlannedYearYuan,
                    summary.BuildStartedOn, summary.BuildAcceptedOn, summary.BuildSuspendedOn,
                })
            .AsNoTracking().ToListAsync(ct);
        // 开工 and 竣工验收 come with the summary; only projects stopped by the date need their 停缓建 and 复工 counted.
        var start = new DateOnly(year, 1, 1);
        var stops = await db.ConstructionEvents.AsNoTracking()
            .Where(e => e.EffectiveDate <= date && (e.Kind == ConstructionEventKind.Suspended || e.Kind == ConstructionEventKind.Resumed))
            .GroupBy(e => e.ProjectId)
            .Select(g => new
            {
                g.Key,
                Suspensions = g.Count(e => e.Kind == ConstructionEventKind.Suspended),
                Resumptions = g.Count(e => e.Kind == ConstructionEventKind.Resumed),
                SuspensionsBeforeYear = g.Count(e => e.Kind == ConstructionEventKind.Suspended && e.EffectiveDate < start),
                ResumptionsBeforeYear = g.Count(e => e.Kind == ConstructionEventKind.Resumed && e.EffectiveDate < start),
            })
            .ToDictionaryAsync(g => g.Key, ct);
        var completed = await db.ProjectInvestments.AsNoTracking()
            .Where(i => i.Year == year && i.Month <= date.Month)
            .GroupBy(i => i.ProjectId).Select(g => new { g.Key, Sum = g.Sum(i => i.CompletedYuan) })
            .ToDictionaryAsync(g => g.Key, g => g.Sum, ct);

        var members = new List<Member>(candidates.Count);
        foreach (var c in candidates)
        {
            var total = c.PlannedTotal ?? c.Planned;
            var stopped = c.BuildSuspendedOn <= date ? stops.GetValueOrDefault(c.Id) : null;
            var facts = new ConstructionFacts(year, c.BuildStartedOn <= date ? c.BuildStartedOn : null, c.BuildAcceptedOn <= date ? c.BuildAcceptedOn : null,
                stopped?.Suspensions ?? 0, stopped?.Resumptions ?? 0, stopped?.SuspensionsBeforeYear ?? 0, stopped?.ResumptionsBeforeYear ?? 0);
            var landed = c.LandedOn is { } on && on <= date;
            var key = landed && ProjectPool.IsKeyProject(c.Listed, total, threshold, facts.AcceptedOn, year);
            if (!key && !c.Packaged)
                continue;
            members.Add(new Member(c.Id, c.Name, c.LeadDepartmentId, key ? ProjectPool.CategoryOf(facts) : null, facts.YearRole,
                c.Continuing ?? facts.YearRole == ConstructionYearRole.Continuing, c.Major, c.Packaged, total, c.PlannedYear, facts.StartedOn, landed));
        }
        return (date, threshold, members, completed);
    }

    private static IEnumerable<Member> Select(IEnumerable<Member> members, PoolSelection selection) => selection switch
    {
        PoolSelection.All => members.Where(m => m.Category is not null),
        >= PoolSelection.NotStarted and <= PoolSelection.Completed => members.Where(m => m.Category == (PoolCategory)(int)selection),
        PoolSelection.Started => members.Where(m => m.Category is not null && m.Role != ConstructionYearRole.None),
        PoolSelection.NewBuild => members.Where(m => m.Category is not null && !m.IsContinuing),
        PoolSelection.ContinuingBuild => members.Where(m => m.Category is not null && m.IsContinuing),
        PoolSelection.Major => members.Where(m => m.Category is not null && m.IsMajor),
        PoolSelection.Packaged => members.Where(m => m.IsPackaged),
        _ => [],
    };

    /// <summary>The pool's order: by category (not landed last), then by name.</summary>
    private static IOrderedEnumerable<Member> Ordered(IEnumerable<Member> members) =>
        members.OrderBy(m => m.Category ?? (PoolCategory)int.MaxValue).ThenBy(m => m.Name, StringComparer.Ordinal);

    private async Task<IReadOnlyList<PoolProjectDto>> DetailsAsync(List<Member> members, Dictionary<Guid, decimal> completed, CancellationToken ct)
    {
        var departmentIds = members.Select(m => m.LeadDepartmentId).OfType<Guid>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. members.Select(m => new PoolProjectDto(m.Id, m.Name, m.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            m.Category, m.Role, m.IsContinuing, m.IsMajor, m.IsPackaged, m.PlannedTotalYuan, m.PlannedYearYuan, m.StartedOn, m.Landed,
            completed.GetValueOrDefault(m.Id)))];
    }
}
