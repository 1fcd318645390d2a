using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>The API's JSON metadata of an application type is built on first use, and the JSON is what it was (docs/architecture.md, "Memory").</summary>
public class ApiJsonOnFirstUseTests
{
    private static readonly PagedResult<DepartmentRankDto> Page = new(
        [new DepartmentRankDto(Guid.Parse("5f0c3b9e-7d1a-4c55-9a2e-0b6f1d2c3e4f"), "投资促进局", 12.5m, 20m, 62.5m, -3.2m, ScheduleLight.Yellow, 3, 4, 75m)],
        Total: 41, Page: 2, PageSize: 20);

    /// <summary>The web defaults minimal APIs start from, every type's metadata built the usual way.</summary>
    private static readonly JsonSerializerOptions Eager = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_hosts_api_options_build_no_metadata_for_an_application_type_until_a_value_is_written_and_write_the_same_json()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        // What minimal APIs ask for when the endpoints are built: no properties, no converters of the members yet.
        var asked = options.GetTypeInfo(typeof(PagedResult<DepartmentRankDto>));
        asked.Kind.ShouldBe(JsonTypeInfoKind.None);
        asked.Properties.ShouldBeEmpty();
        options.GetTypeInfo(typeof(ProjectStage)).Kind.ShouldBe(JsonTypeInfoKind.None, "enums keep their own converter");
        options.GetTypeInfo(typeof(List<DepartmentRankDto>)).Kind.ShouldBe(JsonTypeInfoKind.Enumerable, "the framework's collections keep theirs");

        // The same options with every type's metadata built the usual way write the same text.
#pragma warning disable CA1869 // one copy for one comparison
        var eager = new JsonSerializerOptions(options);
#pragma warning restore CA1869
        eager.Converters.Remove(eager.Converters.OfType<ApiJsonOnFirstUse>().Single());
        var json = JsonSerializer.Serialize(Page, options);
        json.ShouldBe(JsonSerializer.Serialize(Page, eager));
        json.ShouldContain("\"name\":\"投资促进局\"");
        json.ShouldContain("\"departmentId\":\"5f0c3b9e-7d1a-4c55-9a2e-0b6f1d2c3e4f\"");
        json.ShouldContain("\"pages\":3");
        var read = JsonSerializer.Deserialize<PagedResult<DepartmentRankDto>>(json, options)!;
        (read.Total, read.Page, read.Items.Single().Name, read.Items.Single().Light).ShouldBe((41, 2, "投资促进局", ScheduleLight.Yellow));
    }

    [Fact]
    public void A_wrong_value_in_a_request_body_still_names_its_field()
    {
        var options = new JsonSerializerOptions(Eager);
        ApiJsonOnFirstUse.Register(options);

        var error = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<PagedResult<DepartmentRankDto>>("""{"items":[],"total":"许多"}""", options));
        error.Path.ShouldBe("$.total");
    }
}
