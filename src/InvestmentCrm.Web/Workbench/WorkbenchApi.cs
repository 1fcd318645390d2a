using InvestmentCrm.Workbench;

namespace InvestmentCrm.Web.Workbench;

public static class WorkbenchApi
{
    public static void MapWorkbench(this IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapWorkbenchApi();

    public static void MapWorkbenchApi(this RouteGroupBuilder api) =>
        api.MapGet("/workbench/summary", (WorkbenchAppService service, CancellationToken ct) => service.GetSummaryAsync(ct))
            .RequireAuthorization(InvestmentCrm.Organization.Permissions.Workbench.View)
            .WithName("GetWorkbenchSummary")
            .WithTags("工作台")
            .WithSummary("工作台汇总：各阶段项目数、合同与已认定到位资金")
            .Produces<WorkbenchSummaryDto>();
}
