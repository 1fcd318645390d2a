using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>The administration pages, used through their forms as a system administrator would.</summary>
[Collection(InvestmentCrm.Web.Tests.Hosting.ConsoleCollection.Name)]
public partial class AdministrationPagesTests
{
    [Fact]
    public async Task The_system_administrator_creates_a_user_who_then_must_change_the_password()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var admin = await factory.SignInAsync("sysadmin");
        Guid street;
        await using (var db = factory.Database.CreateContext())
            street = await db.Departments.Where(d => d.Name == "新春街道").Select(d => d.Id).SingleAsync();

        var response = await FormPoster.PostAsync(admin, "/admin/users", "create-user",
        [
            new("Create.UserName", "wangfang"), new("Create.DisplayName", "王芳"), new("Create.DepartmentId", street.ToString()),
            new("Create.Title", "科员"), new("Create.Roles", Roles.Officer),
        ]);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var password = page.QuerySelector("[data-testid=initial-password] code")!.TextContent;
        page.QuerySelector("[data-testid=user-table]")!.TextContent.ShouldContain("王芳");

        var newUser = await factory.SignInAsync("wangfang", password);
        (await newUser.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/account/change-password");
    }

    [Fact]
    public async Task Roles_get_permissions_and_a_custom_department_scope_through_the_role_page()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var admin = await factory.SignInAsync("sysadmin");
        Guid role, street;
        await using (var db = factory.Database.CreateContext())
        {
            role = await db.Roles.Where(r => r.Name == Roles.Officer).Select(r => r.Id).SingleAsync();
            street = await db.Departments.Where(d => d.Name == "自强街道").Select(d => d.Id).SingleAsync();
        }
        var response = await FormPoster.PostAsync(admin, $"/admin/roles/{role}", "edit-role",
        [
            new("permissions", Permissions.Workbench.View), new("permissions", Permissions.Projects.View), new("permissions", Permissions.Projects.Export),
            new("scope", nameof(DataScope.CustomDepartments)), new("departments", street.ToString()),
        ]);
        (await response.Content.ReadAsStringAsync()).ShouldContain("已保存");

        // The officer now exports, and sees 自强街道's project although the officer works at 商务局.
        var officer = await factory.SignInAsync("officer");
        (await officer.GetAsync("/api/v1/projects/export")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetStringAsync("/api/v1/projects?pageSize=100")).ShouldContain("平安银行长春分行新址");
        (await officer.GetAsync($"/api/v1/projects/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Refused combinations come back in Chinese and change nothing.
        var refused = await FormPoster.PostAsync(admin, $"/admin/roles/{role}", "edit-role", [new("scope", nameof(DataScope.CustomDepartments))]);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("至少要选择一个部门");
    }

    [Fact]
    public async Task Departments_are_added_renamed_and_cannot_be_moved_under_themselves()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var admin = await factory.SignInAsync("sysadmin");
        Guid zone, zoneUnit;
        await using (var db = factory.Database.CreateContext())
        {
            zone = await db.Departments.Where(d => d.Code == "NG-KFQ").Select(d => d.Id).SingleAsync();
            zoneUnit = await db.Departments.Where(d => d.Code == "NG-KFQ-ZS").Select(d => d.Id).SingleAsync();
        }
        var added = await FormPoster.PostAsync(admin, "/admin/departments", "add-department",
            [new("Add.Code", "NG-KFQ-FW"), new("Add.Name", "开发区企业服务局"), new("Add.Kind", nameof(DepartmentKind.Functional)), new("Add.ParentId", zone.ToString())]);
        (await added.Content.ReadAsStringAsync()).ShouldContain("已新增部门“开发区企业服务局”");

        var cycle = await FormPoster.PostAsync(admin, $"/admin/departments/{zone}", "edit-department",
            [new("Edit.Name", "南部都市经济开发区"), new("Edit.ParentId", zoneUnit.ToString()), new("Edit.IsActive", "true")]);
        (await cycle.Content.ReadAsStringAsync()).ShouldContain("不能把部门移动到它自己或它的下级部门之下");
    }

    [Fact]
    public async Task The_audit_administrator_filters_and_exports_the_audit_log()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var auditor = await factory.SignInAsync("auditor");
        var page = await new HtmlParser().ParseDocumentAsync(await auditor.GetStringAsync("/admin/audit?entity=Project"));
        var rows = page.QuerySelectorAll("[data-testid=audit-table] tbody tr");
        rows.Length.ShouldBeGreaterThan(0);
        rows.ShouldAllBe(r => r.Children[2].TextContent.StartsWith("招商项目", StringComparison.Ordinal));
        page.QuerySelector("select[name=entity] option[value=Project]")!.TextContent.ShouldBe("招商项目");

        var export = await auditor.GetAsync("/admin/audit/export?entity=Project");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheetRows = XlsxWorkbook.Read(await export.Content.ReadAsByteArrayAsync()).Rows().Count;
        await using var db = factory.Database.CreateContext();
        sheetRows.ShouldBe(1 + await db.AuditLogs.CountAsync(a => a.EntityType == "Project"));
    }

    [Fact]
    public async Task Create_admin_makes_the_first_administrator_with_a_one_time_password()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.Empty);
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await CrmHost.RunAsync(["create-admin", "admin", "--name", "王磊", $"Database:ConnectionString={database.ConnectionString}", "Logging:LogLevel:Default=None"]);
        }
        finally
        {
            Console.SetOut(original);
        }
        exit.ShouldBe(0);
        var password = Regex().Match(output.ToString()).Groups[1].Value;
        password.Length.ShouldBe(14);

        await using var factory = new CrmWebApplicationFactory(database);
        var admin = await factory.SignInAsync("admin", password);
        (await admin.GetAsync("/admin/users")).Headers.Location!.OriginalString.ShouldBe("/account/change-password");
    }

    [System.Text.RegularExpressions.GeneratedRegex("初始密码（只显示这一次，首次登录必须修改）：(\\S+)")]
    private static partial System.Text.RegularExpressions.Regex Regex();
}
