using DataScope = InvestmentCrm.Authorization.DataScope;
using InvestmentCrm.Organization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

/// <summary>我的指标 and 部门指标: a person's credit by contributor weight, a department's people and figures.</summary>
public sealed class PeopleFiguresAppService(ICrmDbContext db, FiguresEngine engine, DataScope scope, ICurrentUser currentUser, FiguresCache? cache = null)
{
    /// <summary>我的指标: the signed-in user's own targets and what the projects they contribute to credit them.</summary>
    public async Task<PersonFiguresDto> GetMyFiguresAsync(int? year, DateOnly? asOf, CancellationToken ct = default)
    {
        var userId = currentUser.UserId ?? throw new DomainException("请先登录。");
        var date = engine.AsOf(asOf);
        var period = FigurePeriod.Year(year ?? date.Year);
        // Cached as the cockpit is (FiguresCache: never older than the data); a person's own figures are keyed by the person.
        return await cache.CachedAsync(db, scope, $"mine|{userId}|{period.Start:O}|{date:O}",
            () => ComputeMyFiguresAsync(userId, date, period, ct), ct);
    }

    private async Task<PersonFiguresDto> ComputeMyFiguresAsync(Guid userId, DateOnly date, FigurePeriod period, CancellationToken ct)
    {
        var figures = await engine.ComputeAsync(FigureScope.Person(userId), period, date, ct);
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.DepartmentId }).FirstAsync(ct);
        var org = await db.LoadDepartmentTreeAsync(ct);

        var credited = (await scope.ProjectsAsync(ct)).Where(p => p.Contributors.Any(c => c.UserId == userId));
        var projects = await credited
            .Select(p => new { p.Id, p.Name, p.Stage })
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        var contributors = await db.ProjectContributors.Where(c => credited.Any(p => p.Id == c.ProjectId))
            .Select(c => new { c.ProjectId, c.UserId, c.Role, c.WeightPercent }).ToListAsync(ct);
        var funds = await engine.Queries.VerifiedFundsAsync(FigureQueries.ByProject(credited), period.Start, FiguresEngine.Cut(period, date), ct);
        var rates = await ExchangeRateTable.LoadAsync(db, ct);
        var attribution = FigureAttribution.Person(userId, contributors.Select(c => (c.ProjectId, c.UserId, c.WeightPercent)));

        var rows = projects.Select(p =>
            {
                var mine = contributors.Where(c => c.ProjectId == p.Id && c.UserId == userId).ToList();
                var projectFunds = funds.Where(f => f.Key == p.Id).ToList();
                var foreign = FiguresEngine.ForeignSum(projectFunds.Where(f => f.Source == CapitalSource.Foreign).Select(f => (f.Key, f.Currency, f.Year, f.Month, f.Amount)),
                    attribution, rates, out _) ?? 0m;
                return new CreditedProjectDto(p.Id, p.Name, p.Stage, mine.Select(c => c.Role).ToList(),
                    mine.Sum(c => c.WeightPercent),
                    Figure.DomesticFunds.ToDisplayUnit(FiguresEngine.DomesticSum(projectFunds, attribution)),
                    Figure.ForeignFunds.ToDisplayUnit(foreign));
            })
            .ToList();
        return new PersonFiguresDto(userId, user.DisplayName, org.NameOf(user.DepartmentId), figures, rows);
    }

    /// <summary>部门视图: a department's figures against its targets, its sub-departments ranked, and its people's credits.</summary>
    public async Task<DepartmentViewDto> GetDepartmentViewAsync(Guid? departmentId, int? year, DateOnly? asOf, CancellationToken ct = default)
    {
        var date = engine.AsOf(asOf);
        var period = FigurePeriod.Year(year ?? date.Year);
        var id = departmentId
            ?? (currentUser.UserId is { } me ? await db.Users.Where(u => u.Id == me).Select(u => (Guid?)u.DepartmentId).FirstOrDefaultAsync(ct) : null)
            ?? throw new DomainException("请选择部门。");
        return await cache.CachedAsync(db, scope, $"department|{id}|{period.Start:O}|{date:O}|{engine.Today:O}",
            () => ComputeDepartmentViewAsync(id, date, period, ct), ct);
    }

    private async Task<DepartmentViewDto> ComputeDepartmentViewAsync(Guid id, DateOnly date, FigurePeriod period, CancellationToken ct)
    {
        var (figures, org, _, rules, data, _) = await engine.ComputeCoreAsync(FigureScope.Department(id), period, date, ct);
        var children = await engine.RankAsync(org, org.ChildrenOf(id).ToList(), period, figures.TimeProgress, rules, data, ct);

        var subtree = org.Subtree(id);
        var people = await db.People().AsNoTracking()
            .Where(u => subtree.Contains(u.DepartmentId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Title })
            .ToListAsync(ct);
        var credits = await PersonCreditsAsync(people.Select(p => p.Id).ToList(), period, date, id, ct);
        var personIds = people.Select(p => (Guid?)p.Id).ToList();
        var personTargets = (await db.Targets.AsNoTracking()
                .ForPeriod(period)
                .Where(t => t.Scope == TargetScope.Person && t.Metric == MetricCode.DomesticFunds && personIds.Contains(t.UserId))
                .Select(t => new { t.UserId, t.Value })
                .ToListAsync(ct))
            .GroupBy(t => t.UserId!.Value).ToDictionary(g => g.Key, g => g.First().Value);

        var rows = people.Select(p =>
            {
                var (domesticYuan, signed) = credits.GetValueOrDefault(p.Id);
                var domestic = Figure.DomesticFunds.ToDisplayUnit(domesticYuan);
                var target = personTargets.TryGetValue(p.Id, out var value) ? value : (decimal?)null;
                decimal? completion = target is > 0 ? domestic / target.Value * 100m : null;
                return new PersonRowDto(p.Id, p.DisplayName, p.Title, domestic, target, completion,
                    completion is { } c ? rules.LightFor(c - figures.TimeProgress.Percent) : null, signed);
            })
            .Where(r => r.DomesticTargetYi is not null || r.DomesticYi != 0 || r.SignedCredit != 0)
            .OrderByDescending(r => r.CompletionPercent ?? decimal.MinValue).ThenByDescending(r => r.DomesticYi)
            .ToList();
        return new DepartmentViewDto(id, org.NameOf(id)!, figures, children, rows);
    }

    /// <summary>
    /// Verified 内资 (元) and 签约 credit of many people at once: per project totals from the database, then split
    /// among each project's contributors exactly as for one person, so a row here equals that person's figure
    /// (<see cref="FigureScope.Person"/>) — over the projects of <paramref name="inDepartment"/>'s subtree when given.
    /// </summary>
    public async Task<Dictionary<Guid, (decimal DomesticYuan, decimal SignedCredit)>> PersonCreditsAsync(IReadOnlyCollection<Guid> userIds, FigurePeriod period,
        DateOnly asOf, Guid? inDepartment = null, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, (decimal, decimal)>();
        if (userIds.Count == 0)
            return result;
        var ids = userIds.ToList();
        var credited = (await scope.ProjectsAsync(ct)).Where(p => p.Contributors.Any(c => ids.Contains(c.UserId)));
        if (inDepartment is { } department)
            credited = FiguresEngine.InSubtree(credited, await db.LoadDepartmentTreeAsync(ct), department);
        var keyed = FigureQueries.ByProject(credited);
        var cut = FiguresEngine.Cut(period, asOf);
        var funds = cut < period.Start ? [] : await engine.Queries.VerifiedFundsAsync(keyed, period.Start, cut, ct);
        var stages = cut < period.Start ? [] : await engine.Queries.StageEntriesAsync(keyed, DateWindow.Only(period.Start, cut), ct);
        var contributors = await db.ProjectContributors.Where(c => credited.Any(p => p.Id == c.ProjectId))
            .Select(c => new { c.ProjectId, c.UserId, c.WeightPercent }).ToListAsync(ct);
        foreach (var userId in ids)
        {
            var attribution = FigureAttribution.Person(userId, contributors.Select(c => (c.ProjectId, c.UserId, c.WeightPercent)));
            result[userId] = (FiguresEngine.DomesticSum(funds, attribution), FiguresEngine.StageSum(stages, ProjectStage.Signed, attribution));
        }
        return result;
    }
}
