using System.Security.Claims;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace InvestmentCrm.Web.Account;

/// <summary>The sign-in cookie's server-side session (<see cref="SessionRegistry"/>), kept in the cookie's properties.</summary>
public static class CookieSessions
{
    /// <summary>The cookie's session has not ended on the server (signed out, password or account changed).</summary>
    public static async Task<bool> IsLiveAsync(CookieValidatePrincipalContext context) =>
        context.Properties.Items.TryGetValue(CrmClaims.SessionId, out var value) && Guid.TryParse(value, out var session)
        && Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var user)
        && await context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>().IsLiveAsync(session, user, context.HttpContext.RequestAborted);

    /// <summary>The session of the signed-in request.</summary>
    public static async Task<Guid?> CurrentAsync(HttpContext context) =>
        (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.Items.TryGetValue(CrmClaims.SessionId, out var value) == true
        && Guid.TryParse(value, out var session) ? session : null;
}
