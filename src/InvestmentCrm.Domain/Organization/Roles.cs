using System.ComponentModel.DataAnnotations;
namespace InvestmentCrm.Organization;

/// <summary>The roles of docs/security.md. The code name is stable; the Chinese name is what users see.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string AuditAdmin = "AuditAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string DistrictLeader = "DistrictLeader";
    public const string ResponsibleLeader = "ResponsibleLeader";
    public const string DepartmentHead = "DepartmentHead";
    public const string Officer = "Officer";
    public const string Assessor = "Assessor";
    public const string DispatchOffice = "DispatchOffice";
    public const string TaskForceMember = "TaskForceMember";

    public static readonly IReadOnlyList<(string Name, string DisplayName, DataScope Scope)> All =
    [
        (SystemAdmin, "系统管理员", DataScope.OwnDepartment),
        (AuditAdmin, "审计管理员", DataScope.OnlySelf),
        (SecurityAdmin, "安全管理员", DataScope.OnlySelf),
        (DistrictLeader, "区领导", DataScope.All),
        (ResponsibleLeader, "包保领导", DataScope.OnlySelf),
        (DepartmentHead, "部门负责人", DataScope.DepartmentAndBelow),
        (Officer, "招商专员", DataScope.OwnDepartment),
        (Assessor, "考核员", DataScope.All),
        (DispatchOffice, "调度办", DataScope.All),
        (TaskForceMember, "保障专班成员", DataScope.OwnDepartment),
    ];

    /// <summary>三员: the system, audit and security administrators — they hold no business role (三权分立).</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, AuditAdmin, SecurityAdmin];

    /// <summary>Who may be a project's 包保领导: the district's leaders.</summary>
    public static readonly IReadOnlyList<string> ProjectLeaders = [DistrictLeader, ResponsibleLeader];

    /// <summary>The business roles: who may be a secretary or contributor of a project (人人都是招商主体, administrators aside).</summary>
    public static IReadOnlyList<string> Business => [.. All.Select(r => r.Name).Except(Administrators)];

    public static string DisplayName(string role) =>
        All.FirstOrDefault(r => r.Name == role).DisplayName ?? role;
}

/// <summary>RuoYi's five data-scope levels (docs/security.md). Default is deny: a user without a role sees nothing.</summary>
public enum DataScope
{
    [Display(Name = "全部")]
    All = 1,
    [Display(Name = "自定义部门")]
    CustomDepartments = 2,
    [Display(Name = "本部门")]
    OwnDepartment = 3,
    [Display(Name = "本部门及以下")]
    DepartmentAndBelow = 4,
    [Display(Name = "仅本人")]
    OnlySelf = 5,
}

