using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>Issue 20: what an integrator does with the API — lint the document, generate a client, run the documented example.</summary>
public partial class ApiIntegratorTests
{
    /// <summary>
    /// The document the host serves is linted by Redocly CLI under the committed ruleset (0 errors), turned into TypeScript
    /// types by openapi-typescript, and test/api-contract/client.ts must compile against them (test/api-contract/package.json).
    /// </summary>
    [ToolFact("npm")]
    public async Task The_document_lints_clean_and_a_typescript_client_generated_from_it_compiles()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("sysadmin");
        var folder = Path.Combine(RepositoryPaths.Root, "test", "api-contract");
        Directory.CreateDirectory(Path.Combine(folder, "generated"));
        await File.WriteAllTextAsync(Path.Combine(folder, "generated", "openapi.json"), await client.GetStringAsync("/swagger/v1/swagger.json"));

        if (!File.Exists(Path.Combine(folder, "node_modules", ".package-lock.json")))
            await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund"]);
        var check = await RunAsync(folder, "npm", ["run", "--silent", "check"]);
        check.Said.ShouldContain("Your API description is valid");
        File.Exists(Path.Combine(folder, "generated", "api.ts")).ShouldBeTrue();
    }

    /// <summary>docs/api.md's curl example, as written, against a real host with a real token: it answers what the records hold.</summary>
    [ToolFact("curl", "bash")]
    public async Task The_curl_example_of_the_docs_runs_against_a_real_host()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var address = factory.StartOnLoopback().ToString();

        Guid bureau;
        List<decimal> expected;
        await using (var db = factory.Database.CreateContext())
        {
            bureau = await db.Departments.Where(d => d.Code == "NG-SWJ").Select(d => d.Id).SingleAsync();
            var departments = (await db.LoadDepartmentTreeAsync()).Subtree(bureau);
            expected = await db.FundsTranches
                .Where(t => t.Verification == VerificationStatus.Verified && t.ArrivedOn >= new DateOnly(2026, 1, 1) && t.ArrivedOn <= new DateOnly(2026, 12, 31))
                .Join(db.Projects.Where(p => p.LeadDepartmentId != null && departments.Contains(p.LeadDepartmentId.Value)), t => t.ProjectId, p => p.Id, (t, p) => t.Amount.Amount)
                .ToListAsync();
        }
        expected.Count.ShouldBeGreaterThan(0, "the demo data has verified 2026 tranches of 商务局");

        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
            token = (await scope.ServiceProvider.GetRequiredService<IntegrationAppService>()
                .IssueAsync(new ApiTokenInput("市大数据局数据交换平台", bureau, Roles.DistrictLeader, factory.Clock.Today().AddDays(30), 600))).Token;

        var markdown = await File.ReadAllTextAsync(RepositoryPaths.Docs("api.md"));
        var example = CurlBlock().Match(markdown);
        example.Success.ShouldBeTrue("docs/api.md has its ```bash curl example");
        var (output, _) = await RunAsync(RepositoryPaths.Root, "bash", ["-c", example.Groups["script"].Value], new()
        {
            ["CRM_URL"] = address.TrimEnd('/'),
            ["CRM_TOKEN"] = token,
            ["CRM_DEPARTMENT"] = bureau.ToString(),
        });

        var answer = JsonDocument.Parse(output).RootElement;
        var items = answer.GetProperty("page").GetProperty("items").EnumerateArray().ToList();
        answer.GetProperty("page").GetProperty("total").GetInt32().ShouldBe(expected.Count);
        items.Select(i => i.GetProperty("amount").GetDecimal()).Order().ShouldBe(expected.Order());
        items.ShouldAllBe(i => i.GetProperty("status").GetInt32() == (int)VerificationStatus.Verified);
        items.ShouldAllBe(i => i.GetProperty("arrivedOn").GetString()!.StartsWith("2026-", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"```bash\n(?<script>curl[\s\S]*?)```")]
    private static partial Regex CurlBlock();

    /// <summary>Runs a tool to its end (at most five minutes): its output, and all it said; a non-zero exit fails with the latter.</summary>
    private static async Task<(string Output, string Said)> RunAsync(string folder, string tool, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? [])
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var said = await output + await errors;
        process.ExitCode.ShouldBe(0, $"{tool} {string.Join(' ', arguments)}:\n{said}");
        return (await output, said);
    }
}
