namespace InvestmentCrm.Organization;

/// <summary>
/// Permissions as named constants grouped by module (docs/security.md). They travel as role claims of type
/// <see cref="ClaimType"/> and are checked on the server for pages and API alike.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "crm:permission";

    public static class Workbench
    {
        public const string View = "Workbench.View";
    }

    public static class Projects
    {
        public const string View = "Projects.View";
        public const string Create = "Projects.Create";
        public const string Edit = "Projects.Edit";
        public const string Delete = "Projects.Delete";
        public const string Export = "Projects.Export";
        public const string ChangeStage = "Projects.ChangeStage";
        public const string OverrideStage = "Projects.OverrideStage";
        public const string VerifyFunds = "Projects.VerifyFunds";
    }

    public static class Companies
    {
        public const string View = "Companies.View";
        public const string Edit = "Companies.Edit";
    }

    public static class Targets
    {
        public const string View = "Targets.View";
        public const string Manage = "Targets.Manage";
    }

    public static class Issues
    {
        public const string View = "Issues.View";
        public const string Raise = "Issues.Raise";
        public const string Handle = "Issues.Handle";
        public const string Dispatch = "Issues.Dispatch";
    }

    public static class Meetings
    {
        public const string View = "Meetings.View";
        public const string Manage = "Meetings.Manage";
    }

    public static class Appraisal
    {
        public const string View = "Appraisal.View";
        public const string Run = "Appraisal.Run";
    }

    public static class Admin
    {
        public const string Users = "Admin.Users";
        public const string Departments = "Admin.Departments";
        public const string Roles = "Admin.Roles";
    }

    public static class Security
    {
        public const string Settings = "Security.Settings";
        public const string ApproveAdministratorChanges = "Security.ApproveAdministratorChanges";
    }

    public static class Audit
    {
        public const string View = "Audit.View";
        public const string Export = "Audit.Export";
    }

    /// <summary>Every permission with its module and Chinese name, in the order the role editor shows them.</summary>
    public static readonly IReadOnlyList<(string Name, string Module, string DisplayName)> All =
    [
        (Workbench.View, "工作台", "查看工作台"),
        (Projects.View, "招商项目", "查看项目"),
        (Projects.Create, "招商项目", "新建项目"),
        (Projects.Edit, "招商项目", "编辑项目"),
        (Projects.Delete, "招商项目", "删除项目"),
        (Projects.Export, "招商项目", "导出项目"),
        (Projects.ChangeStage, "招商项目", "变更阶段"),
        (Projects.OverrideStage, "招商项目", "越级/回退阶段"),
        (Projects.VerifyFunds, "招商项目", "认定到位资金"),
        (Companies.View, "企业库", "查看企业"),
        (Companies.Edit, "企业库", "维护企业"),
        (Targets.View, "指标", "查看指标与驾驶舱"),
        (Targets.Manage, "指标", "设置指标"),
        (Issues.View, "项目问题", "查看项目问题"),
        (Issues.Raise, "项目问题", "提出问题、登记企业确认"),
        (Issues.Handle, "项目问题", "受理与办理交办的问题"),
        (Issues.Dispatch, "项目问题", "改派、上提、销号与问题配置"),
        (Meetings.View, "调度会", "查看调度会与三项清单"),
        (Meetings.Manage, "调度会", "筹备调度会、记录决定、发送快报"),
        (Appraisal.View, "考核", "查看考核结果"),
        (Appraisal.Run, "考核", "运行与冻结考核"),
        (Admin.Users, "系统管理", "用户管理"),
        (Admin.Departments, "系统管理", "部门管理"),
        (Admin.Roles, "系统管理", "角色与权限"),
        (Security.Settings, "安全管理", "安全策略设置"),
        (Security.ApproveAdministratorChanges, "安全管理", "确认管理员账号变更"),
        (Audit.View, "审计", "查看审计与登录日志"),
        (Audit.Export, "审计", "导出审计日志"),
    ];

    public static string DisplayName(string permission) =>
        All.FirstOrDefault(p => p.Name == permission).DisplayName ?? permission;

    /// <summary>
    /// What each role may do out of the box (editable on the roles page). 三权分立: the system administrator
    /// manages users, departments and roles but neither reads logs nor changes security settings; the audit
    /// administrator only reads logs; the security administrator only sets the security policy.
    /// </summary>
    public static IReadOnlyList<string> DefaultsFor(string role) => role switch
    {
        Roles.SystemAdmin => [Admin.Users, Admin.Departments, Admin.Roles],
        Roles.AuditAdmin => [Audit.View, Audit.Export],
        Roles.SecurityAdmin => [Security.Settings, Security.ApproveAdministratorChanges],
        Roles.DistrictLeader => [Workbench.View, Projects.View, Projects.Export, Companies.View, Targets.View, Appraisal.View, Issues.View, Meetings.View],
        Roles.ResponsibleLeader => [Workbench.View, Projects.View, Projects.Edit, Companies.View, Targets.View, Issues.View, Issues.Raise, Meetings.View],
        Roles.DepartmentHead => [Workbench.View, Projects.View, Projects.Create, Projects.Edit, Projects.Delete, Projects.Export, Projects.ChangeStage, Projects.VerifyFunds, Companies.View, Companies.Edit, Targets.View, Appraisal.View, Issues.View, Issues.Raise, Issues.Handle, Meetings.View],
        Roles.Officer => [Workbench.View, Projects.View, Projects.Create, Projects.Edit, Projects.ChangeStage, Companies.View, Companies.Edit, Issues.View, Issues.Raise],
        Roles.Assessor => [Workbench.View, Projects.View, Projects.Export, Companies.View, Targets.View, Appraisal.View, Appraisal.Run, Issues.View],
        Roles.DispatchOffice => [Workbench.View, Projects.View, Projects.Edit, Projects.Export, Projects.ChangeStage, Projects.OverrideStage, Projects.VerifyFunds, Companies.View, Targets.View, Targets.Manage, Issues.View, Issues.Raise, Issues.Handle, Issues.Dispatch, Meetings.View, Meetings.Manage],
        Roles.TaskForceMember => [Workbench.View, Issues.View, Issues.Handle],
        _ => [],
    };
}
