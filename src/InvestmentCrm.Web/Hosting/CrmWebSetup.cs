using InvestmentCrm.Web.Meetings;
using InvestmentCrm.Web.ProjectIssues;
using InvestmentCrm.Web.Companies;
using InvestmentCrm.Web.Appraisal;
using InvestmentCrm.Web.Figures;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Web.Account;
using InvestmentCrm.Web.Admin;
using InvestmentCrm.Web.Projects;
using InvestmentCrm.Web.Shared;
using InvestmentCrm.Web.Targets;
using InvestmentCrm.Web.Workbench;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

using Microsoft.AspNetCore.ResponseCompression;

namespace InvestmentCrm.Web.Hosting;

/// <summary>Service registration and the request pipeline of the web host.</summary>
public static class CrmWebSetup
{
    public static WebApplicationBuilder AddCrm(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Run from a build (dotnet run, the tests) the build-time compressed assets live under obj/, found through the
        // build's static-web-assets manifest; ASP.NET Core reads it in Development only, and serves an empty answer for a
        // compressed asset otherwise. A published host has no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // The one business clock (docs/architecture.md): "today" is the district's date, not the server's or UTC's.
        services.AddSingleton<TimeProvider>(new InvestmentCrm.Common.BusinessClock(InvestmentCrm.Common.BusinessClock.FindZone(builder.Configuration["Clock:TimeZone"])));
        services.AddCrmPersistence(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddCrmApplication();
        services.AddCrmJobs(builder.Configuration);
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            // Pages and API answers: the static assets are minified files served as they are.
            options.MimeTypes = ["text/html", "application/json", "application/problem+json"];
        });
        services.AddHttpContextAccessor();
        services.AddScoped<InvestmentCrm.Common.ICurrentUser, HttpCurrentUser>();

        // Cookie keys in a folder all nodes share (docs/architecture.md): a cookie issued by one node is read by the other.
        var keysFolder = builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Database:DataFolder"] ?? "App_Data", "keys");
        services.AddDataProtection().SetApplicationName("InvestmentCrm").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));

        builder.AddCrmSecurity();

        // Chinese text goes out as UTF-8 characters, not &#x…; entities (smaller pages, readable source).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ChineseProblemDetails.Customize);
        services.ConfigureHttpJsonOptions(options => ApiJsonOnFirstUse.Register(options.SerializerOptions));
        services.AddExceptionHandler<DatabaseOutageHandler>();
        services.AddExceptionHandler<BusinessExceptionHandler>();
        // A request the framework cannot bind (JSON of the wrong type, a query value that is no number) is thrown, so that
        // BusinessExceptionHandler answers it in Chinese with the field's name (Shared/MalformedRequests.cs).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // A real query against the schema: "can connect" alone passes for an empty or corrupt SQLite file.
        services.AddHealthChecks().AddDbContextCheck<CrmDbContext>("database", customTestQuery: async (db, ct) =>
        {
            await db.SystemSettings.AnyAsync(ct);
            return true;
        });

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "InvestmentCrm API",
                Version = "v1",
                Description = "南关区招商引资管理平台 REST API（/api/v1）。错误以 ProblemDetails 返回，title/detail 为中文。",
            });
            ApiContract.Configure(options);
        });
        return builder;
    }

    public static WebApplication UseCrm(this WebApplication app)
    {
        // Behind nginx (etc/nginx): the client's address and scheme come from X-Forwarded-* of a trusted proxy only — the
        // loopback one, or those listed in ForwardedHeaders:KnownProxies. From anyone else the headers are ignored, so a
        // client cannot pick its own address to escape the sign-in limit (docs/security.md).
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in (app.Configuration["ForwardedHeaders:KnownProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        app.UseForwardedHeaders(forwarded);
        app.UseNodeActivity();
        app.UseCrmSecurityHeaders();
        app.UseHttpsOnlyInProduction();
        app.UseInputHygiene();
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        });

        // HTML and JSON compressed (docs/architecture.md, "Resources of a node"). Over HTTPS too: the one secret a page
        // carries, its antiforgery token, is encrypted afresh for every response, so BREACH has no stable secret to guess.
        app.UseResponseCompression();
        // Explicitly after the status-code pages, so that re-executing /error/404 is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseApiTokenCallLog();
        // After authentication: search and export are limited per signed-in user (Hosting/SecuritySetup.cs).
        app.UseRateLimiter();
        app.UseMustChangePassword();
        app.UseAuthorization();
        // Data scope by default (docs/security.md): the signed-in reader's scope is resolved once, before any endpoint or
        // page reads business data, and the DbContext's query filter applies it to every read.
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
                await context.RequestServices.GetRequiredService<InvestmentCrm.Authorization.DataScope>().GetRulesAsync(context.RequestAborted);
            await next();
        });
        app.UseAntiforgery();
        app.UseAntiforgeryRefusal();
        app.UseApiAntiforgery();
        app.UseExportAudit();

        app.UseSwaggerUI(options => options.DocumentTitle = "InvestmentCrm API");

        app.MapHealthChecks("/health").AllowAnonymous();
        // Static assets from the build's manifest: fingerprinted addresses (App.razor's @Assets[…]) cached a year as
        // immutable, compressed at build time. Short-circuited at routing, so an asset request skips sign-in, scope and
        // antiforgery (docs/architecture.md, "Resources of a node").
        // The manifest is named after this assembly, not the process (a host started inside another process, as the tests do).
        var assetManifest = $"{typeof(App).Assembly.GetName().Name}.staticwebassets.endpoints.json";
        app.MapStaticAssets(assetManifest).ShortCircuit();
        // The OpenAPI document describes every endpoint: signed-in users only.
        app.MapSwagger().RequireAuthorization();
        // Each module maps its own endpoints: pages' fragments and exports on the app, its API under /api/v1.
        var api = app.MapGroup("/api/v1");
        app.MapAccount(api);
        app.MapAdmin(api);
        app.MapWorkbench(api);
        app.MapCompanies(api);
        app.MapProjects(api);
        app.MapProjectIssues(api);
        app.MapMeetings(api);
        app.MapTargets(api);
        app.MapFigures(api);
        app.MapAppraisal(api);
        // Routing skips an endpoint whose body type does not match (text/plain for a JSON endpoint) and lands here: a body in
        // another content type is answered 415, the rest 404.
        api.MapFallback((HttpRequest request) => request.ContentLength > 0 && !(request.HasJsonContentType() || request.HasFormContentType)
            ? Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: MalformedRequests.ContentTypeRefusal)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "请求的接口不存在。"));

        app.MapRazorComponents<App>().WithStaticAssets(assetManifest);
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
