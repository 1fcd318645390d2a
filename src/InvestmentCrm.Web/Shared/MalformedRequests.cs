using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;

namespace InvestmentCrm.Web.Shared;

/// <summary>
/// Requests the server cannot read get a specific Chinese answer (docs/security.md, "Input"): a form without its
/// antiforgery token or with another session's, a body in the wrong content type (415), JSON whose field has the wrong
/// type (the field is named), a query value that is not a number or a date.
/// </summary>
public static class MalformedRequests
{
    public const string AntiforgeryRefusal = "表单已过期或来源不明（缺少或不匹配的防伪令牌），未保存。请刷新页面后重新提交。";
    public const string ContentTypeRefusal = "不支持的内容类型：接口请以 JSON 提交（Content-Type: application/json），页面表单请从页面提交。";

    /// <summary>The refusal of a request the framework could not bind, by what went wrong.</summary>
    public static string Describe(BadHttpRequestException exception) => exception switch
    {
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ContentTypeRefusal,
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => "上传内容过大。",
        { InnerException: AntiforgeryValidationException } => AntiforgeryRefusal,
        { InnerException: JsonException { Path: { Length: > 0 } path } } => $"请求数据格式有误：字段“{Field(path)}”的值类型不正确。",
        { InnerException: JsonException } => "请求数据不是有效的 JSON。",
        _ when exception.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) => $"参数“{Quoted(exception.Message, 0)}”的值“{Quoted(exception.Message, 1)}”无效。",
        _ when exception.Message.StartsWith("Required parameter", StringComparison.Ordinal) => $"缺少参数“{Quoted(exception.Message, 0)}”。",
        _ when exception.Message.Contains("request body", StringComparison.OrdinalIgnoreCase) => "请求体为空或无法读取。",
        _ => "请求格式有误。",
    };

    /// <summary>“$.nature” → “nature”, “$.contributors[0].weightPercent” → “contributors[0].weightPercent”.</summary>
    private static string Field(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The n-th double-quoted part of the framework's message: the parameter (“int? year” → year) or the value.</summary>
    private static string Quoted(string message, int index)
    {
        var parts = message.Split('"');
        var text = parts.Length > 2 * index + 1 ? parts[2 * index + 1] : "";
        return index == 0 ? text.Split(' ')[^1] : text;
    }

    /// <summary>A form post whose antiforgery token is missing or foreign is answered here, in Chinese, before any page or endpoint.</summary>
    public static void UseAntiforgeryRefusal(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, AntiforgeryRefusal);
                return;
            }
            await next();
        });

    /// <summary>ProblemDetails for the API, a short Chinese page for everything else.</summary>
    public static async Task RefuseAsync(HttpContext context, int status, string detail, string title = "请求未被接受")
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: status, detail: detail).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{System.Net.WebUtility.HtmlEncode(detail)}</p><p><a href=\"/\">返回首页</a></p></body></html>");
    }
}
