using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Organization;

public sealed record DepartmentNodeDto(Guid Id, string Code, string Name, DepartmentKind Kind, Guid? ParentId, int Depth, bool IsActive, int Users);

public sealed record UserListItemDto(Guid Id, string UserName, string DisplayName, string Department, string? Title, IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut, bool MustChangePassword);

public sealed record UserInput(string UserName, string DisplayName, Guid DepartmentId, string? Title, IReadOnlyList<string> Roles);

/// <summary>What became of an account change: done (with a one-time password when one was made), or waiting for the 安全管理员.</summary>
public sealed record AccountChangeResult(Guid? UserId, string? InitialPassword, Guid? PendingChangeId)
{
    public bool AwaitingApproval => PendingChangeId is not null;

    public static AccountChangeResult Done(Guid userId, string? password = null) => new(userId, password, null);
    public static AccountChangeResult Awaiting(Guid changeId) => new(null, null, changeId);

    public const string AwaitingMessage = "涉及管理员账号（三员），已提交安全管理员确认，确认后生效。";
}

public sealed record AdministratorChangeDto(Guid Id, AdministratorChangeKind Kind, string UserName, string DisplayName, IReadOnlyList<string> Roles, string RequestedBy, DateTime RequestedAt);

public sealed record RoleListItemDto(Guid Id, string Name, string DisplayName, DataScope DataScope, int Permissions, int Users);

public sealed record RoleDetailDto(Guid Id, string Name, string DisplayName, DataScope DataScope, IReadOnlyList<string> Permissions, IReadOnlyList<Guid> CustomDepartments);

/// <summary>
/// 系统管理: users, the department tree and roles. Every change is audited by the persistence layer; a change
/// that affects what a user may do renews the user's security stamp, so other sessions follow within a minute.
/// </summary>
public sealed class OrganizationAdminAppService(ICrmDbContext db, UserManager<AppUser> users, TimeProvider clock, ICurrentUser currentUser, SessionRegistry sessions)
{
    public async Task<IReadOnlyList<DepartmentNodeDto>> DepartmentTreeAsync(CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);
        var userCounts = await db.Users.GroupBy(u => u.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var children = departments.ToLookup(d => d.ParentId);
        var result = new List<DepartmentNodeDto>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var d in children[parent])
            {
                result.Add(new DepartmentNodeDto(d.Id, d.Code, d.Name, d.Kind, d.ParentId, depth, d.IsActive, userCounts.GetValueOrDefault(d.Id)));
                Walk(d.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    public async Task<Guid> AddDepartmentAsync(string code, string name, DepartmentKind kind, Guid? parentId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new DomainException("请填写部门编码。");
        if (await db.Departments.AnyAsync(d => d.Code == code.Trim(), ct))
            throw new DomainException($"部门编码“{code.Trim()}”已存在。");
        var parent = parentId is null ? null : await db.Departments.FirstOrDefaultAsync(d => d.Id == parentId, ct) ?? throw new DomainException("上级部门不存在。");
        if (parent is null && kind != DepartmentKind.District)
            throw new DomainException("请选择上级部门（只有区级单位可以作为顶级部门）。");
        var department = new Department(code.Trim(), name, kind, parent);
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        return department.Id;
    }

    public async Task UpdateDepartmentAsync(Guid id, string name, Guid? parentId, bool isActive, CancellationToken ct = default)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("部门不存在。");
        department.Rename(name);
        if (parentId != department.ParentId)
        {
            var descendants = (await db.LoadDepartmentTreeAsync(ct)).Descendants(id);
            var parent = parentId is null ? null : await db.Departments.FirstOrDefaultAsync(d => d.Id == parentId, ct) ?? throw new DomainException("上级部门不存在。");
            department.MoveTo(parent, descendants);
        }
        if (!isActive && department.IsActive && await db.Users.AnyAsync(u => u.DepartmentId == id && u.IsActive, ct))
            throw new DomainException("该部门仍有启用的用户，请先调整这些用户的部门或停用他们。");
        department.SetActive(isActive);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every user (for pickers such as the person targets'); the 用户管理 page pages through <see cref="UserPageAsync"/>.</summary>
    public async Task<IReadOnlyList<UserListItemDto>> UsersAsync(string? search, CancellationToken ct = default) =>
        await ItemsAsync(Users(search).OrderBy(u => u.UserName), ct);

    /// <summary>A page of the users matching the search, by user name.</summary>
    public async Task<PagedResult<UserListItemDto>> UserPageAsync(string? search, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var paging = Paging.Of(page, pageSize, 200);
        var users = Users(search);
        var total = await users.CountAsync(ct);
        var items = await ItemsAsync(users.OrderBy(u => u.UserName).Skip(paging.Skip).Take(paging.Size), ct);
        return new PagedResult<UserListItemDto>(items, total, paging.Page, paging.Size);
    }

    private IQueryable<AppUser> Users(string? search)
    {
        // Integration accounts are kept on the 接口令牌 page (IntegrationAppService), not among people.
        var query = db.Users.AsNoTracking().Where(u => !u.IsIntegration);
        if (!string.IsNullOrWhiteSpace(search))
            query = query.Where(u => u.UserName!.Contains(search.Trim()) || u.DisplayName.Contains(search.Trim()));
        return query;
    }

    private async Task<IReadOnlyList<UserListItemDto>> ItemsAsync(IQueryable<AppUser> users, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var list = await users
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.Title, u.IsActive, u.LockoutEnd, u.MustChangePassword,
                Department = db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.DisplayName).ToList(),
            })
            .ToListAsync(ct);
        return list.Select(u => new UserListItemDto(u.Id, u.UserName!, u.DisplayName, u.Department ?? "—", u.Title, u.Roles, u.IsActive, u.LockoutEnd > now, u.MustChangePassword)).ToList();
    }

    public async Task<(AppUser User, IReadOnlyList<string> Roles)?> UserAsync(Guid id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        return user is null ? null : (user, (await users.GetRolesAsync(user)).ToList());
    }

    /// <summary>
    /// Creates a user with a random initial password, returned once; it must be changed at first login. An administrator
    /// account (三员) is only requested here: it is created when the 安全管理员 confirms (docs/security.md).
    /// </summary>
    public async Task<AccountChangeResult> CreateUserAsync(UserInput input, CancellationToken ct = default)
    {
        Validate(input);
        if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId && d.IsActive, ct))
            throw new DomainException("请选择一个启用的部门。");
        if (await users.FindByNameAsync(input.UserName.Trim()) is not null)
            throw new DomainException($"用户名“{input.UserName.Trim()}”已被使用。");
        if (NeedsApproval([], input.Roles))
            return await RequestAsync(AdministratorChangeKind.Create, null, input, ct);
        return await ApplyCreateAsync(input);
    }

    public async Task<AccountChangeResult> UpdateUserAsync(Guid id, UserInput input, CancellationToken ct = default)
    {
        Validate(input);
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("用户不存在。");
        if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, ct))
            throw new DomainException("部门不存在。");
        var current = await users.GetRolesAsync(user);
        if (id == currentUser.UserId && !current.ToHashSet().SetEquals(input.Roles))
            throw new DomainException("不能修改自己的角色，请由另一位系统管理员办理。");
        if (NeedsApproval(current, input.Roles))
            return await RequestAsync(AdministratorChangeKind.Update, user, input with { UserName = user.UserName! }, ct);
        await ApplyUpdateAsync(user, input);
        return AccountChangeResult.Done(user.Id);
    }

    /// <summary>停用/启用. Disabling ends the user's open sessions at once.</summary>
    public async Task<AccountChangeResult> SetUserActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        if (!active && id == currentUser.UserId)
            throw new DomainException("不能停用自己的账号。");
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("用户不存在。");
        var roles = await users.GetRolesAsync(user);
        if (NeedsApproval(roles, roles))
            return await RequestAsync(active ? AdministratorChangeKind.Enable : AdministratorChangeKind.Disable, user, await InputOfAsync(user), ct);
        await ApplySetActiveAsync(user, active);
        return AccountChangeResult.Done(user.Id);
    }

    /// <summary>A new random password, shown once; the user must change it at next login; other sessions end.</summary>
    public async Task<AccountChangeResult> ResetPasswordAsync(Guid id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("用户不存在。");
        var roles = await users.GetRolesAsync(user);
        if (NeedsApproval(roles, roles))
            return await RequestAsync(AdministratorChangeKind.ResetPassword, user, await InputOfAsync(user), ct);
        return AccountChangeResult.Done(user.Id, await ApplyResetAsync(user));
    }

    /// <summary>The changes to administrator accounts waiting for confirmation, oldest first.</summary>
    public async Task<IReadOnlyList<AdministratorChangeDto>> PendingAdministratorChangesAsync(CancellationToken ct = default)
    {
        var pending = await db.AdministratorAccountChanges.AsNoTracking()
            .Where(c => c.Status == AdministratorChangeStatus.Pending).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => pending.Select(c => c.RequestedBy).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return pending.Select(c => new AdministratorChangeDto(c.Id, c.Kind, c.UserName, c.DisplayName, c.RoleList.Select(Roles.DisplayName).ToList(),
            c.RequestedBy is { } by ? names.GetValueOrDefault(by) ?? "—" : "系统", c.CreatedAt)).ToList();
    }

    /// <summary>The 安全管理员 confirms a change someone else asked for; it takes effect now (a password is returned once).</summary>
    public async Task<AccountChangeResult> ApproveAdministratorChangeAsync(Guid changeId, CancellationToken ct = default)
    {
        var change = await db.AdministratorAccountChanges.FirstOrDefaultAsync(c => c.Id == changeId, ct) ?? throw new NotFoundException("变更申请不存在。");
        change.Approve(currentUser.UserId, clock.UtcNow());
        var input = new UserInput(change.UserName, change.DisplayName, change.DepartmentId, change.Title, change.RoleList);
        if (change.Kind == AdministratorChangeKind.Create)
        {
            await db.SaveChangesAsync(ct);
            return await ApplyCreateAsync(input);
        }
        var user = await users.FindByIdAsync(change.TargetUserId.ToString()!) ?? throw new NotFoundException("用户不存在。");
        await db.SaveChangesAsync(ct);
        switch (change.Kind)
        {
            case AdministratorChangeKind.Update:
                await ApplyUpdateAsync(user, input);
                return AccountChangeResult.Done(user.Id);
            case AdministratorChangeKind.ResetPassword:
                return AccountChangeResult.Done(user.Id, await ApplyResetAsync(user));
            default:
                await ApplySetActiveAsync(user, change.Kind == AdministratorChangeKind.Enable);
                return AccountChangeResult.Done(user.Id);
        }
    }

    public async Task RejectAdministratorChangeAsync(Guid changeId, string? reason, CancellationToken ct = default)
    {
        var change = await db.AdministratorAccountChanges.FirstOrDefaultAsync(c => c.Id == changeId, ct) ?? throw new NotFoundException("变更申请不存在。");
        change.Reject(currentUser.UserId, clock.UtcNow(), reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 等保: a change that touches an administrator account, asked for by a person, waits for the 安全管理员. The
    /// installation itself (the create-admin verb) acts directly: there is nobody yet to confirm.
    /// </summary>
    private bool NeedsApproval(IEnumerable<string> before, IEnumerable<string> after) =>
        !currentUser.IsSystem && SeparationOfDuties.TouchesAdministrator(before, after);

    private async Task<AccountChangeResult> RequestAsync(AdministratorChangeKind kind, AppUser? user, UserInput input, CancellationToken ct)
    {
        if (await db.AdministratorAccountChanges.AnyAsync(c => c.Status == AdministratorChangeStatus.Pending && c.UserName == input.UserName.Trim(), ct))
            throw new DomainException($"账号“{input.UserName.Trim()}”已有一项待安全管理员确认的变更，请等确认或驳回后再办理。");
        var change = new AdministratorAccountChange(kind, user?.Id, input.UserName.Trim(), input.DisplayName.Trim(), input.DepartmentId,
            input.Title.NullIfBlank(), input.Roles, currentUser.UserId);
        db.AdministratorAccountChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return AccountChangeResult.Awaiting(change.Id);
    }

    private async Task<UserInput> InputOfAsync(AppUser user) =>
        new(user.UserName!, user.DisplayName, user.DepartmentId, user.Title, [.. await users.GetRolesAsync(user)]);

    private async Task<AccountChangeResult> ApplyCreateAsync(UserInput input)
    {
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            DepartmentId = input.DepartmentId,
            Title = input.Title.NullIfBlank(),
            CreatedAt = clock.UtcNow(),
            PasswordChangedAt = clock.UtcNow(),
            MustChangePassword = true,
            LockoutEnabled = true,
        };
        var password = PasswordGenerator.Generate(user.UserName);
        (await users.CreateAsync(user, password)).ThrowIfFailed();
        if (input.Roles.Count > 0)
            (await users.AddToRolesAsync(user, input.Roles)).ThrowIfFailed();
        return AccountChangeResult.Done(user.Id, password);
    }

    private async Task ApplyUpdateAsync(AppUser user, UserInput input)
    {
        user.DisplayName = input.DisplayName.Trim();
        user.DepartmentId = input.DepartmentId;
        user.Title = input.Title.NullIfBlank();
        (await users.UpdateAsync(user)).ThrowIfFailed();
        var current = await users.GetRolesAsync(user);
        (await users.RemoveFromRolesAsync(user, current.Except(input.Roles))).ThrowIfFailed();
        (await users.AddToRolesAsync(user, input.Roles.Except(current))).ThrowIfFailed();
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        await sessions.EndAllAsync(user.Id, SessionEndReason.AccountChanged);
    }

    private async Task ApplySetActiveAsync(AppUser user, bool active)
    {
        user.IsActive = active;
        (await users.UpdateAsync(user)).ThrowIfFailed();
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        if (!active)
            await sessions.EndAllAsync(user.Id, SessionEndReason.AccountChanged);
    }

    private async Task<string> ApplyResetAsync(AppUser user)
    {
        var password = PasswordGenerator.Generate(user.UserName!);
        (await users.RemovePasswordAsync(user)).ThrowIfFailed();
        (await users.AddPasswordAsync(user, password)).ThrowIfFailed();
        user.MustChangePassword = true;
        user.PasswordChangedAt = clock.UtcNow();
        (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed();
        (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed();
        (await users.UpdateAsync(user)).ThrowIfFailed();
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        await sessions.EndAllAsync(user.Id, SessionEndReason.AccountChanged);
        return password;
    }

    public async Task<IReadOnlyList<RoleListItemDto>> RolesAsync(CancellationToken ct = default) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new RoleListItemDto(r.Id, r.Name!, r.DisplayName, r.DataScope,
                db.RoleClaims.Count(c => c.RoleId == r.Id && c.ClaimType == Permissions.ClaimType),
                db.UserRoles.Count(ur => ur.RoleId == r.Id)))
            .ToListAsync(ct);

    public async Task<RoleDetailDto?> RoleAsync(Guid id, CancellationToken ct = default)
    {
        var role = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
            return null;
        var permissions = await db.RoleClaims.Where(c => c.RoleId == id && c.ClaimType == Permissions.ClaimType).Select(c => c.ClaimValue!).ToListAsync(ct);
        var departments = await db.RoleDepartments.Where(r => r.RoleId == id).Select(r => r.DepartmentId).ToListAsync(ct);
        return new RoleDetailDto(role.Id, role.Name!, role.DisplayName, role.DataScope, permissions, departments);
    }

    public async Task UpdateRoleAsync(Guid id, IReadOnlyCollection<string> permissions, DataScope scope, IReadOnlyCollection<Guid> customDepartments, CancellationToken ct = default)
    {
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("角色不存在。");
        var unknown = permissions.Where(p => Permissions.All.All(a => a.Name != p)).ToList();
        if (unknown.Count > 0)
            throw new DomainException($"未知的权限：{string.Join("、", unknown)}。");
        if (scope == DataScope.CustomDepartments && customDepartments.Count == 0)
            throw new DomainException("“自定义部门”数据范围至少要选择一个部门。");
        if (SeparationOfDuties.PermissionsConflict(role.Name!, permissions) is { } conflict)
            throw new DomainException(conflict);

        role.DataScope = scope;
        var existing = await db.RoleClaims.Where(c => c.RoleId == id && c.ClaimType == Permissions.ClaimType).ToListAsync(ct);
        foreach (var claim in existing.Where(c => !permissions.Contains(c.ClaimValue!)))
            db.RoleClaims.Remove(claim);
        foreach (var permission in permissions.Except(existing.Select(c => c.ClaimValue!)))
            db.RoleClaims.Add(new IdentityRoleClaim<Guid> { RoleId = id, ClaimType = Permissions.ClaimType, ClaimValue = permission });
        var departments = await db.RoleDepartments.Where(r => r.RoleId == id).ToListAsync(ct);
        var wanted = scope == DataScope.CustomDepartments ? customDepartments.ToHashSet() : [];
        foreach (var d in departments.Where(d => !wanted.Contains(d.DepartmentId)))
            db.RoleDepartments.Remove(d);
        foreach (var d in wanted.Except(departments.Select(x => x.DepartmentId)))
            db.RoleDepartments.Add(new RoleDepartment(id, d));
        await db.SaveChangesAsync(ct);
    }

    private static void Validate(UserInput input)
    {
        if (string.IsNullOrWhiteSpace(input.UserName))
            throw new DomainException("请填写用户名。");
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            throw new DomainException("请填写姓名。");
        var unknown = input.Roles.Where(r => Roles.All.All(a => a.Name != r)).ToList();
        if (unknown.Count > 0)
            throw new DomainException($"未知的角色：{string.Join("、", unknown)}。");
        if (SeparationOfDuties.RolesConflict(input.Roles) is { } conflict)
            throw new DomainException(conflict);
    }

}
