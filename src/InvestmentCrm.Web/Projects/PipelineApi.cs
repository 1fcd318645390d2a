using System.Security.Claims;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;

using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Projects;

/// <summary>/api/v1/projects/{id}/… — the pipeline records and stage moves, in the caller's data scope.</summary>
public static class PipelineApi
{
    public static void MapPipelineApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("招商项目");

        group.MapPost("/", async (ProjectCreateDto input, PipelineAppService pipeline, CancellationToken ct) =>
            {
                var id = await pipeline.CreateAsync(input, ct);
                return Results.Created($"/api/v1/projects/{id}", new CreatedId(id));
            })
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Create).WithSummary("登记项目（储备）");

        group.MapGet("/{id:guid}/pipeline", async (Guid id, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.GetAsync(id, ct) is { } dto ? Results.Ok(dto) : NotFound())
            .Produces<PipelineDto>()
            .RequireAuthorization(Permissions.Projects.View).WithSummary("项目的走访、合同、落位凭证与到位资金");

        group.MapPost("/{id:guid}/visits", async (Guid id, VisitInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.LogVisitAsync(id, input, ct) is { } created ? Results.Created($"/api/v1/projects/{id}/pipeline", new CreatedId(created)) : NotFound())
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("记录走访/洽谈");

        group.MapPost("/{id:guid}/contracts", async (Guid id, ContractInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.AddContractAsync(id, input, ct) is { } created ? Results.Created($"/api/v1/projects/{id}/pipeline", new CreatedId(created)) : NotFound())
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("登记合同/协议");

        group.MapPost("/{id:guid}/landing", async (Guid id, LandingInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.AddLandingEvidenceAsync(id, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("登记落位凭证");

        group.MapPost("/{id:guid}/tranches", async (Guid id, TrancheInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.AddTrancheAsync(id, input, ct) is { } created ? Results.Created($"/api/v1/projects/{id}/pipeline", new CreatedId(created)) : NotFound())
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("录入到位资金（待认定）");

        api.MapPost("/tranches/{id:guid}/verification", async (Guid id, VerificationInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.VerifyTrancheAsync(id, input.Approve, input.Note, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.VerifyFunds).WithTags("招商项目").WithSummary("认定/不予认定到位资金（录入人不能认定）");

        group.MapPut("/{id:guid}/landing/{evidenceId:guid}", async (Guid id, Guid evidenceId, LandingCorrectionInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.CorrectLandingEvidenceAsync(id, evidenceId, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("更正落位凭证（写明原因）");
        group.MapPost("/{id:guid}/landing/{evidenceId:guid}/withdrawal", async (Guid id, Guid evidenceId, DecisionWithdrawalInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.WithdrawLandingEvidenceAsync(id, evidenceId, input.Reason, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("撤回落位凭证（写明原因）");
        group.MapPut("/{id:guid}/milestones/{milestoneId:guid}", async (Guid id, Guid milestoneId, MilestoneCorrectionInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.CorrectMilestoneAsync(id, milestoneId, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("更正里程碑（写明原因）");
        group.MapPost("/{id:guid}/milestones/{milestoneId:guid}/withdrawal", async (Guid id, Guid milestoneId, DecisionWithdrawalInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.WithdrawMilestoneAsync(id, milestoneId, input.Reason, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("撤回里程碑（写明原因）");

        api.MapPut("/contracts/{id:guid}", async (Guid id, ContractCorrectionInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.CorrectContractAsync(id, input, ct) ? Results.NoContent() : RecordNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithTags("招商项目").WithSummary("更正合同（写明原因）");
        api.MapPost("/contracts/{id:guid}/withdrawal", async (Guid id, DecisionWithdrawalInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.WithdrawContractAsync(id, input.Reason, ct) ? Results.NoContent() : RecordNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithTags("招商项目").WithSummary("撤回合同（写明原因；不再计入任何指标）");
        api.MapPut("/tranches/{id:guid}", async (Guid id, TrancheCorrectionInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.CorrectTrancheAsync(id, input, ct) ? Results.NoContent() : RecordNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithTags("招商项目").WithSummary("更正待认定的到位资金（写明原因；已认定的先撤销认定）");
        api.MapPost("/tranches/{id:guid}/withdrawal", async (Guid id, DecisionWithdrawalInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.WithdrawTrancheAsync(id, input.Reason, ct) ? Results.NoContent() : RecordNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithTags("招商项目").WithSummary("撤回待认定的到位资金（写明原因）");
        api.MapPut("/activities/{id:guid}", async (Guid id, VisitCorrectionInput input, ActivityAppService activities, CancellationToken ct) =>
                await activities.CorrectVisitAsync(id, input, ct) ? Results.NoContent() : ActivityNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithTags("走访洽谈").WithSummary("更正走访记录（写明原因）");
        api.MapPost("/activities/{id:guid}/withdrawal", async (Guid id, DecisionWithdrawalInput input, ActivityAppService activities, CancellationToken ct) =>
                await activities.WithdrawVisitAsync(id, input.Reason, ct) ? Results.NoContent() : ActivityNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithTags("走访洽谈").WithSummary("撤回走访记录（写明原因）");

        api.MapPost("/tranches/{id:guid}/verification/withdrawal", async (Guid id, DecisionWithdrawalInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.WithdrawTrancheDecisionAsync(id, input.Reason, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.VerifyFunds).WithTags("招商项目").WithSummary("撤销认定/不予认定（写明原因；之后需重新认定）");

        group.MapPut("/{id:guid}/responsibility", async (Guid id, ResponsibilityInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.SetResponsibilityAsync(id, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("招引单位、包保领导、双秘书、引荐方与贡献人（权重合计 100%）");

        group.MapGet("/{id:guid}/milestones", async (Guid id, DateOnly? asOf, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.MilestonesAsync(id, asOf, ct) is { } list ? Results.Ok(list) : NotFound())
            .Produces<IReadOnlyList<MilestoneDto>>()
            .RequireAuthorization(Permissions.Projects.View).WithSummary("里程碑与倒计时（按统计日 asOf，默认今天）");

        group.MapPost("/{id:guid}/milestones", async (Guid id, MilestoneInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.AddMilestoneAsync(id, input.Phase, input.Title, input.PlannedDate, ct) ? Results.Created($"/api/v1/projects/{id}/milestones", null) : NotFound())
            .Produces(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("添加里程碑");

        group.MapPost("/{id:guid}/milestones/{milestoneId:guid}/completion", async (Guid id, Guid milestoneId, MilestoneCompletionInput input, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.CompleteMilestoneAsync(id, milestoneId, input.ActualDate, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("里程碑完成（填写实际完成日期）");

        api.MapGet("/tranches", (VerificationStatus? status, CapitalSource? source, int? year, Guid? departmentId, int? page, int? pageSize,
                FundsRegisterAppService register, CancellationToken ct) =>
                register.TranchesAsync(new TrancheListQuery(status, source, page ?? 1, pageSize ?? 50, year, departmentId), ct))
            .RequireAuthorization(Permissions.Projects.View).WithTags("招商项目").WithName("ListTranches")
            .WithSummary("到位资金台账（按数据权限范围）；status=Pending 为待认定队列（最早到位在前）；year 为到位年度，departmentId 为招引单位（含下级）；含各币种合计");

        api.MapGet("/contracts", (ContractKind? kind, int? page, int? pageSize, FundsRegisterAppService register, CancellationToken ct) =>
                register.ContractsAsync(new ContractListQuery(kind, page ?? 1, pageSize ?? 50), ct))
            .RequireAuthorization(Permissions.Projects.View).WithTags("招商项目").WithSummary("合同台账（不指定 kind 为全部类别），含合同金额合计");

        api.MapGet("/me/follow-ups", (ActivityAppService activities, CancellationToken ct) => activities.MyFollowUpsAsync(ct))
            .RequireAuthorization(Permissions.Projects.View).WithTags("走访洽谈").WithSummary("我的待办：走访约定的下一步（未办结在前，近 30 天已办结在后）");

        api.MapPost("/activities/{id:guid}/follow-up/completion", async (Guid id, FollowUpCompletionInput input, ActivityAppService activities, CancellationToken ct) =>
                await activities.CompleteFollowUpAsync(id, input, ct) ? Results.NoContent() : ActivityNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.View).WithTags("走访洽谈").WithSummary("办结待办（办结日期与办理结果）；记录人或参与人");

        api.MapDelete("/activities/{id:guid}/follow-up/completion", async (Guid id, ActivityAppService activities, CancellationToken ct) =>
                await activities.ReopenFollowUpAsync(id, ct) ? Results.NoContent() : ActivityNotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.View).WithTags("走访洽谈").WithSummary("重新打开已办结的待办");

        api.MapPost("/companies/{id:guid}/visits", async (Guid id, VisitInput input, ActivityAppService activities, CancellationToken ct) =>
                await activities.LogCompanyVisitAsync(id, input, ct) is { } created ? Results.Created($"/api/v1/companies/{id}", new CreatedId(created)) : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "企业不存在或您无权查看。"))
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Companies.Edit).WithTags("走访洽谈").WithSummary("登记对企业的走访（叩门拜访、扫楼等，尚无项目）");

        // 项目建设 (docs/domain.md): construction status with its history, dispatch phases, 前期审批 items.
        group.MapGet("/{id:guid}/construction", async (Guid id, DateOnly? asOf, ConstructionAppService construction, CancellationToken ct) =>
                await construction.GetAsync(id, asOf, ct) is { } dto ? Results.Ok(dto) : NotFound())
            .Produces<ConstructionDto>()
            .RequireAuthorization(Permissions.Projects.View).WithSummary("建设状态（按统计日 asOf）、开工日期、调度环节及其历史、前期审批手续");
        group.MapPost("/{id:guid}/construction/events", async (Guid id, ConstructionEventInput input, ConstructionAppService construction, CancellationToken ct) =>
                await construction.RecordAsync(id, input, ct) is { } created ? Results.Created($"/api/v1/projects/{id}/construction", new CreatedId(created)) : NotFound())
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("登记建设状态变更：开工（施工许可证号或开工报告）、停缓建（原因）、复工、竣工验收、开业/投产、入库入统");
        group.MapPost("/{id:guid}/construction/events/{eventId:guid}/withdrawal", async (Guid id, Guid eventId, DecisionWithdrawalInput input, ConstructionAppService construction, CancellationToken ct) =>
                await construction.WithdrawAsync(id, eventId, input.Reason, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("撤回最近一次建设状态变更（写明原因）");
        group.MapPost("/{id:guid}/dispatch-phase", async (Guid id, DispatchPhaseInput input, ClaimsPrincipal user, ConstructionAppService construction, CancellationToken ct) =>
                await construction.ChangePhaseAsync(id, input, CanOverride(user), ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("变更调度环节（按顺序；开工建设须已开工；跳过或回退需要权限与理由）");
        group.MapPost("/{id:guid}/investments", async (Guid id, InvestmentInput input, ConstructionAppService construction, CancellationToken ct) =>
                await construction.RecordInvestmentAsync(id, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("登记某月完成投资（万元，投资目标清单）；已登记的月份须写明更正原因");
        group.MapPost("/{id:guid}/approvals", async (Guid id, ApprovalInput input, ConstructionAppService construction, CancellationToken ct) =>
                await construction.AddApprovalAsync(id, input, ct) is { } created ? Results.Created($"/api/v1/projects/{id}/construction", new CreatedId(created)) : NotFound())
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Projects.Edit).WithSummary("登记前期审批手续（方案设计、规划许可、施工许可……）及批复日期");

        group.MapPost("/{id:guid}/stage", async (Guid id, StageMoveInput input, ClaimsPrincipal user, PipelineAppService pipeline, CancellationToken ct) =>
                await pipeline.MoveStageAsync(id, input, CanOverride(user), ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Projects.ChangeStage).WithSummary("变更阶段（按证据门槛；越级/回退需要权限与理由）");
    }

    public static bool CanOverride(ClaimsPrincipal user) => user.HasClaim(Permissions.ClaimType, Permissions.Projects.OverrideStage);

    public sealed record VerificationInput(bool Approve, string? Note);

    public sealed record MilestoneInput(DispatchPhase Phase, string Title, DateOnly PlannedDate);

    public sealed record MilestoneCompletionInput(DateOnly ActualDate);

    private static IResult RecordNotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "记录不存在或您无权查看。");

    private static IResult ActivityNotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "走访记录不存在或您无权查看。");

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "项目不存在或您无权查看。");
}
