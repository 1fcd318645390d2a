using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Projects;

/// <summary>Issue 17: 项目建设 on the project page and through the API.</summary>
public class ConstructionWebTests
{
    private static async Task<Guid> LandedProjectAsync(CrmWebApplicationFactory factory)
    {
        await using var db = factory.Database.CreateContext();
        var project = new Project("南关建设测试项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2021, 1, 5), null, DateTime.UtcNow)
        {
            LeadDepartmentId = await db.Departments.Where(d => d.Name == "商务局").Select(d => d.Id).SingleAsync(),
        };
        project.MoveTo(ProjectStage.Negotiating, new DateOnly(2021, 3, 1), DateTime.UtcNow, null);
        project.MoveTo(ProjectStage.Signed, new DateOnly(2021, 9, 1), DateTime.UtcNow, null);
        project.MoveTo(ProjectStage.Landed, new DateOnly(2022, 3, 1), DateTime.UtcNow, null);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_project_page_records_approvals_and_the_start_refuses_a_start_without_evidence_and_withdraws_the_latest(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        var id = await LandedProjectAsync(factory);

        (await FormPoster.PostAsync(officer, $"/projects/{id}", "add-approval", [new("kind", nameof(ApprovalKind.PlanningPermit)), new("date", "2022-04-10"), new("number", "建字 2022-018")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await FormPoster.PostAsync(officer, $"/projects/{id}", "record-construction", [new("kind", nameof(ConstructionEventKind.Started)), new("date", "2022-05-01")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("form[data-form='record-construction'] [data-testid=form-error], #construction [data-testid=form-error]")!.TextContent.ShouldContain("施工许可证号或开工报告");
        page.QuerySelector("#construction-date")!.GetAttribute("value").ShouldBe("2022-05-01", "the typed date is kept");

        (await FormPoster.PostAsync(officer, $"/projects/{id}", "record-construction",
            [new("kind", nameof(ConstructionEventKind.Started)), new("date", "2022-05-01"), new("evidence", "施工许可证 220102202205010101")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/projects/{id}"));
        page.QuerySelector("[data-testid=construction-status]")!.TextContent.ShouldContain("在建");
        page.QuerySelector("[data-testid=construction-status]")!.TextContent.ShouldContain("开工日期 2022-05-01");
        page.QuerySelector("[data-testid=approvals]")!.TextContent.ShouldContain("规划许可");
        page.QuerySelector("[data-testid=phase-history]")!.TextContent.ShouldContain("招商落地 → 开工建设");

        // The API reads the same, as of a date before the start.
        var before = await officer.GetFromJsonAsync<ConstructionDto>($"/api/v1/projects/{id}/construction?asOf=2022-04-30");
        before!.Status.ShouldBe(ConstructionStatus.NotStarted);

        Guid started;
        await using (var db = factory.Database.CreateContext())
            started = await db.Set<ConstructionEvent>().Where(e => e.ProjectId == id).Select(e => e.Id).SingleAsync();
        (await FormPoster.PostAsync(officer, $"/projects/{id}", $"withdraw-construction-{started}", [new("reason", "开工日期登记错误")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.GetFromJsonAsync<ConstructionDto>($"/api/v1/projects/{id}/construction"))!.Status.ShouldBe(ConstructionStatus.NotStarted);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_api_records_a_suspension_and_its_resumption_and_refuses_skipping_a_phase_without_the_override(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        var id = await LandedProjectAsync(factory);
        async Task Record(ConstructionEventKind kind, string date, string? evidence = null, string? reason = null) =>
            (await officer.PostAsJsonAsync($"/api/v1/projects/{id}/construction/events", new { kind = (int)kind, effectiveDate = date, evidence, reason })).EnsureSuccessStatusCode();

        var skip = await officer.PostAsJsonAsync($"/api/v1/projects/{id}/dispatch-phase", new { to = (int)DispatchPhase.Operation, effectiveDate = "2022-03-05", reason = "跳过" });
        skip.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await skip.Content.ReadAsStringAsync()).ShouldContain("竣工验收后才进入竣工投产环节");

        await Record(ConstructionEventKind.Started, "2022-05-01", evidence: "开工报告 2022-05-01");
        await Record(ConstructionEventKind.Suspended, "2022-08-15", reason: "资金未到位");
        (await officer.GetFromJsonAsync<ConstructionDto>($"/api/v1/projects/{id}/construction?asOf=2022-12-31"))!.Status.ShouldBe(ConstructionStatus.Suspended);
        await Record(ConstructionEventKind.Resumed, "2023-04-06");
        (await officer.GetFromJsonAsync<ConstructionDto>($"/api/v1/projects/{id}/construction?asOf=2023-12-31"))!.Status.ShouldBe(ConstructionStatus.UnderConstruction);

        await using var db = factory.Database.CreateContext();
        var events = await db.Set<ConstructionEvent>().Where(e => e.ProjectId == id).ToListAsync();
        ConstructionRules.YearRole(events, 2023, new DateOnly(2023, 12, 31)).ShouldBe(ConstructionYearRole.Resumed);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Monthly_investment_is_read_against_the_years_plan_and_reaches_the_pool(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        var id = await LandedProjectAsync(factory);
        await using (var db = factory.Database.CreateContext())
        {
            var project = await db.Projects.Include(p => p.YearFlags).SingleAsync(p => p.Id == id);
            project.SetYearPool(2022, true, true, false, false, false, 10 * 100_000_000m, 2 * 100_000_000m);
            await db.SaveChangesAsync();
        }
        foreach (var (month, wan) in new[] { (3, 3000m), (4, 4000m), (5, 3000m) })
            (await head.PostAsJsonAsync($"/api/v1/projects/{id}/investments", new { year = 2022, month, completedWan = wan })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await head.PostAsJsonAsync($"/api/v1/projects/{id}/investments", new { year = 2022, month = 5, completedWan = 3500m });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a month already entered is corrected with a reason");

        var june = (await head.GetFromJsonAsync<ConstructionDto>($"/api/v1/projects/{id}/construction?asOf=2022-06-30"))!.InvestmentYear;
        (june.PlannedYuan, june.CompletedYuan, june.OfPlanPercent, june.AgainstSchedulePoints).ShouldBe((2 * 100_000_000m, 100_000_000m, 50m, 0m));
        var page = await new HtmlParser().ParseDocumentAsync(await head.GetStringAsync($"/projects/{id}?asOf=2022-06-30"));
        page.QuerySelector("[data-testid=investment-year]")!.TextContent.ShouldContain("完成率 50.0%");

        var dispatch = await factory.SignInAsync("dispatch");
        var pool = await dispatch.GetFromJsonAsync<ProjectPoolDto>("/api/v1/project-pool?year=2022&asOf=2022-06-30&show=NotStarted&pageSize=200");
        pool!.Records.Items.Single(p => p.Id == id).CompletedYearYuan.ShouldBe(100_000_000m);
    }
}
