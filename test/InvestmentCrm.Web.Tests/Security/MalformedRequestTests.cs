using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Issue 16 (point 8): a missing or foreign antiforgery token, a wrong content type and a JSON type error each get their own Chinese answer.</summary>
public class MalformedRequestTests
{
    [Fact]
    public async Task A_form_without_or_with_a_foreign_antiforgery_token_says_so_in_Chinese()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        // A forged post from another site carries no token: neither the form's nor the header an API script adds.
        officer.DefaultRequestHeaders.Remove(CrmWebApplicationFactory.AntiforgeryHeader);
        var head = await factory.SignInAsync("head");
        Guid project;
        await using (var db = factory.Database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "华润中心").Select(p => p.Id).SingleAsync();

        // No token at all.
        var missing = await officer.PostAsync("/projects/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "new-project", ["name"] = "无令牌项目" }));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain(MalformedRequests.AntiforgeryRefusal);

        // Another user's token.
        var page = await new HtmlParser().ParseDocumentAsync(await head.GetStringAsync("/projects/new"));
        var foreignToken = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var foreign = await officer.PostAsync("/projects/new", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = foreignToken, ["_handler"] = "new-project", ["name"] = "他人令牌项目" }));
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain(MalformedRequests.AntiforgeryRefusal);

        // An upload without a token (a blank 500 before).
        var upload = new MultipartFormDataContent { { new StringContent(nameof(AttachmentCategory.Contract)), "category" }, { new ByteArrayContent(AttachmentUpload.Pdf), "file", "合同.pdf" } };
        var uploaded = await officer.PostAsync($"/projects/{project}/attachments", upload);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await uploaded.Content.ReadAsStringAsync()).ShouldContain(MalformedRequests.AntiforgeryRefusal);

        // Signing out without a token.
        var logout = await officer.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        logout.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await logout.Content.ReadAsStringAsync()).ShouldContain(MalformedRequests.AntiforgeryRefusal);

        await using var check = factory.Database.CreateContext();
        (await check.Projects.AnyAsync(p => p.Name == "无令牌项目" || p.Name == "他人令牌项目")).ShouldBeFalse();
        (await check.Attachments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_and_a_json_type_error_names_the_field()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(InvestmentCrm.EntityFrameworkCore.Common.DatabaseProviders.Sqlite);
        var head = await factory.SignInAsync("head");

        var text = await head.PostAsync("/api/v1/companies", new StringContent("{\"name\":\"纯文本企业\"}", Encoding.UTF8, "text/plain"));
        text.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        text.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await text.Content.ReadAsStringAsync()).ShouldContain("Content-Type: application/json");

        var typed = await head.PostAsync("/api/v1/companies", new StringContent("{\"name\":\"类型错误企业\",\"nature\":\"很多\",\"kind\":1}", Encoding.UTF8, "application/json"));
        typed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await typed.Content.ReadAsStringAsync()).ShouldContain("字段“nature”的值类型不正确");

        var broken = await head.PostAsync("/api/v1/companies", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await broken.Content.ReadAsStringAsync()).ShouldContain("请求数据");

        var query = await head.GetAsync("/api/v1/cockpit?year=abc");
        query.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await query.Content.ReadAsStringAsync()).ShouldContain("参数“year”的值“abc”无效");
    }
}
