using System.Net;
using System.Net.Http.Json;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Issue 16 (point 7): undefined enum values and pages beyond the last are answered in Chinese, nothing stored, never a 500.</summary>
public class InputBoundsTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_undefined_enum_value_is_refused_by_its_field_name_and_nothing_is_stored(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        int companies, projects, tranches;
        Guid project;
        await using (var db = factory.Database.CreateContext())
        {
            (companies, projects, tranches) = (await db.Companies.CountAsync(), await db.Projects.CountAsync(), await db.FundsTranches.CountAsync());
            project = await db.Projects.Where(p => p.Name == "吉林长春基金广场二期").Select(p => p.Id).SingleAsync();
        }

        async Task Refused(HttpResponseMessage response, string field)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain($"“{field}”的取值无效");
        }
        await Refused(await head.PostAsJsonAsync("/api/v1/companies", new { name = "长春取值测试有限公司", nature = 99, kind = 1, isStrategicInvestor = false }), "性质");
        await Refused(await head.PostAsJsonAsync("/api/v1/projects", new { name = "取值测试项目", type = 0, industry = "金融业/银行", registeredOn = "2026-11-01", plannedDomesticCny = 0m }), "项目类型");
        await Refused(await head.PostAsJsonAsync($"/api/v1/projects/{project}/tranches", new { arrivedOn = "2026-11-01", amount = 100m, currency = "CNY", source = 7, form = 1 }), "来源");

        await using (var db = factory.Database.CreateContext())
            (await db.Companies.CountAsync(), await db.Projects.CountAsync(), await db.FundsTranches.CountAsync()).ShouldBe((companies, projects, tranches));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_flags_field_takes_any_combination_of_its_flags_and_nothing_else(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        await using var db = factory.Database.CreateContext();
        var projects = await db.Projects.OrderBy(p => p.Name).Select(p => p.Id).Take(2).ToListAsync();
        var meeting = new InvestmentCrm.Meetings.DispatchMeeting(InvestmentCrm.Meetings.MeetingKind.Special, "取值测试专题会", new DateOnly(2022, 10, 20), null, null);
        // A project with open problems of which one is overdue comes for two reasons at once.
        meeting.AddItem(projects[0], null, null, InvestmentCrm.Meetings.AgendaReasons.OpenIssues | InvestmentCrm.Meetings.AgendaReasons.OverdueIssues);
        db.DispatchMeetings.Add(meeting);
        await db.SaveChangesAsync();

        meeting.AddItem(projects[1], null, null, (InvestmentCrm.Meetings.AgendaReasons)256);
        (await Should.ThrowAsync<InvestmentCrm.Common.DomainException>(() => db.SaveChangesAsync())).Message.ShouldBe("“列入原因”的取值无效。");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_page_beyond_the_last_is_empty_with_the_true_total(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var leader = await factory.SignInAsync("leader");
        var first = await leader.GetFromJsonAsync<PagedResult<ProjectListItemDto>>("/api/v1/projects?page=1");
        foreach (var page in new[] { 99, int.MaxValue })
        {
            var beyond = await leader.GetFromJsonAsync<PagedResult<ProjectListItemDto>>($"/api/v1/projects?page={page}");
            (beyond!.Items.Count, beyond.Total, beyond.Page).ShouldBe((0, first!.Total, page));
        }
        (await leader.GetAsync($"/projects?page={int.MaxValue}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await leader.GetAsync($"/funds?page={int.MaxValue}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var auditor = await factory.SignInAsync("auditor");
        (await auditor.GetAsync($"/admin/audit?page={int.MaxValue}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Amounts_have_a_sane_range_and_scale_and_dates_a_sane_window(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        Guid project;
        int tranches, projects;
        await using (var db = factory.Database.CreateContext())
        {
            project = await db.Projects.Where(p => p.Name == "吉林长春基金广场二期").Select(p => p.Id).SingleAsync();
            (tranches, projects) = (await db.FundsTranches.CountAsync(), await db.Projects.CountAsync());
        }
        async Task Refused(HttpResponseMessage response, string message)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        }
        object Tranche(decimal amount, string arrivedOn = "2026-11-01") => new { arrivedOn, amount, currency = "CNY", source = 1, form = 1 };

        await Refused(await head.PostAsJsonAsync($"/api/v1/projects/{project}/tranches", Tranche(5e28m)), "超出合理范围");
        await Refused(await head.PostAsJsonAsync($"/api/v1/projects/{project}/tranches", Tranche(1e18m)), "超出合理范围");
        await Refused(await head.PostAsJsonAsync($"/api/v1/projects/{project}/tranches", Tranche(0.001m)), "最多精确到分");
        await Refused(await head.PostAsJsonAsync($"/api/v1/projects/{project}/tranches", Tranche(100m, "0001-01-01")), "应在 1990 到 2100 年之间");
        await Refused(await head.PostAsJsonAsync("/api/v1/projects",
            new { name = "远期项目", type = 1, industry = "金融业/银行", registeredOn = "9999-12-31", plannedDomesticCny = 0m }), "应在 1990 到 2100 年之间");
        foreach (var year in new[] { 0, -1, 10000 })
            {
            (await head.GetAsync($"/api/v1/cockpit?year={year}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await head.GetAsync($"/cockpit?year={year}")).StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        }

        await using (var db = factory.Database.CreateContext())
            (await db.FundsTranches.CountAsync(), await db.Projects.CountAsync()).ShouldBe((tranches, projects));
        // The 工作台 and cockpit still answer for everyone.
        (await head.GetAsync("/api/v1/workbench/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
