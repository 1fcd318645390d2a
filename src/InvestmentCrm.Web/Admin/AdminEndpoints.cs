using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Admin;

public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, RouteGroupBuilder api) => app.MapAdminEndpoints();

    public static void MapAdminEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/audit/export", (string? user, string? entity, DateOnly? from, DateOnly? to, AuditLogAppService audit) =>
                Results.Stream(stream => audit.ExportAsync(new AuditQuery(user, entity, from, to), stream), ContentTypes.Excel, "审计日志.xlsx"))
            .RequireAuthorization(Permissions.Audit.Export)
            .RequireRateLimiting(RateLimits.Export);
}
