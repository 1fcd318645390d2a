using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.ProjectIssues;

/// <summary>Issue 18 over HTTP: the API's refusals in Chinese, who may do what, the raise form keeping input, the export.</summary>
public class ProjectIssueWebTests
{
    private static async Task<Guid> ProjectAsync(CrmWebApplicationFactory factory, string name)
    {
        await using var db = factory.Database.CreateContext();
        return await db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private static async Task<Guid> IssueAsync(CrmWebApplicationFactory factory, string title)
    {
        await using var db = factory.Database.CreateContext();
        return await db.ProjectIssues.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_input_to_the_API_is_refused_in_Chinese(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var huawei = await ProjectAsync(factory, "华为吉林区域总部");
        var secretary = await factory.SignInAsync("mahui");

        var noCategory = await secretary.PostAsJsonAsync("/api/v1/issues", new { projectId = huawei, title = "管网", description = "市政管网配套" });
        noCategory.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(noCategory)).ShouldBe("请选择问题类别（可按系统建议确认）。");

        var noDepartment = await secretary.PostAsJsonAsync("/api/v1/issues", new { projectId = huawei, title = "管网", description = "市政管网配套", category = IssueCategory.Factors });
        noDepartment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(noDepartment)).ShouldBe("“要素保障”类问题没有对应的保障专班，请指定责任职能部门。");

        var dueBefore = await secretary.PostAsJsonAsync("/api/v1/issues",
            new { projectId = huawei, title = "手续", description = "规划许可", category = IssueCategory.Procedures, raisedOn = "2026-11-10", dueOn = "2026-11-01" });
        dueBefore.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(dueBefore)).ShouldContain("早于提出日期");

        var unknown = await secretary.PostAsJsonAsync("/api/v1/issues", new { projectId = Guid.NewGuid(), title = "手续", description = "规划许可", category = IssueCategory.Procedures });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await DetailAsync(unknown)).ShouldBe("项目不存在或您无权查看。");

        (await secretary.GetAsync($"/api/v1/issues/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var created = await secretary.PostAsJsonAsync("/api/v1/issues", new { projectId = huawei, title = "临时用地", description = "规划许可手续", category = IssueCategory.Procedures });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var issue = (await secretary.GetFromJsonAsync<IssueDetailDto>(created.Headers.Location!.ToString()))!;
        (issue.AssignedDepartment, issue.Status, issue.RaisedAs).ShouldBe(("手续保障专班", IssueStatus.Raised, IssueRaiserRole.LocalSecretary));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_acts_only_where_the_rules_let_them(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var waiting = await IssueAsync(factory, "二期临舍搭建用地协调");

        // 陈静 is 华为's 部门秘书: she sees the problem but cannot accept it for 住建局.
        var officer = await factory.SignInAsync("officer");
        var refused = await officer.PostAsJsonAsync($"/api/v1/issues/{waiting}/actions", new { action = IssueAction.Accept });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DetailAsync(refused)).ShouldBe("您不能对该问题执行“受理”。");
        // A task force member raises nothing, and sees nothing of another unit.
        var member = await factory.SignInAsync("zhuanban");
        (await member.PostAsJsonAsync("/api/v1/issues", new { projectId = Guid.NewGuid(), title = "x", description = "x", category = IssueCategory.Procedures }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/v1/issues/{waiting}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var dispatch = await factory.SignInAsync("dispatch");
        (await dispatch.PostAsJsonAsync($"/api/v1/issues/{waiting}/actions", new { action = IssueAction.Accept, on = "2026-11-21" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var future = await dispatch.PostAsJsonAsync($"/api/v1/issues/{waiting}/actions", new { action = IssueAction.Progress, on = "2026-12-31", note = "x" });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(future)).ShouldBe("办理日期不能晚于今天。");
        (await dispatch.GetFromJsonAsync<IssueDetailDto>($"/api/v1/issues/{waiting}"))!.Status.ShouldBe(IssueStatus.Accepted);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_raise_form_keeps_what_was_typed_and_suggests_the_category_when_it_was_left_out(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var huawei = await ProjectAsync(factory, "华为吉林区域总部");
        var secretary = await factory.SignInAsync("mahui");

        var fragment = await secretary.GetStringAsync("/issues/route-fields?title=" + Uri.EscapeDataString("服务区地块农转征手续"));
        fragment.ShouldContain("手续保障专班");

        var refused = await FormPoster.PostAsync(secretary, "/issues/new", "raise-issue",
            [new("projectId", huawei.ToString()), new("title", "服务区地块农转征手续"), new("description", "农转征手续办理缓慢"), new("category", "")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("请选择问题类别");
        page.QuerySelector("#issue-title")!.GetAttribute("value").ShouldBe("服务区地块农转征手续");
        page.QuerySelector("#issue-description")!.TextContent.ShouldBe("农转征手续办理缓慢");
        page.QuerySelector("#issue-category option[selected]")!.GetAttribute("value").ShouldBe("Procedures", "the suggestion is offered for the second try");

        var accepted = await FormPoster.PostAsync(secretary, "/issues/new", "raise-issue",
            [new("projectId", huawei.ToString()), new("title", "服务区地块农转征手续"), new("description", "农转征手续办理缓慢"), new("category", "Procedures")]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Found);
        accepted.Headers.Location!.ToString().ShouldContain("issues/");
        accepted.Headers.Location!.ToString().ShouldEndWith("?raised=true");
    }

    [Fact]
    public async Task A_problems_materials_are_uploaded_on_its_page_and_read_by_the_unit_it_is_routed_to()
    {
        await using var factory = new CrmWebApplicationFactory(await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData), new Dictionary<string, string>
        {
            ["Attachments:Folder"] = Path.Combine(Path.GetTempPath(), "crm-issue-materials-" + Guid.NewGuid().ToString("N")),
        });
        var huawei = await ProjectAsync(factory, "华为吉林区域总部");
        var secretary = await factory.SignInAsync("officer");
        var created = await secretary.PostAsJsonAsync("/api/v1/issues", new { projectId = huawei, title = "临时用地", description = "规划许可手续", category = IssueCategory.Procedures });
        var procedures = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        var elsewhere = await IssueAsync(factory, "二期临舍搭建用地协调"); // routed to 住建局

        async Task<string> UploadAsync(Guid issue, Guid project, string name, HttpStatusCode expected)
        {
            var page = await new HtmlParser().ParseDocumentAsync(await secretary.GetStringAsync($"/issues/{procedures}"));
            var token = page.QuerySelector("#materials input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var file = new ByteArrayContent(AttachmentUpload.Pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            var upload = await secretary.PostAsync($"/projects/{project}/attachments", new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("IssueMaterial"), "category" },
                { new StringContent(issue.ToString()), "issueId" },
                { file, "file", name },
            });
            upload.StatusCode.ShouldBe(expected);
            if (expected != HttpStatusCode.Redirect)
                return "";
            upload.Headers.Location!.ToString().ShouldBe($"/issues/{issue}?uploaded=true#materials");
            var materials = (await new HtmlParser().ParseDocumentAsync(await secretary.GetStringAsync($"/issues/{issue}"))).QuerySelector("[data-testid=materials]")!;
            materials.TextContent.ShouldContain(name);
            return "/" + materials.QuerySelectorAll("a").Single(a => a.TextContent == name).GetAttribute("href");
        }

        var ours = await UploadAsync(procedures, huawei, "临时用地申请.pdf", HttpStatusCode.Redirect);
        var theirs = await UploadAsync(elsewhere, huawei, "临舍用地图.pdf", HttpStatusCode.Redirect);
        // The 手续保障专班 reads its problem's material without seeing the project, and not another unit's.
        var member = await factory.SignInAsync("zhuanban");
        (await member.GetAsync(ours)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync(theirs)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A problem of another project is refused as not found.
        await UploadAsync(await IssueAsync(factory, "“四塔”地标区域征收难点"), huawei, "x.pdf", HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_list_exports_to_Excel_with_days_as_numbers(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var dispatch = await factory.SignInAsync("dispatch");
        var export = await dispatch.GetAsync("/issues/export?show=Overdue");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxWorkbook.Read(await export.Content.ReadAsByteArrayAsync()).Rows();
        var towers = rows.Single(r => r.Count > 8 && Equals(r[1], "“四塔”地标区域征收难点"));
        (towers[2], towers[4]).ShouldBe(("征收", "征收保障专班"));
        towers[8].ShouldBeOfType<double>("overdue days are a number").ShouldBeGreaterThan(0d);

        var statistics = (await dispatch.GetFromJsonAsync<IssueStatisticsDto>("/api/v1/issues/statistics?year=2022"))!;
        (statistics.Total.Raised, statistics.Total.Done).ShouldBe((4, 4));
        var workbook = XlsxWorkbook.Read(await (await dispatch.GetAsync("/issues/statistics/export?year=2022")).Content.ReadAsByteArrayAsync());
        workbook.SheetNames.ShouldBe(["按类别", "按责任单位", "未办结时长"]);
        var procedures = workbook.Rows().Single(r => r.Count > 6 && Equals(r[0], "手续"));
        (procedures[1], procedures[5], procedures[6]).ShouldBe((3d, 3d, 100d));

        // The cockpit's small panel: the year's problems as they stand (the 四塔 problem is overdue).
        var leader = await factory.SignInAsync("leader");
        var cockpit = await new HtmlParser().ParseDocumentAsync(await leader.GetStringAsync("/cockpit?year=2026"));
        cockpit.QuerySelector("[data-testid=cockpit-issues-overdue]")!.TextContent.Trim().ShouldBe("1");
    }
}
