using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InvestmentCrm.Web.Companies;

/// <summary>
/// The search page's htmx fragments (results while typing, the company picker's options) and /api/v1/companies:
/// the same search, scope and errors as the pages.
/// </summary>
public static class CompanyEndpoints
{
    public static CompanySearchRequest Request(string? q, string? industry, string? nature, string? tag, string? origin, string? after, int? pageSize = null) =>
        new(q, industry.NullIfBlank(), Enum.TryParse<CompanyNature>(nature, out var n) && Enum.IsDefined(n) ? n : null, tag.NullIfBlank(), origin.NullIfBlank(), after.NullIfBlank(), pageSize ?? 20);

    /// <summary>The company module's endpoints: htmx fragments of the pages, and the API.</summary>
    public static void MapCompanies(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapCompanyFragments();
        api.MapCompaniesApi();
    }

    public static void MapCompanyFragments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/companies/results", async (string? q, string? industry, string? nature, string? tag, string? origin, string? after, bool? compact,
                HttpContext http, ICompanySearch search, CancellationToken ct) =>
            {
                var request = Request(q, industry, nature, tag, origin, after);
                // The address bar follows the query, so a reload or a shared link shows the same results.
                if (after is null)
                    http.Response.Headers["HX-Replace-Url"] = CompanySearchLinks.Page(request);
                try
                {
                    var result = await search.SearchAsync(request, ct);
                    return (IResult)new RazorComponentResult<CompanyResults>(new { Result = result, Request = request, Appending = after is not null, Compact = compact ?? false });
                }
                catch (DomainException ex)
                {
                    return new RazorComponentResult<SearchError>(new { Message = ex.Message }) { StatusCode = StatusCodes.Status400BadRequest };
                }
            })
            .RequireAuthorization(Permissions.Companies.View)
            .RequireRateLimiting(RateLimits.Search)
            .ExcludeFromDescription();

        app.MapGet("/companies/picker", async (string? q, string field, bool? optional, Guid? exclude, ICompanySearch search, CancellationToken ct) =>
            {
                var result = await search.SearchAsync(new CompanySearchRequest(q, PageSize: CompanyPicker.Size, WithFacets: false), ct);
                return new RazorComponentResult<CompanyPickerOptions>(new { Field = field, Hits = result.Hits, Optional = optional ?? false, Exclude = exclude });
            })
            .RequireAuthorization(Permissions.Companies.View)
            .RequireRateLimiting(RateLimits.Search)
            .ExcludeFromDescription();
    }

    public static void MapCompaniesApi(this RouteGroupBuilder api)
    {
        var companies = api.MapGroup("/companies").WithTags("企业库");

        companies.MapGet("/search", (string? q, string? industry, string? nature, string? tag, string? origin, string? after, int? pageSize, ICompanySearch search, CancellationToken ct) =>
                search.SearchAsync(Request(q, industry, nature, tag, origin, after, pageSize), ct))
            .RequireAuthorization(Permissions.Companies.View)
            .RequireRateLimiting(RateLimits.Search)
            .WithSummary("搜索企业：名称/简称/信用代码/经营范围，排序为信用代码 > 全称或简称 > 前缀 > 包含 > 其他文本；分面、游标分页、计数封顶 1 万（按数据权限范围）");

        companies.MapGet("/{id:guid}", async (Guid id, CompanyAppService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } profile ? Results.Ok(profile) : NotFound())
            .Produces<CompanyProfileDto>()
            .RequireAuthorization(Permissions.Companies.View)
            .WithSummary("企业档案（联系人电话已脱敏）");

        companies.MapGet("/similar", (string name, CompanyAppService service, CancellationToken ct) => service.FindSimilarAsync(name, null, ct))
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("登记前查重：名称相近的已有企业（去掉“有限公司”等后缀和括号地名后比较）");

        companies.MapPost("/", async (CompanyInput input, CompanyAppService service, CancellationToken ct) =>
            {
                var id = await service.CreateAsync(input, ct);
                return Results.Created($"/api/v1/companies/{id}", new CreatedId(id));
            })
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("登记企业（信用代码校验且唯一；无信用代码时名称相近需 confirmNotDuplicate）");

        companies.MapPut("/{id:guid}", async (Guid id, CompanyInput input, CompanyAppService service, CancellationToken ct) =>
                await service.UpdateAsync(id, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("修改企业（携带 concurrencyStamp，冲突时返回 409）");

        companies.MapDelete("/{id:guid}", async (Guid id, CompanyAppService service, CancellationToken ct) =>
                await service.DeleteAsync(id, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("删除企业（软删除；有关联项目时拒绝，请改用合并）");

        companies.MapPost("/{id:guid}/merge", async (Guid id, MergeInput input, CompanyAppService service, CancellationToken ct) =>
                await service.MergeAsync(id, input.DuplicateId, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("把重复记录合并到本企业（关联项目、走访、联系人和审计记录保留）");

        companies.MapPost("/{id:guid}/contacts", async (Guid id, ContactInput input, CompanyAppService service, CancellationToken ct) =>
                await service.AddContactAsync(id, input.Name, input.Title, input.Phone, input.Email, ct) is { } contactId
                    ? Results.Created($"/api/v1/companies/{id}", new CreatedId(contactId)) : NotFound())
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("添加联系人");

        companies.MapDelete("/{id:guid}/contacts/{contactId:guid}", async (Guid id, Guid contactId, CompanyAppService service, CancellationToken ct) =>
                await service.RemoveContactAsync(id, contactId, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("删除联系人");

        companies.MapPost("/{id:guid}/blacklist", async (Guid id, BlacklistInput input, CompanyAppService service, CancellationToken ct) =>
                await (input.Blacklisted ? service.BlacklistAsync(id, input.Reason ?? "", ct) : service.RemoveFromBlacklistAsync(id, ct)) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Companies.Edit)
            .WithSummary("中介机构列入/移出黑名单（列入须写明原因）");
    }

    public sealed record MergeInput(Guid DuplicateId);

    public sealed record ContactInput(string Name, string? Title, string? Phone, string? Email);

    public sealed record BlacklistInput(bool Blacklisted, string? Reason);

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "企业不存在或您无权查看。");
}
