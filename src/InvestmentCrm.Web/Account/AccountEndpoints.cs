using System.Security.Claims;
using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Account;

public static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder app, RouteGroupBuilder api) => app.MapAccountEndpoints();

    /// <summary>退出: a POST with an antiforgery token (the form in the top bar), never a GET link.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<AppUser> signInManager, SecurityLogWriter log, IAntiforgery antiforgery, SessionRegistry sessions) =>
        {
            // The endpoint reads no form field, so the antiforgery token is checked here explicitly.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await MalformedRequests.RefuseAsync(context, StatusCodes.Status400BadRequest, MalformedRequests.AntiforgeryRefusal);
                return Results.Empty;
            }
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var id = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : (Guid?)null;
                await log.WriteAsync(SecurityEvent.Logout, id, context.User.Identity.Name);
                // Ended on the server: a copy of this cookie is refused from now on.
                if (await CookieSessions.CurrentAsync(context) is { } session)
                    await sessions.EndAsync(session, SessionEndReason.Logout);
            }
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/account/login?loggedOut=true");
        }).AllowAnonymous().DisableAntiforgery();
}
