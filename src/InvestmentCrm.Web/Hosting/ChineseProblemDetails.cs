using InvestmentCrm.Common;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace InvestmentCrm.Web.Hosting;

/// <summary>The one error shape of the API: ProblemDetails with a Chinese title (docs/architecture.md).</summary>
public static class ChineseProblemDetails
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Title = Title(problem.Status ?? context.HttpContext.Response.StatusCode);
        problem.Detail ??= (problem.Status ?? context.HttpContext.Response.StatusCode) == StatusCodes.Status415UnsupportedMediaType
            ? MalformedRequests.ContentTypeRefusal
            : problem.Title;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录或登录已过期",
        403 => "没有权限",
        404 => "未找到",
        405 => "不支持的请求方法",
        409 => "与现有数据冲突",
        413 => "上传内容过大",
        415 => "不支持的内容类型",
        422 => "数据校验未通过",
        428 => "缺少前置条件",
        429 => "请求过于频繁",
        503 => "服务暂不可用",
        >= 500 => "服务器内部错误",
        _ => "请求失败",
    };
}

/// <summary>
/// A refused request (Shared/BusinessErrors.cs): not found 404, a broken business rule 400, no right 403, a stale edit
/// 409 — nothing was overwritten and the caller can reload and retry. Its Chinese message is the detail.
/// </summary>
public sealed class BusinessExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (InvestmentCrm.Web.Shared.BusinessErrors.Describe(exception) is not { } refusal)
            return false;
        var (status, detail) = refusal;
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        // What the caller needs to act on a refused company: the existing record, or the similar names to look at.
        if (exception is InvestmentCrm.Companies.DuplicateCompanyException { ExistingId: not null } duplicate)
        {
            problem.Extensions["existingCompanyId"] = duplicate.ExistingId;
            problem.Extensions["existingCompanyUrl"] = $"/api/v1/companies/{duplicate.ExistingId}";
        }
        if (exception is InvestmentCrm.Companies.PossibleDuplicatesException possible)
            problem.Extensions["similar"] = possible.Similar;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }
}

/// <summary>
/// The database cannot be reached (docs/security.md, "Faults"): 503 with a Chinese message and Retry-After, for the API and
/// the pages alike — not a generic 500. Nothing needs restarting: the next request after the database is back succeeds.
/// </summary>
public sealed class DatabaseOutageHandler : IExceptionHandler
{
    public const string Message = "数据库暂时无法连接，请稍后重试。恢复后刷新即可，无需重新登录。";
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!InvestmentCrm.EntityFrameworkCore.Common.DatabaseFaults.IsUnavailable(exception) || httpContext.Response.HasStarted)
            return false;
        httpContext.Response.Clear();
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await MalformedRequests.RefuseAsync(httpContext, StatusCodes.Status503ServiceUnavailable, Message, "服务暂不可用");
        return true;
    }
}
