using InvestmentCrm.Common;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Hosting;

/// <summary>
/// Control characters (NUL and the like) in the address or a posted form are refused before any page or endpoint sees
/// them (docs/security.md, "Input"): a NUL in a search was a 500 on PostgreSQL. JSON bodies are checked field by field when
/// saved (<see cref="TextRules"/>), and search terms are bound to <see cref="TextRules.Query"/> characters where they are read.
/// </summary>
public static class InputHygiene
{
    public const string Refusal = "请求中含有不可见的控制字符（如 NUL），请删除后重试。";

    public static void UseInputHygiene(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var dirty = request.Query.Any(q => Dirty(q.Key) || q.Value.Any(v => v is not null && Dirty(v)))
                || (request.HasFormContentType && IsSmallForm(request)
                    && (await request.ReadFormAsync(context.RequestAborted)).Any(f => Dirty(f.Key) || f.Value.Any(v => v is not null && Dirty(v))));
            if (!dirty)
            {
                await next();
                return;
            }
            await MalformedRequests.RefuseAsync(context, StatusCodes.Status400BadRequest, Refusal);
        });

    private static bool Dirty(string value) => value.Any(TextRules.IsControl);

    // Uploads are read by their own endpoints (file names are checked when saved); only url-encoded forms are read here.
    private static bool IsSmallForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
}
