using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.Companies;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>
/// Issue 16 (point 6): an over-long field, a NUL or another control character is refused in Chinese by the field's name
/// and nothing is stored — never a 500 (as on PostgreSQL before); zero-width and full-width characters do not hide a duplicate.
/// </summary>
public class TextInputTests
{
    private static async Task RefusedAsync(HttpResponseMessage response, string message)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Over_long_fields_and_control_characters_are_refused_by_name_and_nothing_is_stored(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        int projects;
        await using (var db = factory.Database.CreateContext())
            projects = await db.Projects.CountAsync();
        object Project(string name, string? location = null) =>
            new { name, type = 1, industry = "金融业/银行", registeredOn = "2026-11-01", plannedDomesticCny = 0m, targetLocation = location };

        await RefusedAsync(await head.PostAsJsonAsync("/api/v1/projects", Project("超长位置项目", new string('长', 10_000))), "“拟落位区域”最多 200 个字符");
        await RefusedAsync(await head.PostAsJsonAsync("/api/v1/projects", Project("含\0空字符的项目")), "控制字符");
        await RefusedAsync(await head.PostAsJsonAsync("/api/v1/projects", Project("含\u0007响铃的项目")), "控制字符");
        await RefusedAsync(await head.GetAsync("/api/v1/companies/search?q=%00华为"), "控制字符");
        (await head.GetAsync("/projects?search=%00")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var check = factory.Database.CreateContext();
        (await check.Projects.CountAsync()).ShouldBe(projects);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_300_character_attachment_name_is_refused_in_Chinese(string provider)
    {
        await using var factory = new CrmWebApplicationFactory(await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData),
            new Dictionary<string, string> { ["Attachments:Folder"] = Path.Combine(Path.GetTempPath(), "crm-upload-" + Guid.NewGuid().ToString("N")) });
        var officer = await factory.SignInAsync("officer");
        Guid project;
        await using (var db = factory.Database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "华润中心").Select(p => p.Id).SingleAsync();

        var response = await AttachmentUpload.PostAsync(officer, project, new string('名', 296) + ".pdf", AttachmentUpload.Pdf);
        Uri.UnescapeDataString(response.Headers.Location!.OriginalString).ShouldContain("“文件名”最多 200 个字符");
        await using var check = factory.Database.CreateContext();
        (await check.Attachments.CountAsync()).ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Zero_width_and_full_width_characters_do_not_hide_a_duplicate(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        (await head.PostAsJsonAsync("/api/v1/companies", new { name = "ABC智能科技有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var fullWidth = await head.PostAsJsonAsync("/api/v1/companies", new { name = "ＡＢＣ智能科技有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise });
        fullWidth.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fullWidth.Content.ReadAsStringAsync()).ShouldContain("已有相似名称的企业：ABC智能科技有限公司");
        var zeroWidth = await head.PostAsJsonAsync("/api/v1/companies", new { name = "ABC\u200B智能\u200D科技有限公司", nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise });
        (await zeroWidth.Content.ReadAsStringAsync()).ShouldContain("已有相似名称的企业");

        // A credit code pasted in full-width digits is the same code.
        const string first17 = "91220102MA0KPQRW2";
        var code = first17 + InvestmentCrm.Common.CreditCode.CheckCharacter(first17);
        (await head.PostAsJsonAsync("/api/v1/companies", new { name = "代码测试一有限公司", creditCode = code, nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var wide = new string(code.Select(c => (char)(c + 0xFEE0)).ToArray());
        (await head.PostAsJsonAsync("/api/v1/companies", new { name = "代码测试二有限公司", creditCode = wide, nature = (int)CompanyNature.Private, kind = (int)CompanyKind.Enterprise, confirmNotDuplicate = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
