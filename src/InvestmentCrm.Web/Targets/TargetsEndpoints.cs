using InvestmentCrm.Organization;
using InvestmentCrm.Targets;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Targets;

public static class TargetsEndpoints
{
    /// <summary>The targets module's endpoints (its pages are routed as components).</summary>
    public static void MapTargets(this IEndpointRouteBuilder app, RouteGroupBuilder api) => app.MapTargetExport();

    /// <summary>GET /targets/export — the decomposition tree of a period as .xlsx.</summary>
    public static void MapTargetExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/targets/export", async (PeriodKind? kind, int? year, Guid? campaign, TargetAppService targets, CancellationToken ct) =>
            {
                var period = await targets.PeriodAsync(kind ?? PeriodKind.Year, year, campaign, ct);
                return Results.Stream(stream => targets.ExportTreeAsync(period, stream, ct), ContentTypes.Excel, $"指标分解-{period.Label}.xlsx");
            })
            .RequireAuthorization(Permissions.Targets.View)
            .RequireRateLimiting(RateLimits.Export)
            .ExcludeFromDescription();
}
