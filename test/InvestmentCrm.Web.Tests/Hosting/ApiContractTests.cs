using System.Text.Json;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>Issue 20 (part): the conventions of the OpenAPI document, checked over the document itself.</summary>
public class ApiContractTests
{
    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_a_described_tag_its_response_schema_its_errors_and_its_security()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("sysadmin");
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("cookie", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        // Every tag is declared with a description.
        var declaredTags = document.GetProperty("tags").EnumerateArray()
            .Where(t => t.TryGetProperty("description", out var d) && d.GetString()!.Length > 0).Select(t => t.GetProperty("name").GetString()!).ToList();

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
            var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            schemes.ShouldContain("cookie", $"{method} {path}");
            // Tokens reach every operation but the management of tokens, which a person does in person, and the antiforgery
            // token only a cookie caller needs.
            if (path.StartsWith("/api/v1/admin/api-tokens", StringComparison.Ordinal) || path == "/api/v1/account/antiforgery-token")
                schemes.ShouldNotContain("bearer");
            else
                schemes.ShouldContain("bearer", $"{method} {path} accepts a token");
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace($"{method} {path} has a summary");
            operation.GetProperty("tags").EnumerateArray().Single().GetString().ShouldBeOneOf([.. declaredTags], $"{method} {path}");
        }

        // Enums: numbers on the wire, with their names and Chinese labels in the schema.
        var kind = document.GetProperty("components").GetProperty("schemas").GetProperty("MeetingKind");
        kind.GetProperty("x-enum-varnames").EnumerateArray().Select(v => v.GetString()).ShouldBe(["Monthly", "Special", "Weekly"]);
        kind.GetProperty("x-enum-descriptions").EnumerateArray().Select(v => v.GetString()).ShouldBe(["月度重点项目运行调度会", "专题调度会", "周调度会"]);
        kind.GetProperty("description").GetString()!.ShouldContain("1 = Monthly（月度重点项目运行调度会）");

        // Every success answer has its schema (JSON), its file type (exports), or no body by its status (201 with Location, 204).
        var untyped = new List<string>();
        foreach (var (path, method, operation) in operations.Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0)
                untyped.Add($"{method} {path}: no success response");
            foreach (var answer in success.Where(r => r.Name is not ("201" or "204")))
            {
                var typed = answer.Value.TryGetProperty("content", out var content) && content.EnumerateObject()
                    .Any(c => c.Name != "application/json" || c.Value.TryGetProperty("schema", out _));
                if (!typed)
                    untyped.Add($"{method} {path} {answer.Name}");
            }
        }
        untyped.ShouldBeEmpty();
    }

    /// <summary>
    /// The document as integrators see it is committed (docs/api/openapi-v1.json); any change to it shows here as a diff,
    /// to be read and committed on purpose (a breaking change needs a new version path). CRM_UPDATE_OPENAPI=1 rewrites it.
    /// </summary>
    [Fact]
    public async Task The_committed_openapi_document_is_the_one_the_host_serves()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("sysadmin");
        var served = Normalized(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var path = RepositoryPaths.Docs("api", "openapi-v1.json");
        if (Environment.GetEnvironmentVariable("CRM_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served);
        }
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        if (committed == served)
            return;
        var (old, now) = (committed.Split('\n'), served.Split('\n'));
        var diff = Enumerable.Range(0, Math.Max(old.Length, now.Length))
            .Where(i => i >= old.Length || i >= now.Length || old[i] != now[i]).Take(15)
            .Select(i => $"{i + 1}: - {(i < old.Length ? old[i] : "")}\n{i + 1}: + {(i < now.Length ? now[i] : "")}");
        Assert.Fail($"The OpenAPI document changed ({path}); read the difference and rerun with CRM_UPDATE_OPENAPI=1 to commit it:\n{string.Join("\n", diff)}");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Normalized(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Indented).ReplaceLineEndings("\n") + "\n";
}
