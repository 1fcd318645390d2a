using System.Security.Claims;
using InvestmentCrm.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InvestmentCrm.Web.ProjectIssues;

/// <summary>/api/v1/issues … — 项目问题, their routing settings, 我的包保项目 and 绿色通道 services (docs/domain.md, "项目问题").</summary>
public static class ProjectIssuesApi
{
    /// <summary>The signed-in user as the problem rules see them: who, which unit, which problem permissions.</summary>
    public static IssueActor Actor(ClaimsPrincipal user, ICurrentUser current) => new(
        current.UserId ?? throw new UnauthorizedAccessException("请先登录。"), current.DepartmentId,
        user.HasClaim(Permissions.ClaimType, Permissions.Issues.Raise),
        user.HasClaim(Permissions.ClaimType, Permissions.Issues.Handle),
        user.HasClaim(Permissions.ClaimType, Permissions.Issues.Dispatch));

    public static void MapProjectIssues(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var issues = api.MapGroup("/issues").WithTags("项目问题");

        issues.MapGet("/", (IssueListFilter? show, IssueCategory? category, Guid? departmentId, Guid? projectId, int? year, int? page, int? pageSize,
                    ProjectIssueAppService service, CancellationToken ct) =>
                service.ListAsync(new IssueListQuery(show ?? IssueListFilter.Open, category, departmentId, projectId, year, page ?? 1, pageSize ?? 20), ct))
            .RequireAuthorization(Permissions.Issues.View).WithName("ListIssues")
            .WithSummary("项目问题列表（按数据权限范围：可见项目的问题，及交办给本单位的问题）");

        issues.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ICurrentUser current, ProjectIssueAppService service, CancellationToken ct) =>
                await service.GetAsync(id, Actor(user, current), ct) is { } issue ? Results.Ok(issue) : NotFound())
            .Produces<IssueDetailDto>()
            .RequireAuthorization(Permissions.Issues.View).WithName("GetIssue").WithSummary("问题详情、办理记录与当前可执行的操作");

        issues.MapPost("/", async (RaiseIssueInput input, ClaimsPrincipal user, ICurrentUser current, ProjectIssueAppService service, CancellationToken ct) =>
            {
                var id = await service.RaiseAsync(input, Actor(user, current), ct);
                return Results.Created($"/api/v1/issues/{id}", new CreatedId(id));
            })
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Issues.Raise).WithName("RaiseIssue")
            .WithSummary("提出问题（类别须确认；无对应专班的类别须指定责任职能部门）并交办");

        issues.MapGet("/suggestion", (string? text, IssueCategory? category, Guid? departmentId, DateOnly? raisedOn, ProjectIssueAppService service, CancellationToken ct) =>
                service.SuggestAsync(text, category, departmentId, raisedOn, ct))
            .RequireAuthorization(Permissions.Issues.Raise).WithName("SuggestIssueRoute").WithSummary("按问题描述建议类别、交办单位与时限");

        issues.MapPost("/{id:guid}/actions", async (Guid id, IssueActionInput input, ClaimsPrincipal user, ICurrentUser current, ProjectIssueAppService service, CancellationToken ct) =>
            {
                await service.ActAsync(id, input, Actor(user, current), ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Issues.View).WithName("ActOnIssue")
            .WithSummary("办理问题：受理、退回、进展、协调、办结、企业确认、销号、改派、上提（按身份与状态校验）");

        issues.MapGet("/statistics", (int? year, IssueStatisticsAppService statistics, CancellationToken ct) => statistics.GetAsync(year, ct))
            .RequireAuthorization(Permissions.Issues.View).WithName("GetIssueStatistics")
            .WithSummary("问题统计：按类别、责任单位、时长；首次响应与办结用时（中位数、P90）；办结率");

        issues.MapGet("/routes", (ProjectIssueAppService service, CancellationToken ct) => service.RoutesAsync(ct))
            .RequireAuthorization(Permissions.Issues.View).WithName("ListIssueRoutes").WithSummary("各类问题的交办专班与时限");
        issues.MapPut("/routes", async (IssueRouteInput input, ProjectIssueAppService service, CancellationToken ct) =>
            {
                await service.SaveRouteAsync(input, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Issues.Dispatch).WithName("SaveIssueRoute").WithSummary("设置某类问题的交办专班与时限");
        issues.MapGet("/keywords", (ProjectIssueAppService service, CancellationToken ct) => service.KeywordsAsync(ct))
            .RequireAuthorization(Permissions.Issues.View).WithName("ListIssueKeywords").WithSummary("问题分类关键词");
        issues.MapPost("/keywords", async (IssueKeywordInput input, ProjectIssueAppService service, CancellationToken ct) =>
                Results.Created("/api/v1/issues/keywords", new CreatedId(await service.AddKeywordAsync(input.Keyword, input.Category, ct))))
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Issues.Dispatch).WithName("AddIssueKeyword").WithSummary("添加问题分类关键词");
        issues.MapDelete("/keywords/{id:guid}", async (Guid id, ProjectIssueAppService service, CancellationToken ct) =>
                await service.RemoveKeywordAsync(id, ct) ? Results.NoContent() : NotFound("关键词不存在。"))
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Issues.Dispatch).WithName("RemoveIssueKeyword").WithSummary("删除问题分类关键词");

        api.MapGet("/my-responsible-projects", (ResponsibleProjectsAppService service, CancellationToken ct) => service.MineAsync(ct))
            .RequireAuthorization(Permissions.Projects.View).WithTags("项目问题").WithName("ListMyResponsibleProjects")
            .WithSummary("我的包保项目：下一里程碑与倒计时、最近走访、未解决问题、本年到位");

        var green = api.MapGroup("/projects/{projectId:guid}/green-channel").WithTags("项目问题");
        green.MapGet("/", async (Guid projectId, GreenChannelAppService service, CancellationToken ct) =>
                await service.GetAsync(projectId, ct) is { } dto ? Results.Ok(dto) : NotFound("项目不存在或您无权查看。"))
            .Produces<GreenChannelDto>()
            .RequireAuthorization(Permissions.Projects.View).WithName("GetGreenChannel").WithSummary("绿色通道服务与各年减免合计");
        green.MapPost("/services", async (Guid projectId, GreenChannelServiceInput input, GreenChannelAppService service, CancellationToken ct) =>
                await service.AddAsync(projectId, input, ct) is { } id ? Results.Created($"/api/v1/projects/{projectId}/green-channel", new CreatedId(id)) : NotFound("项目不存在或您无权查看。"))
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Edit).WithName("AddGreenChannelService").WithSummary("登记绿色通道服务（限时办结）");
        green.MapPost("/services/{serviceId:guid}/completion", async (Guid projectId, Guid serviceId, GreenChannelDoneInput input, GreenChannelAppService service, CancellationToken ct) =>
                await service.CompleteAsync(projectId, serviceId, input, ct) ? Results.NoContent() : NotFound("服务记录不存在或您无权查看。"))
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithName("CompleteGreenChannelService").WithSummary("绿色通道服务办结（减免事项填减免金额，元）");

        // The raise form's category, unit and 办结时限, re-rendered while the user types (htmx).
        app.MapGet("/issues/route-fields", async (string? title, string? description, string? category, string? chosen, string? departmentId, string? dueOn,
                    string? raisedOn, ProjectIssueAppService service, CancellationToken ct) =>
            {
                var picked = chosen == "1" && Enum.TryParse<IssueCategory>(category, out var c) && Enum.IsDefined(c) ? c : (IssueCategory?)null;
                var department = Guid.TryParse(departmentId, out var d) ? d : (Guid?)null;
                var suggestion = await service.SuggestAsync($"{title} {description}", picked, department, DateInputs.ParseBusinessDate(raisedOn), ct);
                return new RazorComponentResult<IssueRouteFields>(new
                {
                    Suggestion = suggestion, Chosen = picked is not null, DepartmentId = department,
                    DueOn = DateInputs.ParseBusinessDate(dueOn)?.ToString("yyyy-MM-dd"), Departments = await service.DepartmentOptionsAsync(ct),
                });
            })
            .RequireAuthorization(Permissions.Issues.Raise)
            .ExcludeFromDescription();

        // Computed (and refused, for a bad year) before the workbook starts streaming.
        app.MapGet("/issues/statistics/export", async (int? year, IssueStatisticsAppService statistics, CancellationToken ct) =>
            {
                var data = await statistics.GetAsync(year, ct);
                return Results.Stream(stream => IssueStatisticsAppService.ExportAsync(data, stream), ContentTypes.Excel, $"问题统计-{data.Year}.xlsx");
            })
            .RequireAuthorization(Permissions.Issues.View)
            .RequireRateLimiting(RateLimits.Export);

        app.MapGet("/issues/export", async (IssueListFilter? show, IssueCategory? category, Guid? departmentId, int? year, ProjectIssueAppService service, CancellationToken ct) =>
            {
                var write = await service.ExportAsync(new IssueListQuery(show ?? IssueListFilter.All, category, departmentId, null, year), ct);
                return Results.Stream(write, ContentTypes.Excel, "项目问题.xlsx");
            })
            .RequireAuthorization(Permissions.Issues.View)
            .RequireRateLimiting(RateLimits.Export);
    }

    private static IResult NotFound(string detail = "问题不存在或您无权查看。") => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);
}

public sealed record IssueKeywordInput(string? Keyword, IssueCategory Category);
