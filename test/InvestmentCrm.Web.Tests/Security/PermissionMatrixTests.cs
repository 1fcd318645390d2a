using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Role × operation through the API: what each demo role may do with a project of its own scope.</summary>
public class PermissionMatrixTests
{
    // The project: 华润中心 (招引单位 商务局) — in scope for 商务局's officer and head, and for the district-wide roles.
    private static readonly (string User, HttpStatusCode List, HttpStatusCode View, HttpStatusCode Export, HttpStatusCode Edit, HttpStatusCode Delete)[] Matrix =
    [
        ("officer", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.NoContent, HttpStatusCode.Forbidden),
        ("head", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.NoContent),
        ("leader", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ("assessor", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ("dispatch", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Forbidden),
        ("sysadmin", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ("auditor", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ("security", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
    ];

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_role_may_do_exactly_what_its_permissions_allow(string provider)
    {
        foreach (var row in Matrix)
        {
            // A fresh database per role: a permitted delete must not hide the project from the next role.
            await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
            var client = await factory.SignInAsync(row.User);
            ProjectDetailDto project;
            await using (var db = factory.Database.CreateContext())
            {
                var entity = await db.Projects.AsNoTracking().SingleAsync(p => p.Name == "华润中心");
                project = entity.ToDetailDto();
            }

            (await client.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(row.List, $"{row.User}: list");
            (await client.GetAsync($"/api/v1/projects/{project.Id}")).StatusCode.ShouldBe(row.View, $"{row.User}: view");
            var export = await client.GetAsync("/api/v1/projects/export");
            export.StatusCode.ShouldBe(row.Export, $"{row.User}: export");
            if (row.Export == HttpStatusCode.OK)
                export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            var edit = await client.PutAsJsonAsync($"/api/v1/projects/{project.Id}",
                new ProjectUpdateDto("华润中心", project.Type, project.Industry, null, null, project.PlannedDomesticCny, project.ConcurrencyStamp, 0m, "USD", false, null));
            edit.StatusCode.ShouldBe(row.Edit, $"{row.User}: edit");
            (await client.DeleteAsync($"/api/v1/projects/{project.Id}")).StatusCode.ShouldBe(row.Delete, $"{row.User}: delete");
        }
    }

    [Fact]
    public async Task A_stale_edit_gets_409_and_changes_nothing()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("head");
        var project = (await client.GetFromJsonAsync<PagedResult<ProjectListItemDto>>("/api/v1/projects?search=华润中心二期"))!.Items.Single();
        var detail = (await client.GetFromJsonAsync<ProjectDetailDto>($"/api/v1/projects/{project.Id}"))!;
        var first = new ProjectUpdateDto("华润中心二期（甲）", detail.Type, detail.Industry, null, null, detail.PlannedDomesticCny, detail.ConcurrencyStamp, 0m, "USD", false, null);
        (await client.PutAsJsonAsync($"/api/v1/projects/{project.Id}", first)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var stale = first with { Name = "华润中心二期（乙）" };
        var response = await client.PutAsJsonAsync($"/api/v1/projects/{project.Id}", stale);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("已被他人修改");
        (await client.GetFromJsonAsync<ProjectDetailDto>($"/api/v1/projects/{project.Id}"))!.Name.ShouldBe("华润中心二期（甲）");
    }

    [Fact]
    public async Task Invalid_input_is_a_400_with_the_reason_in_Chinese()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("head");
        var project = (await client.GetFromJsonAsync<PagedResult<ProjectListItemDto>>("/api/v1/projects?search=华润中心二期"))!.Items.Single();
        var detail = (await client.GetFromJsonAsync<ProjectDetailDto>($"/api/v1/projects/{project.Id}"))!;
        var response = await client.PutAsJsonAsync($"/api/v1/projects/{project.Id}",
            new ProjectUpdateDto(" ", detail.Type, detail.Industry, null, null, 1m, detail.ConcurrencyStamp, 0m, "USD", false, null));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("项目名称不能为空");
    }
}
