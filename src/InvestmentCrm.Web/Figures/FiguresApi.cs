using InvestmentCrm.Figures;
using InvestmentCrm.Organization;
using InvestmentCrm.Targets;
using InvestmentCrm.Common;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Figures;

/// <summary>/api/v1/cockpit and /api/v1/figures: the same engine and data scope as the pages.</summary>
public static class FiguresApi
{
    /// <summary>The figures module's endpoints.</summary>
    public static void MapFigures(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapFiguresApi();
        app.MapRecordsExport();
    }

    /// <summary>The drill-down as Excel: the same address as the page (any period, scope and 统计日), every record and the total.</summary>
    public static void MapRecordsExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/figures/records/export", async (HttpContext http, TargetAppService targets, FiguresEngine engine, FigureRecordsAppService records) =>
            {
                try
                {
                    var request = await FigureRecordsRequest.ParseAsync(http.Request.Query, http.User, targets, engine);
                    using var workbook = new MemoryStream();
                    await records.ExportAsync(request.Figure, request.Scope, request.Period, request.AsOf, workbook, http.RequestAborted);
                    return Results.File(workbook.ToArray(), ContentTypes.Excel, $"{request.Figure.ToDisplay()}明细.xlsx");
                }
                catch (Exception ex) when (BusinessErrors.Describe(ex) is { } refusal)
                {
                    return Results.Problem(statusCode: refusal.Status, title: "无法导出", detail: refusal.Message);
                }
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.Export);

    public static void MapFiguresApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cockpit", (int? year, DateOnly? asOf, Guid? department, CockpitAppService figures, CancellationToken ct) =>
                figures.GetCockpitAsync(year, asOf, department, ct))
            .RequireAuthorization(Permissions.Targets.View)
            .WithTags("领导驾驶舱")
            .WithSummary("驾驶舱：指标完成、序时进度与亮灯、漏斗、月度走势、龙虎榜、滞后重点项目、攻坚行动（按数据权限范围）");

        var figures = api.MapGroup("/figures").WithTags("领导驾驶舱");
        figures.MapGet("/", async (int? year, DateOnly? asOf, Guid? department, Guid? user, FiguresEngine service, CancellationToken ct) =>
                await service.ComputeAsync(Scope(department, user), FigurePeriod.Year(year ?? (asOf ?? service.Today).Year), asOf, ct))
            .RequireAuthorization(Permissions.Targets.View)
            .WithSummary("任一范围（全区/部门/个人）某年度截至某日的全部指标");

        figures.MapGet("/{figure}/records", async (Figure figure, int? year, DateOnly? asOf, Guid? department, Guid? user, int? page, FigureRecordsAppService service, FiguresEngine engine, CancellationToken ct) =>
                await service.GetRecordsAsync(figure, Scope(department, user), FigurePeriod.Year(year ?? (asOf ?? engine.Today).Year), asOf, page ?? 1, ct))
            .RequireAuthorization(Permissions.Targets.View)
            .WithSummary("指标背后的明细记录（与指标同一口径）");

        figures.MapGet("/mine", (int? year, DateOnly? asOf, PeopleFiguresAppService service, CancellationToken ct) => service.GetMyFiguresAsync(year, asOf, ct))
            .RequireAuthorization(Permissions.Workbench.View)
            .WithSummary("我的指标：本人指标与按贡献权重记入的数字");
    }

    private static FigureScope Scope(Guid? department, Guid? user) =>
        user is { } u ? FigureScope.Person(u, department) : department is { } d ? FigureScope.Department(d) : FigureScope.District;
}
