using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Authorization;

/// <summary>
/// Resolves what the current user may read, as RuoYi's five levels: the union over the user's roles of 全部 /
/// 自定义部门 / 本部门 / 本部门及以下 / 仅本人, plus the projects the user leads (包保), serves as secretary or
/// contributes to — and hands it to the DbContext (<see cref="ICrmDbContext.ReaderScope"/>), whose query filter then
/// scopes every read of business data: lists, details, search, exports and aggregates alike. The web host resolves it
/// at the start of every signed-in request. Default is deny: no user, or no role, sees nothing. District-wide checks
/// leave the filter explicitly through <see cref="ICrmDbContext.Unscoped"/>.
/// </summary>
public sealed class DataScope(ICrmDbContext db, ICurrentUser currentUser)
{
    private ReaderScope? _rules;

    /// <summary>The resolved scope of the current user (computed once per request), applied to the DbContext.</summary>
    public async Task<ReaderScope> GetRulesAsync(CancellationToken ct = default)
    {
        if (_rules is null)
            db.ReaderScope = _rules = await ResolveAsync(ct);
        return _rules;
    }

    /// <summary>
    /// Whether the user may put a record under this department (a project's 招引单位): only one of the departments the
    /// scope holds — an officer cannot credit another department's figures (docs/security.md, "side doors").
    /// </summary>
    public async Task<bool> CoversDepartmentAsync(Guid departmentId, CancellationToken ct = default)
    {
        if (currentUser.IsSystem)
            return true;
        var rules = await GetRulesAsync(ct);
        return rules.All || rules.DepartmentIds.Contains(departmentId);
    }

    private async Task<ReaderScope> ResolveAsync(CancellationToken ct)
    {
        // Background work (a Quartz job, a CLI verb) reads as the installation, as the DbContext does before any resolution.
        if (currentUser.IsSystem)
            return ReaderScope.Everything;
        if (currentUser.UserId is not { } userId)
            return ReaderScope.Nobody;

        // One round trip for the user and their roles' scopes: every request pays it.
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new
            {
                u.DepartmentId,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { r.Id, r.DataScope }).ToList(),
                Contributions = db.ProjectContributors.Where(c => c.UserId == u.Id).Select(c => c.ProjectId).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return ReaderScope.Nobody;
        var roles = user.Roles;
        if (roles.Any(r => r.DataScope == Organization.DataScope.All))
            return new ReaderScope(true, userId, []);

        var departments = new HashSet<Guid>();
        if (roles.Any(r => r.DataScope == Organization.DataScope.OwnDepartment))
            departments.Add(user.DepartmentId);
        if (roles.Any(r => r.DataScope == Organization.DataScope.DepartmentAndBelow))
            departments.UnionWith((await db.LoadDepartmentTreeAsync(ct)).Subtree(user.DepartmentId));
        var custom = roles.Where(r => r.DataScope == Organization.DataScope.CustomDepartments).Select(r => r.Id).ToList();
        if (custom.Count > 0)
            departments.UnionWith(await db.RoleDepartments.Where(rd => custom.Contains(rd.RoleId)).Select(rd => rd.DepartmentId).ToListAsync(ct));
        // 仅本人 adds nothing here: every user always sees their own records (the filter's user clauses).
        return new ReaderScope(false, userId, [.. departments]) { ContributedProjectIds = [.. user.Contributions.Distinct()] };
    }

    /// <summary>Projects of the scope's departments (招引单位), created by the user, or where the user is 包保领导, secretary or contributor.</summary>
    public Task<IQueryable<Project>> ProjectsAsync(CancellationToken ct = default) => AppliedAsync(db.Projects, ct);

    /// <summary>Contracts of in-scope projects.</summary>
    public Task<IQueryable<Contract>> ContractsAsync(CancellationToken ct = default) => AppliedAsync(db.Contracts, ct);

    /// <summary>Tranches of in-scope projects.</summary>
    public Task<IQueryable<FundsTranche>> FundsTranchesAsync(CancellationToken ct = default) => AppliedAsync(db.FundsTranches, ct);

    /// <summary>Activities of in-scope projects, logged in the scope's departments, by the user or with the user taking part.</summary>
    public Task<IQueryable<Activity>> ActivitiesAsync(CancellationToken ct = default) => AppliedAsync(db.Activities, ct);

    /// <summary>Companies registered in the scope's departments or by the user, or linked to an in-scope project.</summary>
    public Task<IQueryable<Company>> CompaniesAsync(CancellationToken ct = default) => CompaniesAsync(db.Companies, ct);

    /// <summary>
    /// Another source of companies (e.g. the rows a search index found): the filter applies to it as to the set, so the
    /// scope is part of that one query.
    /// </summary>
    public async Task<IQueryable<Company>> CompaniesAsync(IQueryable<Company> source, CancellationToken ct = default)
    {
        var rules = await GetRulesAsync(ct);
        if (rules.All)
            return source;
        // A narrow scope holds few of the district's companies, but its filter is an OR that PostgreSQL checks row by row
        // over all of them (a million: 0.8 s per read). The ids it can hold — by owner department, by creator, linked to a
        // seen project — come from three indexes, and the read starts from them (docs/architecture.md, "Data scope").
        // The filter still decides: this only narrows where it looks.
        var departments = rules.DepartmentIds;
        var userId = rules.UserId;
        var candidates = db.Companies.Where(c => c.OwnerDepartmentId != null && departments.Contains(c.OwnerDepartmentId.Value)).Select(c => c.Id)
            .Union(db.Companies.Where(c => c.CreatedBy == userId).Select(c => c.Id))
            .Union(db.Projects.SelectMany(p => p.Companies).Select(pc => pc.CompanyId));
        return source.Where(c => candidates.Contains(c.Id));
    }

    /// <summary>The set as the DbContext filters it, once the reader's scope is applied (the filter is CrmDbContext's).</summary>
    private async Task<IQueryable<T>> AppliedAsync<T>(IQueryable<T> set, CancellationToken ct)
    {
        await GetRulesAsync(ct);
        return set;
    }
}
