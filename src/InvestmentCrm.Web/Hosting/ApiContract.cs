using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace InvestmentCrm.Web.Hosting;

/// <summary>
/// The conventions every operation of the OpenAPI document follows (issue 20, docs/api.md): the document describes
/// <c>/api/v1</c> (the pages' own downloads and forms are not part of the contract); a stable operationId (the endpoint's
/// name, else its method and route), the ProblemDetails errors the pipeline can answer with, the security schemes (the
/// cookie of signed-in people, the bearer token of integrations) on every operation that is not anonymous, tags with
/// descriptions, and numbers and dates that say their unit and format.
/// </summary>
public static class ApiContract
{
    public const string CookieScheme = "cookie";
    public const string BearerScheme = "bearer";

    /// <summary>The tags of the document, each with what it covers; an endpoint's WithTags names one of them.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Tags =
    [
        ("招商项目", "项目（储备→在谈→签约→落位→到位）、合同、落位凭证、到位资金与认定、里程碑、建设状态与投资"),
        ("走访洽谈", "走访、洽谈记录与约定的下一步（我的待办）"),
        ("企业库", "企业档案、查重、搜索、合并、联系人与中介机构黑名单"),
        ("项目建设", "年度重点项目盘子：建设状态、开复工率、计划与完成投资"),
        ("项目问题", "项目问题的提出、交办、办理、企业确认与销号；绿色通道；我的包保项目"),
        ("调度会", "重点项目运行调度会、专题调度会与周调度会：议程、三项清单、决定事项与快报"),
        ("领导驾驶舱", "指标完成、序时进度、漏斗、龙虎榜；任一范围的指标与其明细记录"),
        ("年度考核", "考核口径（评分项）、考核运行与冻结结果、个人贡献"),
        ("工作台", "当前用户工作台的汇总数字"),
        ("账号", "以登录会话调用接口时所需的防伪令牌"),
        ("接口令牌", "系统管理员签发、吊销接口令牌（仅限本人登录操作，令牌不能管理令牌）"),
    ];

    public static void Configure(SwaggerGenOptions options)
    {
        options.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        options.CustomOperationIds(OperationId);
        // The DTOs' nullability is the contract: a string that is never null is a required, non-nullable property, so a
        // generated client needs no null checks where the API always answers (test/api-contract/client.ts).
        options.SupportNonNullableReferenceTypes();
        options.NonNullableReferenceTypesAsRequired();
        options.AddSecurityDefinition(CookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "__Host-crm.auth",
            Description = $"登录（/account/login）后的会话 Cookie，SameSite=Lax；开发与测试环境中名为 crm.auth（Hosting/SecuritySetup.cs）。以 Cookie 调用修改类接口时，须在请求头 {Account.ApiTokenAuthentication.AntiforgeryHeader} 中附上防伪令牌（GetAntiforgeryToken）。",
        });
        options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "crm_…（接口令牌）",
            Description = "系统管理员签发给某一集成方的接口令牌：Authorization: Bearer crm_…。令牌绑定一个业务角色与所属部门，权限与数据范围同该角色的用户；有有效期、可吊销、单独限流，每次调用记入安全日志（docs/api.md）。只用于 /api，页面与表单不接受令牌。",
        });
        options.AddServer(new OpenApiServer { Url = "/", Description = "本系统（部署地址见 etc/nginx）" });
        options.DocumentFilter<TagDescriptions>();
        options.SchemaFilter<UnitsAndFormats>();
        options.OperationFilter<ProblemResponses>();
        options.SchemaFilter<EnumNames>();
    }

    /// <summary>
    /// Enums travel as numbers; the schema names each value and gives its Chinese label (x-enum-varnames,
    /// x-enum-descriptions, and a table in the description), so a generated client has names and a reader the meaning.
    /// </summary>
    private sealed class EnumNames : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (!context.Type.IsEnum || schema is not OpenApiSchema target)
                return;
            var values = Enum.GetValues(context.Type).Cast<Enum>().ToList();
            target.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            target.Extensions["x-enum-varnames"] = new JsonNodeExtension(new JsonArray([.. values.Select(v => JsonValue.Create(v.ToString()))]));
            target.Extensions["x-enum-descriptions"] = new JsonNodeExtension(new JsonArray([.. values.Select(v => JsonValue.Create(EnumLabels.Label(v)))]));
            target.Description = string.Join("；", values.Select(v => $"{Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)} = {v}（{EnumLabels.Label(v)}）"));
        }
    }

    /// <summary>Every tag with its description, in the order of <see cref="Tags"/>.</summary>
    private sealed class TagDescriptions : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
    }

    /// <summary>
    /// What a number or a date means on the wire, from the name the project gives it (docs/figures.md): …Yuan/…Cny 元,
    /// …Wan 万元, …Yi 亿元, …Usd 美元, …Percent 百分数, …Days 天, …Points 分; dates are Beijing calendar dates, instants UTC.
    /// </summary>
    private sealed class UnitsAndFormats : ISchemaFilter
    {
        private static readonly (string Suffix, string Unit)[] Units =
        [
            ("Yuan", "单位：元（人民币）"), ("Cny", "单位：元（人民币）"), ("Wan", "单位：万元"),
            ("Yi", "单位：亿元"), ("Usd", "单位：美元"), ("Percent", "百分数（如 85.5 表示 85.5%）"), ("Days", "单位：天"), ("Points", "单位：分"),
        ];

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties })
                return;
            foreach (var (name, property) in properties)
            {
                if (property is not OpenApiSchema target || !string.IsNullOrEmpty(target.Description))
                    continue;
                if (target.Format == "date")
                    target.Description = "日期，yyyy-MM-dd（北京时间的日历日）";
                else if (target.Format == "date-time")
                    target.Description = "时刻，ISO 8601，UTC（如 2026-11-22T01:30:00Z）";
                else if (target.Type is { } type && type.HasFlag(JsonSchemaType.Number))
                    target.Description = name == "foreignCreditWan" ? "单位：万美元"
                        : name == "amount" ? "金额，币种见同一对象的 currency（人民币为元）"
                        : Units.FirstOrDefault(u => name.EndsWith(u.Suffix, StringComparison.Ordinal)).Unit;
            }
        }
    }

    /// <summary>The endpoint's name (WithName), else e.g. <c>GetApiV1ProjectsId</c> from <c>GET /api/v1/projects/{id}</c>.</summary>
    public static string OperationId(ApiDescription api)
    {
        if (api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName is { Length: > 0 } name)
            return name;
        var id = new StringBuilder(char.ToUpperInvariant(api.HttpMethod![0]) + api.HttpMethod[1..].ToLowerInvariant());
        foreach (var part in (api.RelativePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = new string([.. part.Where(char.IsLetterOrDigit)]);
            if (word.Length > 0)
                id.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
        }
        return id.ToString();
    }

    /// <summary>The errors every operation may answer with, as ProblemDetails with a Chinese detail, and its security.</summary>
    private sealed class ProblemResponses : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var errors = new List<(string Status, string Description)>
            {
                ("400", "请求有误（校验未通过、取值无效），detail 说明原因"),
                ("415", "请求体不是 JSON"),
                ("429", "请求过于频繁（每人或每个令牌每分钟的上限）"),
                ("503", "数据库暂不可用，请稍后重试（Retry-After）"),
            };
            if (!anonymous)
                errors.AddRange([("401", "未登录、会话已过期，或接口令牌无效、已过期、已吊销"), ("403", "没有该操作的权限")]);
            if (context.ApiDescription.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
                errors.Add(("404", "记录不存在或不在您的数据范围内"));
            if (context.ApiDescription.HttpMethod is "POST" or "PUT" or "DELETE")
                errors.Add(("409", "与他人刚做的修改冲突，请刷新后重试"));
            // An edit of a record guarded by its stamp (projects, companies) must send the stamp it read.
            if (context.ApiDescription.HttpMethod == "PUT" && context.ApiDescription.ParameterDescriptions.Any(p => p.Source == BindingSource.Body && p.Type?.GetProperty("ConcurrencyStamp") is not null))
                errors.Add(("428", "缺少 concurrencyStamp：请带上读取记录时的版本戳"));
            operation.Responses ??= [];
            foreach (var (status, description) in errors)
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                });
            if (anonymous)
                return;
            // Either scheme (alternatives), unless the endpoint admits the cookie only (AccountEndpoints.CookieOnly).
            var cookieOnly = metadata.OfType<IAuthorizeData>().Any(a => a.AuthenticationSchemes == IdentityConstants.ApplicationScheme);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }];
            if (!cookieOnly)
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
        }
    }
}
