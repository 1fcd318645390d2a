using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Account;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Admin;

public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapAdminEndpoints();

        // 接口令牌 (docs/api.md): issued and revoked by the 系统管理员 in person — a token never manages tokens.
        var tokens = api.MapGroup("/admin/api-tokens").WithTags("接口令牌").RequireAuthorization(AccountEndpoints.CookieOnly(Permissions.Admin.Users));
        tokens.MapGet("/", (IntegrationAppService integrations, CancellationToken ct) => integrations.ListAsync(ct))
            .WithName("ListApiTokens").WithSummary("接口令牌：调用方、绑定的部门与角色、有效期、状态、最近使用");
        tokens.MapPost("/", async (ApiTokenInput input, IntegrationAppService integrations, CancellationToken ct) =>
            {
                var issued = await integrations.IssueAsync(input, ct);
                return Results.Created($"/api/v1/admin/api-tokens/{issued.Id}", issued);
            })
            .Produces<IssuedApiToken>(StatusCodes.Status201Created)
            .WithName("IssueApiToken").WithSummary("签发接口令牌（令牌只在此时返回一次；仅可绑定业务角色；最长一年）");
        tokens.MapPost("/{id:guid}/revocation", async (Guid id, IntegrationAppService integrations, CancellationToken ct) =>
            {
                await integrations.RevokeAsync(id, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .WithName("RevokeApiToken").WithSummary("吊销接口令牌（立即失效）");
    }

    public static void MapAdminEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/audit/export", (string? user, string? entity, DateOnly? from, DateOnly? to, AuditLogAppService audit) =>
                Results.Stream(stream => audit.ExportAsync(new AuditQuery(user, entity, from, to), stream), ContentTypes.Excel, "审计日志.xlsx"))
            .RequireAuthorization(Permissions.Audit.Export)
            .RequireRateLimiting(RateLimits.Export);
}
