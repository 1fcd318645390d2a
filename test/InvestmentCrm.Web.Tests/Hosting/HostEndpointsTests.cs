using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Hosting;

public class HostEndpointsTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Health_checks_the_database(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var response = await factory.CreateClient().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Work_outside_a_request_reads_as_the_system_and_an_anonymous_request_as_nobody()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.ReaderScope.All.ShouldBeTrue("CLI verbs, start-up and background work see every record");
            (await db.Projects.CountAsync()).ShouldBeGreaterThan(20);
        }
        var accessor = factory.Services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        try
        {
            using var request = factory.Services.CreateScope();
            var db = request.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.ReaderScope.ShouldBe(InvestmentCrm.Authorization.ReaderScope.Nobody, "nobody is signed in: default deny");
            (await db.Projects.CountAsync()).ShouldBe(0);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [Fact]
    public async Task Health_reports_an_unusable_database_as_unhealthy()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = factory.CreateClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Replace the database file with garbage: the check must notice.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(factory.Database.Name, "this is not a database");
        var response = await client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task Api_errors_are_problem_details_in_Chinese()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/workbench/summary");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().ShouldBe("未登录或登录已过期");

        var client = await factory.SignInAsync("officer");
        var missing = await client.GetAsync("/api/v1/no-such-thing");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("未找到");
        problem.GetProperty("detail").GetString().ShouldBe("请求的接口不存在。");
        problem.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_Chinese_not_found_page()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var client = await factory.SignInAsync("officer");
        var response = await client.GetAsync("/no-such-page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe("页面不存在");
    }

    [Fact]
    public async Task The_openapi_document_is_for_signed_in_users_and_lists_the_api()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var anonymous = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/swagger/v1/swagger.json");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var client = await factory.SignInAsync("sysadmin");
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        document.GetProperty("paths").TryGetProperty("/api/v1/workbench/summary", out _).ShouldBeTrue();
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
