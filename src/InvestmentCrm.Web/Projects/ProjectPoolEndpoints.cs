using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Projects;

/// <summary>项目盘子 (docs/figures.md): the API and the Excel export of the page.</summary>
public static class ProjectPoolEndpoints
{
    public static void MapProjectPool(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapGet("/project-pool", (int year, DateOnly? asOf, PoolSelection? show, int? page, int? pageSize, ProjectPoolAppService pool, CancellationToken ct) =>
                pool.GetAsync(year, asOf, show ?? PoolSelection.All, page ?? 1, pageSize ?? 50, ct))
            .RequireAuthorization(Permissions.Targets.View).WithTags("项目建设")
            .WithSummary("项目盘子：年度重点项目按建设状态（截至 asOf）、开复工率、新建/续建、重大项目、计划投资、包装策划转化（按数据权限范围），及 show 所选明细的一页");

        // Computed (and refused, for a bad year or date) before the workbook starts streaming.
        app.MapGet("/project-pool/export", async (int year, DateOnly? asOf, PoolSelection? show, ProjectPoolAppService pool, CancellationToken ct) =>
            {
                var write = await pool.ExportAsync(year, asOf, show ?? PoolSelection.All, ct);
                return Results.Stream(write, ContentTypes.Excel, $"项目盘子-{year}.xlsx");
            })
            .RequireAuthorization(Permissions.Targets.View)
            .RequireRateLimiting(RateLimits.Export);
    }
}
