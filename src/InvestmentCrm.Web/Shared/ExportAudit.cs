using System.Security.Claims;
using InvestmentCrm.Auditing;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestmentCrm.Web.Shared;

/// <summary>
/// Every export that was served goes to the security log (docs/security.md, "Audit"): who took which data out, with the
/// filters they used. Exports are the endpoints under the export limit (<see cref="RateLimits.Export"/>), the audit
/// administrator's own export of the logs included.
/// </summary>
public static class ExportAudit
{
    public static void UseExportAudit(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            await next();
            if (context.Response.StatusCode == StatusCodes.Status200OK
                && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimits.Export)
                await WriteAsync(context, SecurityEvent.DataExported, $"{context.Request.Path}{context.Request.QueryString}");
        });

    /// <summary>A security-log row for what the signed-in user of this request did.</summary>
    public static Task WriteAsync(HttpContext context, SecurityEvent kind, string detail) =>
        context.RequestServices.GetRequiredService<SecurityLogWriter>().WriteAsync(kind,
            Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null, context.User.Identity?.Name, detail);
}
