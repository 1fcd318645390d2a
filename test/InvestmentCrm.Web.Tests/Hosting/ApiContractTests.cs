using System.Text.Json;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>Issue 20 (part): the conventions of the OpenAPI document, checked over the document itself.</summary>
public class ApiContractTests
{
    [Fact]
    public async Task Every_operation_has_a_unique_id_its_errors_and_its_security_and_the_meetings_api_its_response_schemas()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("sysadmin");
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("cookie", out _).ShouldBeTrue();

        var operations = (from path in document.GetProperty("paths").EnumerateObject()
                          from operation in path.Value.EnumerateObject()
                          select (Path: path.Name, Method: operation.Name, Operation: operation.Value)).ToList();
        operations.Count.ShouldBeGreaterThan(40);
        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        ids.ShouldAllBe(id => !string.IsNullOrEmpty(id));
        ids.Distinct().Count().ShouldBe(ids.Count, "operationIds are unique");

        foreach (var (path, method, operation) in operations.Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403", "429" })
                responses.TryGetProperty(status, out var error).ShouldBeTrue($"{method} {path} declares {status}");
            responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
            if (path.Contains('{'))
                responses.TryGetProperty("404", out _).ShouldBeTrue($"{method} {path} declares 404");
            operation.TryGetProperty("security", out _).ShouldBeTrue($"{method} {path} declares its security");
        }

        // The meetings API (built after the contract): every success answer has its schema, or says it has no body.
        foreach (var (path, method, operation) in operations.Where(o => o.Path.StartsWith("/api/v1/meetings", StringComparison.Ordinal)))
        {
            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            success.ShouldNotBeEmpty($"{method} {path}");
            foreach (var answer in success.Where(r => r.Name != "204"))
                answer.Value.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _).ShouldBeTrue($"{method} {path} {answer.Name}");
        }
    }
}
