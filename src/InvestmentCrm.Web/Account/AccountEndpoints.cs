using System.Security.Claims;
using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Account;

/// <summary>The antiforgery token and the request header it goes in.</summary>
public sealed record AntiforgeryTokenDto(string HeaderName, string Token);

public static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapAccountEndpoints();
        // A signed-in person's script calling the API with the cookie fetches the token it sends as X-CSRF-TOKEN on writes.
        api.MapGet("/account/antiforgery-token", (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryTokenDto(tokens.HeaderName!, tokens.RequestToken!));
            })
            .RequireAuthorization(CookieOnly())
            .WithName("GetAntiforgeryToken").WithTags("账号").WithSummary("防伪令牌：以登录会话（Cookie）调用修改类接口时放在请求头中（接口令牌调用无需）")
            .Produces<AntiforgeryTokenDto>();
    }

    /// <summary>For what only a signed-in person may do: a bearer token is not accepted (it answers 401).</summary>
    public static AuthorizeAttribute CookieOnly(string? permission = null) =>
        permission is null
            ? new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme }
            : new AuthorizeAttribute(permission) { AuthenticationSchemes = IdentityConstants.ApplicationScheme };

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
