using InvestmentCrm.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using Microsoft.AspNetCore.Mvc;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Projects;

/// <summary>Upload (a multipart form with its antiforgery token) and download of project attachments.</summary>
public static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/projects/{id:guid}/attachments", async (Guid id, IFormFile? file, [FromForm] AttachmentCategory category, [FromForm] Guid? issueId,
                AttachmentAppService attachments, CancellationToken ct) =>
            {
                string message;
                try
                {
                    if (file is null)
                        throw new DomainException("请选择要上传的文件。");
                    await using var content = file.OpenReadStream();
                    if (await attachments.UploadAsync(id, category, file.FileName, file.Length, content, issueId, ct) is null)
                        return Results.NotFound();
                    message = "uploaded=true";
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
                catch (DomainException ex)
                {
                    message = "attachmentError=" + Uri.EscapeDataString(ex.Message);
                }
                // A problem's material goes back to the problem's page.
                return Results.LocalRedirect(issueId is { } issue ? $"/issues/{issue}?{message}#materials" : $"/projects/{id}?{message}#attachments");
            })
            .RequireAuthorization(Permissions.Projects.Edit)
            // Somewhat above the configured limit, so that an oversized file still gets the Chinese explanation.
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024 * 1024));

        app.MapGet("/attachments/{id:guid}", async (Guid id, HttpContext context, AttachmentAppService attachments, CancellationToken ct) =>
            {
                if (await attachments.OpenAsync(id, ct) is not { } file)
                    return Results.NotFound();
                await ExportAudit.WriteAsync(context, InvestmentCrm.Auditing.SecurityEvent.AttachmentDownloaded, $"附件“{file.FileName}”（{id}）");
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            // A 保障专班 member reads the materials of the problems routed to their unit without seeing projects.
            .RequireAuthorization(policy => policy.RequireClaim(Permissions.ClaimType, Permissions.Projects.View, Permissions.Issues.View));
    }
}
