using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>
/// Issue 16 (point 1): 三权分立 holds. Each way the 系统管理员 could reach the audit log — its own roles, a new account with
/// an audit and a business role, audit permissions on another role — is refused; administrator accounts change only when
/// the 安全管理员 confirms; and every such change is in the audit log.
/// </summary>
public class SeparationOfDutiesTests
{
    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()))
            .QuerySelector("[data-testid=message], [data-testid=error], [data-testid=pending]")?.TextContent ?? "";

    private static async Task<(Guid Id, List<string> Roles)> UserAsync(CrmWebApplicationFactory factory, string userName)
    {
        await using var db = factory.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync();
        return (user.Id, roles);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_system_administrator_cannot_give_itself_the_audit_role(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var admin = await factory.SignInAsync("sysadmin");
        var (id, _) = await UserAsync(factory, "sysadmin");
        string department;
        await using (var db = factory.Database.CreateContext())
            department = (await db.Users.SingleAsync(u => u.Id == id)).DepartmentId.ToString();

        // Swapping its role for the auditor's, or adding it (two administrator roles, refused on its own).
        var swapped = await FormPoster.PostAsync(admin, $"/admin/users/{id}", "edit-user", [new("Edit.DisplayName", "王磊"), new("Edit.DepartmentId", department), new("Edit.Roles", Roles.AuditAdmin)]);
        swapped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MessageAsync(swapped)).ShouldContain("不能修改自己的角色");
        var added = await FormPoster.PostAsync(admin, $"/admin/users/{id}", "edit-user",
            [new("Edit.DisplayName", "王磊"), new("Edit.DepartmentId", department), new("Edit.Roles", Roles.SystemAdmin), new("Edit.Roles", Roles.AuditAdmin)]);
        (await MessageAsync(added)).ShouldContain("三权分立");
        (await UserAsync(factory, "sysadmin")).Roles.ShouldBe([Roles.SystemAdmin]);
        (await admin.GetAsync("/admin/audit")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "still no audit log for the system administrator");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task No_account_holds_an_administrator_role_with_another_administrator_or_business_role(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var admin = await factory.SignInAsync("sysadmin");
        Guid department;
        await using (var db = factory.Database.CreateContext())
            department = await db.Departments.Where(d => d.Name == "商务局").Select(d => d.Id).SingleAsync();

        var auditAndLeader = await FormPoster.PostAsync(admin, "/admin/users", "create-user",
        [
            new("Create.UserName", "spy"), new("Create.DisplayName", "某某"), new("Create.DepartmentId", department.ToString()),
            new("Create.Roles", Roles.AuditAdmin), new("Create.Roles", Roles.DistrictLeader),
        ]);
        (await MessageAsync(auditAndLeader)).ShouldContain("三权分立：审计管理员不能同时拥有业务角色（区领导）");
        var twoAdministrators = await FormPoster.PostAsync(admin, "/admin/users", "create-user",
        [
            new("Create.UserName", "spy"), new("Create.DisplayName", "某某"), new("Create.DepartmentId", department.ToString()),
            new("Create.Roles", Roles.AuditAdmin), new("Create.Roles", Roles.SecurityAdmin),
        ]);
        (await MessageAsync(twoAdministrators)).ShouldContain("不能同时担任审计管理员、安全管理员");

        // Nor by changing an existing business account.
        var (leader, _) = await UserAsync(factory, "leader");
        var promoted = await FormPoster.PostAsync(admin, $"/admin/users/{leader}", "edit-user",
            [new("Edit.DisplayName", "李明"), new("Edit.DepartmentId", department.ToString()), new("Edit.Roles", Roles.DistrictLeader), new("Edit.Roles", Roles.AuditAdmin)]);
        (await MessageAsync(promoted)).ShouldContain("三权分立");

        await using var check = factory.Database.CreateContext();
        (await check.Users.AnyAsync(u => u.UserName == "spy")).ShouldBeFalse();
        (await check.AdministratorAccountChanges.AnyAsync()).ShouldBeFalse();
        (await UserAsync(factory, "leader")).Roles.ShouldBe([Roles.DistrictLeader]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Audit_permissions_go_to_no_other_role_and_the_three_administrator_roles_are_fixed(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var admin = await factory.SignInAsync("sysadmin");
        Guid security, officer;
        await using (var db = factory.Database.CreateContext())
        {
            security = await db.Roles.Where(r => r.Name == Roles.SecurityAdmin).Select(r => r.Id).SingleAsync();
            officer = await db.Roles.Where(r => r.Name == Roles.Officer).Select(r => r.Id).SingleAsync();
        }

        // The administrator roles' page has no form; the service refuses too.
        (await admin.GetStringAsync($"/admin/roles/{security}")).ShouldContain("三员角色的权限是固定的");
        using (var scope = factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<OrganizationAdminAppService>();
            (await Should.ThrowAsync<InvestmentCrm.Common.DomainException>(() => service.UpdateRoleAsync(security,
                [Permissions.Security.Settings, Permissions.Audit.View], DataScope.OnlySelf, []))).Message.ShouldContain("固定");
        }
        var toOfficer = await FormPoster.PostAsync(admin, $"/admin/roles/{officer}", "edit-role",
            [new("permissions", Permissions.Projects.View), new("permissions", Permissions.Audit.View), new("scope", nameof(DataScope.OwnDepartment))]);
        (await MessageAsync(toOfficer)).ShouldContain("查看审计与登录日志只属于审计管理员");

        await using var check = factory.Database.CreateContext();
        var held = await check.RoleClaims.Where(c => c.ClaimValue == Permissions.Audit.View).Join(check.Roles, c => c.RoleId, r => r.Id, (c, r) => r.Name).ToListAsync();
        held.ShouldBe([Roles.AuditAdmin]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_administrator_account_is_created_only_when_the_security_administrator_confirms(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var admin = await factory.SignInAsync("sysadmin");
        Guid department;
        await using (var db = factory.Database.CreateContext())
            department = await db.Departments.Where(d => d.ParentId == null).Select(d => d.Id).SingleAsync();

        var requested = await FormPoster.PostAsync(admin, "/admin/users", "create-user",
            [new("Create.UserName", "auditor2"), new("Create.DisplayName", "钱审"), new("Create.DepartmentId", department.ToString()), new("Create.Roles", Roles.AuditAdmin)]);
        (await MessageAsync(requested)).ShouldContain("已提交安全管理员确认");
        (await requested.Content.ReadAsStringAsync()).ShouldNotContain("初始密码：", customMessage: "the requester never learns the password");
        await using (var db = factory.Database.CreateContext())
            (await db.Users.AnyAsync(u => u.UserName == "auditor2")).ShouldBeFalse();
        (await admin.GetAsync("/admin/administrator-changes")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the system administrator cannot confirm");

        var security = await factory.SignInAsync("security");
        var page = await new HtmlParser().ParseDocumentAsync(await security.GetStringAsync("/admin/administrator-changes"));
        page.QuerySelector("[data-testid=change-table]")!.TextContent.ShouldContain("auditor2");
        Guid change;
        await using (var db = factory.Database.CreateContext())
            change = await db.AdministratorAccountChanges.Select(c => c.Id).SingleAsync();
        var approved = await FormPoster.PostAsync(security, "/admin/administrator-changes", $"approve-{change}", []);
        (await MessageAsync(approved)).ShouldContain("初始密码");

        var (created, roles) = await UserAsync(factory, "auditor2");
        roles.ShouldBe([Roles.AuditAdmin]);
        // The audit administrator sees who asked, who confirmed, and the role granted.
        await using var check = factory.Database.CreateContext();
        var logged = await check.AuditLogs.Select(l => l.EntityType).ToListAsync();
        logged.ShouldContain("AdministratorAccountChange");
        logged.ShouldContain("IdentityUserRole`1");
        (await check.AuditLogs.AnyAsync(l => l.EntityType == "AppUser" && l.EntityId == created.ToString())).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Disabling_or_resetting_an_administrator_waits_for_confirmation_and_business_accounts_do_not(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var admin = await factory.SignInAsync("sysadmin");
        var (auditor, _) = await UserAsync(factory, "auditor");
        var (officer, _) = await UserAsync(factory, "officer");

        (await MessageAsync(await FormPoster.PostAsync(admin, $"/admin/users/{auditor}", "reset-password", []))).ShouldContain("已提交安全管理员确认");
        (await MessageAsync(await FormPoster.PostAsync(admin, $"/admin/users/{officer}", "reset-password", []))).ShouldContain("新的初始密码");
        await using (var db = factory.Database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Id == auditor)).MustChangePassword.ShouldBeFalse("nothing happens before the confirmation");
            (await db.AdministratorAccountChanges.SingleAsync()).Kind.ShouldBe(AdministratorChangeKind.ResetPassword);
        }
    }

    [Fact]
    public void Nobody_confirms_their_own_request_or_a_change_of_their_own_account()
    {
        var requester = Guid.NewGuid();
        var target = Guid.NewGuid();
        var change = new AdministratorAccountChange(AdministratorChangeKind.Update, target, "auditor", "吴芳", Guid.NewGuid(), null, [Roles.AuditAdmin], requester);
        Should.Throw<InvestmentCrm.Common.DomainException>(() => change.Approve(requester, DateTime.UtcNow)).Message.ShouldContain("自己提交");
        Should.Throw<InvestmentCrm.Common.DomainException>(() => change.Approve(target, DateTime.UtcNow)).Message.ShouldContain("自己账号");
        change.Approve(Guid.NewGuid(), DateTime.UtcNow);
        change.Status.ShouldBe(AdministratorChangeStatus.Approved);
    }
}
