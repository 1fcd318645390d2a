using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Identity;

namespace InvestmentCrm.Web.Account;

public static class AccountEndpoints
{
    /// <summary>退出: a POST with an antiforgery token (the form in the top bar), never a GET link.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/account/login?loggedOut=true");
        });
}
