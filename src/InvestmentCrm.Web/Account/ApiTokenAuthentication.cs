using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InvestmentCrm.Web.Account;

/// <summary>
/// Who calls (docs/api.md, docs/security.md "Integration tokens"): people with the session cookie, integrations with an API
/// token as <c>Authorization: Bearer crm_…</c>. The token is read on <c>/api</c> only — a page or a form never accepts it —
/// and a cookie call that writes through the API carries the antiforgery token in a header.
/// </summary>
public static class ApiTokenAuthentication
{
    /// <summary>The default scheme: picks the cookie or the bearer token per request.</summary>
    public const string CookieOrBearer = "CookieOrBearer";
    public const string Bearer = "Bearer";
    /// <summary>The header a cookie caller sends the antiforgery token in on API writes (GET /api/v1/account/antiforgery-token).</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static AuthenticationBuilder AddCookieOrBearer(this AuthenticationBuilder builder) =>
        builder
            .AddPolicyScheme(CookieOrBearer, "会话 Cookie 或接口令牌", options =>
                options.ForwardDefaultSelector = context => IsBearerCall(context.Request) ? Bearer : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, Handler>(Bearer, "接口令牌", null);

    /// <summary>An API request presenting a bearer token; everywhere else the header is ignored and the cookie decides.</summary>
    public static bool IsBearerCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && request.Headers.Authorization.ToString().StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase);

    public static bool IsTokenCaller(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == CrmClaims.ApiTokenId);

    /// <summary>A token's calls are limited by its own budget (<see cref="ApiToken.PermitsPerMinute"/>).</summary>
    public static int? PermitsPerMinute(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(CrmClaims.ApiTokenPermits), CultureInfo.InvariantCulture, out var permits) ? permits : null;

    /// <summary>Every call made with a token goes to the security log under the integration's name, with its answer's status.</summary>
    public static void UseApiTokenCallLog(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (!context.User.IsTokenCaller())
            {
                await next();
                return;
            }
            try
            {
                await next();
            }
            finally
            {
                // Its own scope: whatever the call left unsaved (a refused change) must not be saved along with the log row.
                await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var user = context.User;
                await scope.ServiceProvider.GetRequiredService<SecurityLogWriter>().WriteAsync(SecurityEvent.ApiCall,
                    Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
                    $"{user.FindFirstValue(CrmClaims.DisplayName)}（令牌 {user.FindFirstValue(CrmClaims.ApiTokenPrefix)}…）",
                    $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} → {context.Response.StatusCode}", CancellationToken.None);
            }
        });

    /// <summary>
    /// A cookie is sent by the browser on its own; so an API call that changes something with a cookie must also carry the
    /// antiforgery token (header <see cref="AntiforgeryHeader"/>), which another site cannot read. Token calls need none.
    /// </summary>
    public static void UseApiAntiforgery(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                && !HttpMethods.IsOptions(request.Method) && context.User.Identity?.IsAuthenticated == true && !context.User.IsTokenCaller()
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await MalformedRequests.RefuseAsync(context, StatusCodes.Status400BadRequest, ApiAntiforgeryRefusal);
                return;
            }
            await next();
        });

    public const string ApiAntiforgeryRefusal =
        $"以登录会话（Cookie）调用接口修改数据时，须在请求头 {AntiforgeryHeader} 中附上防伪令牌（GET /api/v1/account/antiforgery-token），未保存。系统对接请使用接口令牌。";

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private const string Refusal = "接口令牌无效、已过期或已吊销。";

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase))
                return AuthenticateResult.NoResult();
            var services = Context.RequestServices;
            var caller = await services.GetRequiredService<IntegrationAppService>()
                .AuthenticateAsync(header[(Bearer.Length + 1)..].Trim(), Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
            if (caller is null || await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(caller.AccountId.ToString()) is not { } account)
                return AuthenticateResult.Fail(Refusal);

            // The same claims as a person's cookie (role permissions, department), plus the token's own.
            var person = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
            var identity = new ClaimsIdentity(person.Claims, Bearer, ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new Claim(CrmClaims.ApiTokenId, caller.TokenId.ToString()));
            identity.AddClaim(new Claim(CrmClaims.ApiTokenPrefix, caller.Prefix));
            identity.AddClaim(new Claim(CrmClaims.ApiTokenPermits, caller.PermitsPerMinute.ToString(CultureInfo.InvariantCulture)));
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Bearer));
        }

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.Headers.WWWAuthenticate = Bearer;
            var presented = Request.Headers.Authorization.ToString().StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase);
            await MalformedRequests.RefuseAsync(Context, StatusCodes.Status401Unauthorized, presented ? Refusal : "请提供接口令牌（Authorization: Bearer …）。");
        }
    }
}
