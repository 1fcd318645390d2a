using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Web.Tests.Projects;

public class AttachmentAndMilestoneTests
{
    private static readonly byte[] Pdf = AttachmentUpload.Pdf;
    private static readonly byte[] Png = AttachmentUpload.Png;

    private static async Task<CrmWebApplicationFactory> FactoryAsync(long maxBytes = 20 * 1024 * 1024) =>
        new(await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData), new Dictionary<string, string>
        {
            ["Attachments:MaxBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Attachments:Folder"] = Path.Combine(Path.GetTempPath(), "crm-attachments-" + Guid.NewGuid().ToString("N")),
        });

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid project, string fileName, byte[] bytes) =>
        AttachmentUpload.PostAsync(client, project, fileName, bytes);

    private static async Task<Guid> ProjectAsync(CrmWebApplicationFactory factory, string name)
    {
        await using var db = factory.Database.CreateContext();
        return await db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task An_attachment_is_stored_under_a_generated_name_and_served_only_within_scope()
    {
        await using var factory = await FactoryAsync();
        var officer = await factory.SignInAsync("officer");
        var project = await ProjectAsync(factory, "华润中心");

        var response = await UploadAsync(officer, project, "../../etc/合同扫描件.pdf", Pdf);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("uploaded=true");

        await using var db = factory.Database.CreateContext();
        var attachment = await db.Attachments.SingleAsync();
        attachment.FileName.ShouldBe("合同扫描件.pdf");
        attachment.StoredName.ShouldMatch("^[0-9a-f]{32}\\.pdf$");
        var folder = factory.Services.GetRequiredService<AttachmentOptions>().Folder!;
        File.ReadAllBytes(Path.Combine(folder, attachment.StoredName)).ShouldBe(Pdf);

        var download = await officer.GetAsync($"/attachments/{attachment.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        // 周婷 (南岭街道) is neither in 商务局 nor a contributor of 华润中心: as if the file did not exist.
        var outsider = await factory.SignInAsync("zhouting");
        (await outsider.GetAsync($"/attachments/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("大合同.pdf", 2048, "附件不能超过")]
    [InlineData("setup.exe", 10, "不支持的附件类型“.exe”")]
    [InlineData("伪装.pdf", 0, "文件内容与扩展名“.pdf”不符")]
    public async Task Oversized_unknown_or_disguised_files_are_refused_in_Chinese_and_nothing_is_kept(string fileName, int size, string message)
    {
        await using var factory = await FactoryAsync(maxBytes: 1024);
        var officer = await factory.SignInAsync("officer");
        var project = await ProjectAsync(factory, "华润中心");
        var bytes = size == 0 ? Png : [.. Pdf, .. new byte[size]];

        var response = await UploadAsync(officer, project, fileName, bytes);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync(response.Headers.Location!.OriginalString));
        page.QuerySelector("[data-testid=attachment-error]")!.TextContent.ShouldContain(message);

        await using var db = factory.Database.CreateContext();
        (await db.Attachments.CountAsync()).ShouldBe(0);
        var folder = factory.Services.GetRequiredService<AttachmentOptions>().Folder!;
        (Directory.Exists(folder) ? Directory.GetFiles(folder) : []).ShouldBeEmpty();
    }

    [Fact]
    public async Task Milestones_count_down_and_the_dispatch_phase_follows_landing()
    {
        await using var factory = await FactoryAsync();
        var officer = await factory.SignInAsync("officer");
        var landed = await ProjectAsync(factory, "华润中心");
        var reserve = await ProjectAsync(factory, "华润中心二期");

        var reservePage = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/projects/{reserve}"));
        reservePage.QuerySelector("input[name=_handler][value=dispatch-phase]").ShouldBeNull("the dispatch phase is not offered before 落位");

        (await FormPoster.PostAsync(officer, $"/projects/{landed}", "add-milestone",
            [new("phase", nameof(DispatchPhase.Construction)), new("title", "万象城二期开工"), new("date", "2026-12-02")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FormPoster.PostAsync(officer, $"/projects/{landed}", "add-milestone",
            [new("phase", nameof(DispatchPhase.Operation)), new("title", "A 座竣工验收"), new("date", "2026-11-12")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/projects/{landed}"));
        var countdowns = page.QuerySelectorAll("[data-testid=countdown]").Select(e => e.TextContent).ToList();
        countdowns.ShouldBe(["逾期 10 天", "倒计时 10 天"]);

        // The dispatch phase follows its order (issue 17): back from 竣工投产 to 开工建设 needs the override — refused beside the form.
        var phase = await FormPoster.PostAsync(officer, $"/projects/{landed}", "dispatch-phase", [new("phase", nameof(DispatchPhase.Construction)), new("date", "2026-11-20")]);
        phase.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await phase.Content.ReadAsStringAsync()).ShouldContain("需要“越级/回退阶段”权限");
        await using var check = factory.Database.CreateContext();
        (await check.Projects.SingleAsync(p => p.Id == landed)).DispatchPhase.ShouldBe(DispatchPhase.Operation);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_countdown_follows_the_chosen_statistics_date_and_a_milestone_is_completed_on_its_actual_date(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        var landed = await ProjectAsync(factory, "华润中心");
        (await FormPoster.PostAsync(officer, $"/projects/{landed}", "add-milestone",
            [new("phase", nameof(DispatchPhase.Construction)), new("title", "主体开工"), new("date", "2026-10-01")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FormPoster.PostAsync(officer, $"/projects/{landed}", "add-milestone",
            [new("phase", nameof(DispatchPhase.Operation)), new("title", "竣工投产"), new("date", "2026-12-31")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = factory.Database.CreateContext();
        var started = (await db.ProjectMilestones.SingleAsync(m => m.ProjectId == landed && m.Title == "主体开工")).Id;
        var operating = (await db.ProjectMilestones.SingleAsync(m => m.ProjectId == landed && m.Title == "竣工投产")).Id;

        // Completed on its actual date (not the day it is recorded), by the form and by the API.
        (await FormPoster.PostAsync(officer, $"/projects/{landed}", $"complete-{started}", [new("done", "2026-10-08")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await db.ProjectMilestones.AsNoTracking().SingleAsync(m => m.Id == started)).ActualDate.ShouldBe(new DateOnly(2026, 10, 8));
        var future = await officer.PostAsJsonAsync($"/api/v1/projects/{landed}/milestones/{operating}/completion", new { actualDate = "2027-01-05" });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadAsStringAsync()).ShouldContain("完成日期不能晚于今天");
        (await officer.PostAsJsonAsync($"/api/v1/projects/{landed}/milestones/{operating}/completion", new { actualDate = "2026-11-20" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // As of 2026-09-21 (a 统计日 chosen on the cockpit) both were still open.
        var then = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/projects/{landed}?asOf=2026-09-21"));
        then.QuerySelector("[data-testid=as-of-note]")!.TextContent.ShouldContain("2026-09-21");
        then.QuerySelectorAll("[data-testid=countdown]").Select(e => e.TextContent).ShouldBe(["倒计时 10 天", "倒计时 101 天"]);
        var api = await officer.GetFromJsonAsync<List<MilestoneDto>>($"/api/v1/projects/{landed}/milestones?asOf=2026-10-05");
        api!.Single(m => m.Id == started).RemainingDays.ShouldBe(-4); // done on the 8th: still late on the 5th
        // Today (2026-11-22) both are done.
        var now = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/projects/{landed}"));
        now.QuerySelector("[data-testid=as-of-note]").ShouldBeNull();
        now.QuerySelectorAll("[data-testid=countdown]").ShouldBeEmpty();
        now.QuerySelector("[data-testid=milestones]")!.TextContent.ShouldContain("已于 2026-10-08 完成");
    }
}
