using InvestmentCrm.Appraisal;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Appraisal;

/// <summary>年度考核 over HTTP: rule sets (考核员 edit drafts; a published one is refused in Chinese), runs, line items, 我的贡献, Excel.</summary>
public static class AppraisalApi
{
    /// <summary>The appraisal module's endpoints: the API and the Excel export.</summary>
    public static void MapAppraisal(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapAppraisalExport();
        api.MapAppraisalApi();
    }

    public static void MapAppraisalApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/appraisal").WithTags("年度考核");
        group.MapGet("/rulesets", (AppraisalAppService service, CancellationToken ct) => service.ListRuleSetsAsync(ct))
            .RequireAuthorization(Permissions.Appraisal.View).WithSummary("考核口径（各年度、各版本）");
        group.MapGet("/rulesets/{id:guid}", (Guid id, AppraisalAppService service, CancellationToken ct) => service.GetRuleSetAsync(id, ct))
            .RequireAuthorization(Permissions.Appraisal.View).WithSummary("一份考核口径及其评分项");
        group.MapPost("/rulesets/{id:guid}/items", async (Guid id, AppraisalItemSpec spec, AppraisalAppService service, CancellationToken ct) =>
                Results.Created($"/api/v1/appraisal/rulesets/{id}", new CreatedId(await service.AddItemAsync(id, spec, ct))))
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Appraisal.Run).WithSummary("向草稿添加评分项（已发布的口径拒绝修改）");
        group.MapPut("/rulesets/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, AppraisalItemSpec spec, AppraisalAppService service, CancellationToken ct) =>
            {
                await service.UpdateItemAsync(id, itemId, spec, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Appraisal.Run).WithSummary("修改草稿的评分项（已发布的口径拒绝修改）");
        group.MapPost("/rulesets/{id:guid}/publish", async (Guid id, AppraisalAppService service, CancellationToken ct) =>
            {
                await service.PublishAsync(id, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Appraisal.Run).WithSummary("发布草稿（同年度的现行版本被取代）");

        group.MapGet("/runs", (AppraisalAppService service, CancellationToken ct) => service.ListRunsAsync(ct))
            .RequireAuthorization(Permissions.Appraisal.View).WithSummary("考核结果列表");
        group.MapPost("/runs", async (CreateRunRequest request, AppraisalAppService service, CancellationToken ct) =>
                Results.Created("/api/v1/appraisal/runs", new CreatedId(await service.CreateRunAsync(request.RuleSetId, request.AsOf, ct))))
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Appraisal.Run).WithSummary("按已发布口径计算一次考核");
        group.MapGet("/runs/{id:guid}", (Guid id, AppraisalAppService service, CancellationToken ct) => service.GetRunAsync(id, ct))
            .RequireAuthorization(Permissions.Appraisal.View).WithSummary("龙虎榜与同年度冻结结果的差异（按数据权限范围）");
        group.MapGet("/runs/{id:guid}/{kind}/{subjectId:guid}", async (Guid id, string kind, Guid subjectId, HttpContext http, AppraisalAppService service, CancellationToken ct) =>
            {
                AppraisalSubject? subject = kind switch { "department" => AppraisalSubject.Department, "person" => AppraisalSubject.Person, _ => null };
                if (subject is null)
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "考核对象类型无效。");
                return Results.Ok(await service.GetSubjectAsync(id, subject.Value, subjectId, http.User.HasClaim(Permissions.ClaimType, Permissions.Appraisal.View), ct));
            })
            .Produces<SubjectDetailDto>()
            .RequireAuthorization(Permissions.Workbench.View).WithSummary("一个部门或个人的考核明细（本人总可查看）");
        group.MapGet("/mine", (int? year, AppraisalAppService service, CancellationToken ct) => service.GetMyContributionAsync(year, ct))
            .RequireAuthorization(Permissions.Workbench.View).WithSummary("我的贡献：本人的贡献台账与最近一次考核明细");
    }

    /// <summary>GET /appraisal/runs/{id}/export — the run as .xlsx (汇总 and 明细).</summary>
    public static void MapAppraisalExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/appraisal/runs/{id:guid}/export", (Guid id, AppraisalAppService service, CancellationToken ct) =>
                Results.Stream(stream => service.ExportRunAsync(id, stream, ct), ContentTypes.Excel, $"年度考核-{id:N}.xlsx"))
            .RequireAuthorization(Permissions.Appraisal.View)
            .RequireRateLimiting(RateLimits.Export)
            .ExcludeFromDescription();

    public sealed record CreateRunRequest(Guid RuleSetId, DateOnly? AsOf);
}
