using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Authorization;

/// <summary>
/// What the current user may read, as RuoYi's five levels: the union over the user's roles of 全部 /
/// 自定义部门 / 本部门 / 本部门及以下 / 仅本人, plus the projects the user leads (包保), serves as secretary or
/// contributes to. Every read of business data goes through these filters — lists, details, search,
/// exports and aggregates alike. Default is deny: no user, or no role, sees nothing.
/// </summary>
public sealed class DataScope(ICrmDbContext db, ICurrentUser currentUser)
{
    private Rules? _rules;

    /// <summary>The resolved rules of the current user (computed once per request).</summary>
    public sealed record Rules(bool All, Guid? UserId, IReadOnlyCollection<Guid> DepartmentIds);

    public async Task<Rules> GetRulesAsync(CancellationToken ct = default)
    {
        if (_rules is not null)
            return _rules;
        if (currentUser.UserId is not { } userId)
            return _rules = new Rules(false, null, []);

        // One round trip for the user and their roles' scopes: every request pays it.
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new
            {
                u.DepartmentId,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { r.Id, r.DataScope }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return _rules = new Rules(false, null, []);
        var roles = user.Roles;
        if (roles.Any(r => r.DataScope == Organization.DataScope.All))
            return _rules = new Rules(true, userId, []);

        var departments = new HashSet<Guid>();
        if (roles.Any(r => r.DataScope == Organization.DataScope.OwnDepartment))
            departments.Add(user.DepartmentId);
        if (roles.Any(r => r.DataScope == Organization.DataScope.DepartmentAndBelow))
            departments.UnionWith(await SubtreeAsync(user.DepartmentId, ct));
        var custom = roles.Where(r => r.DataScope == Organization.DataScope.CustomDepartments).Select(r => r.Id).ToList();
        if (custom.Count > 0)
            departments.UnionWith(await db.RoleDepartments.Where(rd => custom.Contains(rd.RoleId)).Select(rd => rd.DepartmentId).ToListAsync(ct));
        // 仅本人 adds nothing here: every user always sees their own records (below).
        return _rules = new Rules(false, userId, departments);
    }

    /// <summary>Projects of the scope's departments (招引单位), created by the user, or where the user is 包保领导, secretary or contributor.</summary>
    public Task<IQueryable<Project>> ProjectsAsync(CancellationToken ct = default) =>
        ScopedAsync(db.Projects, (userId, departments) => db.Projects.Where(p =>
            (p.LeadDepartmentId != null && departments.Contains(p.LeadDepartmentId.Value))
            || p.CreatedBy == userId
            || p.ResponsibleLeaderId == userId
            || p.DepartmentSecretaryId == userId
            || p.LocalSecretaryId == userId
            || p.Contributors.Any(c => c.UserId == userId)), ct);

    public async Task<IQueryable<Contract>> ContractsAsync(CancellationToken ct = default)
    {
        var projects = await ProjectsAsync(ct);
        return (await GetRulesAsync(ct)).All ? db.Contracts : db.Contracts.Where(c => projects.Any(p => p.Id == c.ProjectId));
    }

    public async Task<IQueryable<FundsTranche>> FundsTranchesAsync(CancellationToken ct = default)
    {
        var projects = await ProjectsAsync(ct);
        return (await GetRulesAsync(ct)).All ? db.FundsTranches : db.FundsTranches.Where(t => projects.Any(p => p.Id == t.ProjectId));
    }

    /// <summary>Activities of in-scope projects, logged in the scope's departments, by the user or with the user taking part.</summary>
    public async Task<IQueryable<Activity>> ActivitiesAsync(CancellationToken ct = default)
    {
        var projects = await ProjectsAsync(ct);
        return await ScopedAsync(db.Activities, (userId, departments) => db.Activities.Where(a =>
            (a.ProjectId != null && projects.Any(p => p.Id == a.ProjectId))
            || (a.OwnerDepartmentId != null && departments.Contains(a.OwnerDepartmentId.Value))
            || a.CreatedBy == userId
            || a.Participants.Any(x => x.UserId == userId)), ct);
    }

    /// <summary>Companies registered in the scope's departments or by the user, or linked to an in-scope project.</summary>
    public Task<IQueryable<Company>> CompaniesAsync(CancellationToken ct = default) => CompaniesAsync(db.Companies, ct);

    /// <summary>
    /// The same filter over another source of companies (e.g. the rows a search index found), so that the scope is part
    /// of that one query.
    /// </summary>
    public async Task<IQueryable<Company>> CompaniesAsync(IQueryable<Company> source, CancellationToken ct = default)
    {
        var projects = await ProjectsAsync(ct);
        return await ScopedAsync(source, (userId, departments) => source.Where(c =>
            (c.OwnerDepartmentId != null && departments.Contains(c.OwnerDepartmentId.Value))
            || c.CreatedBy == userId
            || projects.Any(p => p.Companies.Any(pc => pc.CompanyId == c.Id))), ct);
    }

    /// <summary>Everything for 全部, nothing without a user (default deny), otherwise the filter for this user and departments.</summary>
    private async Task<IQueryable<T>> ScopedAsync<T>(IQueryable<T> all, Func<Guid, List<Guid>, IQueryable<T>> filter, CancellationToken ct)
    {
        var rules = await GetRulesAsync(ct);
        if (rules.All)
            return all;
        return rules.UserId is { } userId ? filter(userId, rules.DepartmentIds.ToList()) : all.Where(_ => false);
    }

    private async Task<IEnumerable<Guid>> SubtreeAsync(Guid root, CancellationToken ct)
    {
        var all = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync(ct);
        var children = all.Where(d => d.ParentId != null).ToLookup(d => d.ParentId!.Value, d => d.Id);
        var result = new List<Guid> { root };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(children[result[i]]);
        return result;
    }
}
