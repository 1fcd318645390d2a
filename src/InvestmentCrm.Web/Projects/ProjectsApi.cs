using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Projects;

/// <summary>/api/v1/projects — the same data scope as the pages: an out-of-scope project is 404, not 403.</summary>
public static class ProjectsApi
{
    /// <summary>The projects module's endpoints: projects and pipeline API, attachments.</summary>
    public static void MapProjects(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapAttachmentEndpoints();
        api.MapProjectsApi();
        api.MapPipelineApi();
        app.MapProjectPool(api);
    }


    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("招商项目");

        projects.MapGet("/", (string? search, ProjectStage? stage, int? page, int? pageSize, ProjectAppService service, CancellationToken ct) =>
                service.ListAsync(new ProjectListQuery(search, stage, page ?? 1, pageSize ?? 20), ct))
            .RequireAuthorization(Permissions.Projects.View)
            .RequireRateLimiting(RateLimits.Search)
            .WithSummary("项目列表与搜索（按数据权限范围）");

        projects.MapGet("/{id:guid}", async (Guid id, ProjectAppService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } project ? Results.Ok(project) : NotFound())
            .Produces<ProjectDetailDto>()
            .RequireAuthorization(Permissions.Projects.View)
            .WithSummary("项目详情");

        projects.MapPut("/{id:guid}", async (Guid id, ProjectUpdateDto input, ProjectAppService service, CancellationToken ct) =>
                await service.UpdateAsync(id, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit)
            .WithSummary("修改项目基本信息（携带 concurrencyStamp，冲突时返回 409）");

        projects.MapDelete("/{id:guid}", async (Guid id, ProjectAppService service, CancellationToken ct) =>
                await service.DeleteAsync(id, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Delete)
            .WithSummary("删除项目（软删除，保留审计）");

        projects.MapGet("/export", (string? search, ProjectStage? stage, ProjectAppService service) =>
                Results.Stream(stream => service.ExportAsync(new ProjectListQuery(search, stage), stream), ContentTypes.Excel, "招商项目.xlsx"))
            .Produces<Stream>(StatusCodes.Status200OK, ContentTypes.Excel)
            .RequireAuthorization(Permissions.Projects.Export)
            .RequireRateLimiting(RateLimits.Export)
            .WithSummary("导出项目 Excel（按数据权限范围）");
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "项目不存在或您无权查看。");
}
