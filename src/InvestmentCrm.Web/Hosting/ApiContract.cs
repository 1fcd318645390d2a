using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace InvestmentCrm.Web.Hosting;

/// <summary>
/// The conventions every operation of the OpenAPI document follows (issue 20, docs/api.md): a stable operationId (the
/// endpoint's name, else its method and route), the ProblemDetails errors the pipeline can answer with, and the cookie
/// security scheme of signed-in people on every operation that is not anonymous.
/// </summary>
public static class ApiContract
{
    public const string CookieScheme = "cookie";

    public static void Configure(SwaggerGenOptions options)
    {
        options.CustomOperationIds(OperationId);
        options.AddSecurityDefinition(CookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "__Host-crm.auth",
            Description = "登录（/account/login）后的会话 Cookie，SameSite=Lax；开发与测试环境中名为 crm.auth（Hosting/SecuritySetup.cs）。",
        });
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
                ("429", "请求过于频繁"),
            };
            if (!anonymous)
                errors.AddRange([("401", "未登录或会话已过期"), ("403", "没有该操作的权限")]);
            if (context.ApiDescription.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
                errors.Add(("404", "记录不存在或不在您的数据范围内"));
            if (context.ApiDescription.HttpMethod is "POST" or "PUT" or "DELETE")
                errors.Add(("409", "与他人刚做的修改冲突，请刷新后重试"));
            operation.Responses ??= [];
            foreach (var (status, description) in errors)
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                });
            if (!anonymous)
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }];
        }
    }
}
