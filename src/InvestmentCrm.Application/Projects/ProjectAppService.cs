using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

/// <summary>
/// Reading and maintaining projects within the user's data scope. A project outside the scope does not
/// exist for the caller: every method answers as for a missing id (null / false), so pages return 404.
/// Permissions (who may edit, delete, export) are checked by the host before these are called.
/// </summary>
public sealed class ProjectAppService(ICrmDbContext db, DataScope scope, FiguresCache? cache = null)
{
    public const int MaxPageSize = 100;

    /// <summary>A list's count, cached as a figure (data version + reader scope: never stale).</summary>
    private sealed record ListCount(int Value);

    public async Task<PagedResult<ProjectListItemDto>> ListAsync(ProjectListQuery query, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Of(query.Page, query.PageSize, MaxPageSize);
        var projects = Filter(await scope.ProjectsAsync(ct), query);
        // The count reads every project of the scope (thousands, or all 100,000 for 全部); the page reads its 20
        // (docs/benchmarks/load.md).
        var total = (await cache.CachedAsync(db, scope, $"projects:{query.Search?.Trim()}:{query.Stage}",
            async () => new ListCount(await projects.CountAsync(ct)), ct)).Value;
        var items = await Project(projects.OrderBy(p => p.Stage).ThenBy(p => p.Name).ThenBy(p => p.Id))
            .Skip(new Paging(page, pageSize).Skip).Take(pageSize).ToListAsync(ct);
        // The 风险 mark in a query of its own: the page's projects were read in scope.
        var risks = await ReferrerRisks.OfAsync(db, items.Select(p => p.Id).ToList(), ct);
        return new PagedResult<ProjectListItemDto>(items.Select(p => ToDto(p) with { Risk = risks.GetValueOrDefault(p.Id) }).ToList(), total, page, pageSize);
    }

    public async Task<ProjectDetailDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var project = await (await scope.ProjectsAsync(ct)).AsNoTracking()
            .Include(p => p.StageTransitions).Include(p => p.YearFlags)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
            return null;
        var lead = await db.Departments.Where(d => d.Id == project.LeadDepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var leader = await db.Users.Where(u => u.Id == project.ResponsibleLeaderId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        // Unscoped: the intermediaries are the district's shared list (the blacklist included).
        var referrer = await db.Unscoped.Companies.Where(c => c.Id == project.ReferrerCompanyId && c.IsBlacklisted)
            .Select(c => new { c.Name, c.BlacklistReason }).FirstOrDefaultAsync(ct);
        var risk = ReferrerRisk.For(project.Stage, referrer is not null) is { } note ? $"{note}：{referrer!.Name}（{referrer.BlacklistReason}）" : null;
        return project.ToDetailDto() with { LeadDepartment = lead, ResponsibleLeader = leader, Risk = risk };
    }

    /// <summary>False when the project is not found in scope; throws <see cref="DomainException"/> for invalid input.</summary>
    public async Task<bool> UpdateAsync(Guid id, ProjectUpdateDto input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
            throw new DomainException("项目名称不能为空。");
        if (input.Name.Trim().Length > 200)
            throw new DomainException("项目名称不能超过 200 个字符。");
        if (string.IsNullOrWhiteSpace(input.Industry))
            throw new DomainException("请选择产业。");
        if (input.PlannedDomesticCny < 0 || input.PlannedForeignAmount < 0)
            throw new DomainException("计划投资额不能为负数。");
        if (!Currencies.IsKnown(input.PlannedForeignCurrency) || input.PlannedForeignCurrency.Trim().ToUpperInvariant() == Money.Cny)
            throw new DomainException($"计划外资的币种“{input.PlannedForeignCurrency}”无效。");
        if (input.YearFlag is { Year: < 2000 or > 2100 })
            throw new DomainException("年份无效。");

        var project = await (await scope.ProjectsAsync(ct)).Include(p => p.YearFlags).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
            return false;
        // The stamp the editor saw: if someone saved in between, SaveChanges refuses (409), nothing is overwritten.
        if (input.ConcurrencyStamp == Guid.Empty)
            throw new StampRequiredException();
        db.Entry(project).Property(p => p.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp;
        project.Name = input.Name.Trim();
        project.Type = input.Type;
        project.Industry = input.Industry.Trim();
        project.TargetLocation = input.TargetLocation.NullIfBlank();
        project.SourceChannel = input.SourceChannel.NullIfBlank();
        project.PlannedDomestic = Money.Yuan(input.PlannedDomesticCny);
        project.PlannedForeign = new Money(input.PlannedForeignAmount, input.PlannedForeignCurrency.Trim().ToUpperInvariant());
        project.IsGreenChannel = input.IsGreenChannel;
        if (input.YearFlag is { } flag)
            project.SetYearFlag(flag.Year, flag.IsKeyProject, flag.IsContinuing);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Soft delete (who/when kept, audited). False when not found in scope.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var project = await (await scope.ProjectsAsync(ct)).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
            return false;
        db.Projects.Remove(project);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Every project of the query in scope, as an Excel workbook.</summary>
    public async Task ExportAsync(ProjectListQuery query, Stream output, CancellationToken ct = default)
    {
        var projects = Filter(await scope.ProjectsAsync(ct), query).OrderBy(p => p.Stage).ThenBy(p => p.Name);
        var rows = new List<object?[]>();
        await foreach (var p in Project(projects).AsAsyncEnumerable().WithCancellation(ct))
        {
            var dto = ToDto(p);
            rows.Add([dto.Name, dto.StageName, dto.TypeName, dto.Industry, dto.LeadDepartment, dto.PlannedDomesticCny / 100_000_000m, dto.PlannedForeignAmount / 10_000m, Currencies.NameOf(dto.PlannedForeignCurrency)]);
        }
        await ExcelWriter.WriteAsync(output, ct, new ExcelWriter.Sheet("招商项目", ["项目名称", "阶段", "类型", "产业", "招引单位", "计划内资（亿元）", "计划外资（万）", "外资币种"], rows));
    }

    private static IQueryable<Project> Filter(IQueryable<Project> projects, ProjectListQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            projects = projects.Where(p => p.Name.Contains(text) || (p.Aliases != null && p.Aliases.Contains(text)));
        }
        if (query.Stage is { } stage)
            projects = projects.Where(p => p.Stage == stage);
        return projects;
    }

    private sealed record Row(Guid Id, string Name, ProjectStage Stage, ProjectType Type, string Industry, string? LeadDepartment, decimal Domestic, decimal Foreign, string ForeignCurrency);

    private IQueryable<Row> Project(IQueryable<Project> projects) =>
        projects.Select(p => new Row(p.Id, p.Name, p.Stage, p.Type, p.Industry,
            db.Departments.Where(d => d.Id == p.LeadDepartmentId).Select(d => d.Name).FirstOrDefault(),
            p.PlannedDomestic.Amount, p.PlannedForeign.Amount, p.PlannedForeign.Currency));

    private static ProjectListItemDto ToDto(Row p) =>
        new(p.Id, p.Name, p.Stage, p.Stage.ToDisplay(), p.Type.ToDisplay(), p.Industry, p.LeadDepartment, p.Domestic, p.Foreign, p.ForeignCurrency);
}
