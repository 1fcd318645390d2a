namespace InvestmentCrm.Organization;

/// <summary>
/// 三权分立 (docs/security.md): the system, audit and security administrators are three people with three fixed sets of
/// permissions. No account holds two of these roles or one of them with a business role; the permissions of the three
/// roles cannot be edited, and what belongs to one of them (managing accounts, reading logs, the security policy) is
/// never granted to any other role; no one changes their own roles.
/// </summary>
public static class SeparationOfDuties
{
    public static bool IsAdministratorRole(string role) => Roles.Administrators.Contains(role);

    /// <summary>Whether a change of an account from <paramref name="before"/> to <paramref name="after"/> roles touches an administrator account.</summary>
    public static bool TouchesAdministrator(IEnumerable<string> before, IEnumerable<string> after) =>
        before.Concat(after).Any(IsAdministratorRole);

    /// <summary>Why an account may not hold these roles together, or null when it may.</summary>
    public static string? RolesConflict(IReadOnlyCollection<string> roles)
    {
        var administrator = roles.Where(IsAdministratorRole).Distinct().ToList();
        if (administrator.Count > 1)
            return $"三权分立：一个账号不能同时担任{string.Join("、", administrator.Select(Roles.DisplayName))}。";
        var business = roles.Where(r => !IsAdministratorRole(r)).Distinct().ToList();
        if (administrator.Count == 1 && business.Count > 0)
            return $"三权分立：{Roles.DisplayName(administrator[0])}不能同时拥有业务角色（{string.Join("、", business.Select(Roles.DisplayName))}）。";
        return null;
    }

    /// <summary>The administrator role a permission belongs to exclusively, or null for a business permission.</summary>
    public static string? ExclusiveOwner(string permission) =>
        permission.StartsWith("Admin.", StringComparison.Ordinal) ? Roles.SystemAdmin
        : permission.StartsWith("Audit.", StringComparison.Ordinal) ? Roles.AuditAdmin
        : permission.StartsWith("Security.", StringComparison.Ordinal) ? Roles.SecurityAdmin
        : null;

    /// <summary>Why a role may not be given these permissions, or null when it may.</summary>
    public static string? PermissionsConflict(string role, IReadOnlyCollection<string> permissions)
    {
        if (IsAdministratorRole(role))
            return $"三权分立：{Roles.DisplayName(role)}的权限是固定的，不能编辑。";
        var foreign = permissions.Where(p => ExclusiveOwner(p) is not null).ToList();
        return foreign.Count == 0
            ? null
            : $"三权分立：{string.Join("、", foreign.Select(Permissions.DisplayName))}只属于{string.Join("、", foreign.Select(p => Roles.DisplayName(ExclusiveOwner(p)!)).Distinct())}，不能授予其他角色。";
    }
}
