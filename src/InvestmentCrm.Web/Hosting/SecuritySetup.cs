using InvestmentCrm.Web.Shared;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using InvestmentCrm.Auditing;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace InvestmentCrm.Web.Hosting;

/// <summary>The 等保 level-2 profile (docs/security.md): identity, sessions, permissions, headers, rate limits.</summary>
public static class SecuritySetup
{
    public const string LoginLimit = "login";

    public static void AddCrmSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration.GetSection("Security");
        var production = builder.Environment.IsProduction();

        services.AddIdentityCore<AppUser>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = config.GetValue("MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("LockoutMinutes", 15));
                options.Lockout.AllowedForNewUsers = true;
                // Length, classes ("3 of 4") and the rest are PasswordPolicy's, checked by CrmPasswordValidator in one message list.
                options.Password.RequiredLength = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = false;
                options.ClaimsIdentity.RoleClaimType = ClaimTypes.Role;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddUserManager<CrmUserManager>()
            .AddSignInManager<CrmSignInManager>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>()
            .AddPasswordValidator<CrmPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        // Disabling a user or changing a password renews the security stamp; other sessions notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        // People sign in with the cookie; integrations call /api with a token (Account/ApiTokenAuthentication.cs).
        var authentication = services.AddAuthentication(ApiTokenAuthentication.CookieOrBearer);
        authentication.AddIdentityCookies();
        authentication.AddCookieOrBearer();
        var idle = TimeSpan.FromMinutes(config.GetValue("IdleTimeoutMinutes", 30));
        var absolute = TimeSpan.FromHours(config.GetValue("AbsoluteSessionHours", 12));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            // __Host- cookies must be Secure and host-only: production runs behind HTTPS (etc/nginx).
            options.Cookie.Name = production ? "__Host-crm.auth" : "crm.auth";
            options.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = idle;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = async context =>
            {
                var services = context.HttpContext.RequestServices;
                // A refreshed sign-in (password change) keeps its session and start; a new one starts both.
                if (context.Properties.Items.ContainsKey(CrmClaims.SessionId))
                    return;
                context.Properties.Items[CrmClaims.SignedInAt] = services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                if (Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                    context.Properties.Items[CrmClaims.SessionId] = (await services.GetRequiredService<SessionRegistry>()
                        .StartAsync(userId, context.HttpContext.Connection.RemoteIpAddress?.ToString())).ToString();
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!context.Properties.Items.TryGetValue(CrmClaims.SignedInAt, out var signedIn)
                    || !DateTimeOffset.TryParse(signedIn, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                    || now - at > absolute
                    || !await CookieSessions.IsLiveAsync(context))
                {
                    context.RejectPrincipal();
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(options =>
        {
            options.HeaderName = ApiTokenAuthentication.AntiforgeryHeader;
            options.Cookie.Name = production ? "__Host-crm.af" : "crm.af";
            options.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization(options =>
        {
            foreach (var permission in Permissions.All)
                options.AddPolicy(permission.Name, policy => policy.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, permission.Name));
            // Default is deny: every endpoint needs a signed-in user unless it says [AllowAnonymous].
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DenialLoggingResultHandler>();
        services.AddCascadingAuthenticationState();

        var limits = builder.Configuration.GetSection("RateLimiting");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address for sign-in; per user (the signed-in account, not the address: colleagues behind one
            // government NAT do not share a budget) for search and export — the limiter runs after authentication.
            options.AddPolicy(LoginLimit, context => Window(context.Connection.RemoteIpAddress?.ToString(), limits.GetValue("LoginPerMinute", 10)));
            options.AddPolicy(InvestmentCrm.Web.Shared.RateLimits.Search, context => Window(PerUser(context), limits.GetValue("SearchPerMinute", 120)));
            options.AddPolicy(InvestmentCrm.Web.Shared.RateLimits.Export, context => Window(PerUser(context), limits.GetValue("ExportPerMinute", 10)));
            // The login page is a Razor component endpoint; its POST is limited here. An API token has its own budget
            // for all its calls (ApiToken.PermitsPerMinute).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.PermitsPerMinute() is { } permits
                    ? Window("token:" + context.User.FindFirstValue(CrmClaims.ApiTokenId), permits)
                    : HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login")
                    ? Window("login:" + context.Connection.RemoteIpAddress, limits.GetValue("LoginPerMinute", 10))
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static string PerUser(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? "user:" + user : "address:" + context.Connection.RemoteIpAddress;

    private static RateLimitPartition<string> Window(string? key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key ?? "anonymous", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>Why a production page refuses plain HTTP, and what the operator must do (README, "Deployment").</summary>
    public const string HttpsRequired =
        "生产环境的登录与表单 Cookie 只能经 HTTPS 传送，本站不接受以 HTTP 直接访问。请通过 HTTPS 访问；部署在反向代理（etc/nginx）之后时，代理须以 X-Forwarded-Proto: https 转发请求。";

    /// <summary>
    /// Production cookies are Secure (<c>__Host-</c>), so over plain HTTP the sign-in could only fail (it answered 500).
    /// A request that did not arrive over HTTPS — directly, or as X-Forwarded-Proto from the loopback proxy — gets the
    /// reason in Chinese instead (400; ProblemDetails for the API); <c>/health</c> stays open for load balancers. At start
    /// the host says the same in one line when it listens on HTTP only.
    /// </summary>
    public static void UseHttpsOnlyInProduction(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
            return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Count > 0 && addresses.All(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                app.Logger.LogWarning("本机仅以 HTTP 监听（{Addresses}）。{Reason}", string.Join("、", addresses), HttpsRequired);
        });
        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
            {
                await next();
                return;
            }
            await MalformedRequests.RefuseAsync(context, StatusCodes.Status400BadRequest, HttpsRequired, "请使用 HTTPS 访问");
        });
    }

    public static void UseCrmSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            // Swagger UI needs inline styles and scripts of its own; everything else is served from 'self' only.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger")
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            await next();
        });
    }

    /// <summary>
    /// Until a user with an initial or expired password has set a new one, every page leads to the change
    /// form (and the API answers 403).
    /// </summary>
    public static void UseMustChangePassword(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(c => c.Type == CrmClaims.MustChangePassword)
                && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/health")
                && !path.StartsWithSegments("/error") && !path.StartsWithSegments("/not-found") && !path.StartsWithSegments("/favicon.svg"))
            {
                if (path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = 403, Detail = "请先修改密码（初始密码或密码已过期）。" },
                    });
                    return;
                }
                context.Response.Redirect("/account/change-password");
                return;
            }
            await next();
        });

    private static Task ApiAwareRedirect(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Every authorisation denial of a signed-in user goes to the security log, then the default handling.</summary>
    private sealed class DenialLoggingResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
            {
                var writer = context.RequestServices.GetRequiredService<SecurityLogWriter>();
                var user = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
                var required = string.Join("、", policy.Requirements.OfType<ClaimsAuthorizationRequirement>().SelectMany(r => r.AllowedValues ?? []).Select(Permissions.DisplayName));
                await writer.WriteAsync(SecurityEvent.AccessDenied, user, context.User.Identity.Name,
                    $"{context.Request.Method} {context.Request.Path}（需要权限：{(required.Length > 0 ? required : "—")}）", context.RequestAborted);
            }
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
