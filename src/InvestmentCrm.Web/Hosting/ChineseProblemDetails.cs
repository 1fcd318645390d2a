using InvestmentCrm.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace InvestmentCrm.Web.Hosting;

/// <summary>The one error shape of the API: ProblemDetails with a Chinese title (DESIGN §4.5).</summary>
public static class ChineseProblemDetails
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Title = Title(problem.Status ?? context.HttpContext.Response.StatusCode);
        problem.Detail ??= problem.Title;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录或登录已过期",
        403 => "没有权限",
        404 => "未找到",
        405 => "不支持的请求方法",
        409 => "数据已被他人修改",
        415 => "不支持的内容类型",
        422 => "数据校验未通过",
        429 => "请求过于频繁",
        >= 500 => "服务器内部错误",
        _ => "请求失败",
    };
}

/// <summary>A broken business rule is the caller's error (400) and its Chinese message is the detail.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
            return false;
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Detail = domain.Message },
        });
    }
}
