using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.ProjectIssues;

/// <summary>Issue 18: the whole loop of a project problem on both databases, in each reader's scope (docs/domain.md, "项目问题").</summary>
public class ProjectIssueServiceTests
{
    private sealed record Reader(CrmDbContext Db, ProjectIssueAppService Issues, IssueActor Actor) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    /// <summary>A user's own context, scope and problem permissions (their roles' claims), as a request of theirs has them.</summary>
    private static async Task<Reader> AsAsync(TestDatabase database, string userName)
    {
        var db = database.CreateContext();
        var user = await TestUser.LoadAsync(db, userName);
        var permissions = await db.UserRoles.Where(ur => ur.UserId == user.UserId)
            .Join(db.RoleClaims, ur => ur.RoleId, c => c.RoleId, (ur, c) => c.ClaimValue).ToListAsync();
        var actor = new IssueActor(user.UserId!.Value, user.DepartmentId, permissions.Contains(Permissions.Issues.Raise),
            permissions.Contains(Permissions.Issues.Handle), permissions.Contains(Permissions.Issues.Dispatch));
        return new Reader(db, new ProjectIssueAppService(db, TestScopes.Resolved(db, user), new TestClock()), actor);
    }

    private static async Task<Guid> ProjectAsync(TestDatabase database, string name)
    {
        await using var db = database.CreateContext();
        return await db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_secretary_raises_the_task_force_solves_the_company_confirms_and_the_dispatch_office_closes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var huawei = await ProjectAsync(database, "华为吉林区域总部");

        await using var secretary = await AsAsync(database, "mahui");
        var suggestion = await secretary.Issues.SuggestAsync("二期临时用地规划许可手续未办理", null, null, null);
        (suggestion.Category, suggestion.DepartmentName, suggestion.NeedsDepartment).ShouldBe((IssueCategory.Procedures, "手续保障专班", false));
        var id = await secretary.Issues.RaiseAsync(new RaiseIssueInput(huawei, "二期临时用地规划许可", "二期临时用地规划许可手续未办理", suggestion.Category,
            OnBehalfOfCompany: true), secretary.Actor);

        // The task force sees what is routed to it; 商务局's head, whose scope does not hold the project, does not.
        await using var member = await AsAsync(database, "zhuanban");
        (await member.Issues.ListAsync(new IssueListQuery())).Items.Select(i => i.Id).ShouldContain(id);
        await using var head = await AsAsync(database, "head");
        (await head.Issues.ListAsync(new IssueListQuery(IssueListFilter.All))).Items.Select(i => i.Id).ShouldNotContain(id);
        (await head.Issues.GetAsync(id, head.Actor)).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => head.Issues.ActAsync(id, new IssueActionInput(IssueAction.Accept), head.Actor));

        var detail = (await member.Issues.GetAsync(id, member.Actor))!;
        (detail.Status, detail.AssignedDepartment, detail.RaisedAs, detail.ProjectVisible).ShouldBe((IssueStatus.Raised, "手续保障专班", IssueRaiserRole.LocalSecretary, false));
        detail.Actions.ShouldBe([IssueAction.Accept, IssueAction.Return]);
        await member.Issues.ActAsync(id, new IssueActionInput(IssueAction.Accept, Note: "指派专人"), member.Actor);
        await member.Issues.ActAsync(id, new IssueActionInput(IssueAction.Solve, Note: "规划许可已核发"), member.Actor);
        await Should.ThrowAsync<UnauthorizedAccessException>(() =>
            member.Issues.ActAsync(id, new IssueActionInput(IssueAction.AnswerForCompany, Satisfied: true), member.Actor));

        await using var again = await AsAsync(database, "mahui");
        await again.Issues.ActAsync(id, new IssueActionInput(IssueAction.AnswerForCompany, Satisfied: true, Note: "企业满意"), again.Actor);
        await Should.ThrowAsync<UnauthorizedAccessException>(() => again.Issues.ActAsync(id, new IssueActionInput(IssueAction.Close), again.Actor));

        await using var dispatch = await AsAsync(database, "dispatch");
        await dispatch.Issues.ActAsync(id, new IssueActionInput(IssueAction.Close), dispatch.Actor);
        var closed = (await dispatch.Issues.GetAsync(id, dispatch.Actor))!;
        (closed.Status, closed.RespondedInTime).ShouldBe((IssueStatus.Closed, true));
        closed.Steps.Select(s => s.Kind).ShouldBe([IssueStepKind.Raised, IssueStepKind.Assigned, IssueStepKind.Accepted, IssueStepKind.Solved, IssueStepKind.Confirmed, IssueStepKind.Closed]);
        closed.Steps.Select(s => s.By).ShouldBe(["马辉", "马辉", "高峰", "高峰", "马辉", "孙伟"]);

        // The audit trail has the changes.
        await using var db = database.CreateContext();
        (await db.AuditLogs.CountAsync(a => a.EntityType == nameof(ProjectIssue) && a.EntityId == id.ToString())).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_overdue_problem_is_taken_up_to_the_headquarters_once_by_the_daily_check(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var crec = await ProjectAsync(database, "中国中铁吉林区域总部基地");
        await using var dispatch = await AsAsync(database, "dispatch");
        // Raised 2026-10-01 with the 征收 default of 15 days: due 10-16, 37 days overdue on 11-22 (the test clock).
        var late = await dispatch.Issues.RaiseAsync(new RaiseIssueInput(crec, "人民大街下穿隧道征收", "剩余 2 户未签约。", IssueCategory.Expropriation,
            RaisedOn: new DateOnly(2026, 10, 1)), dispatch.Actor);
        var recent = await dispatch.Issues.RaiseAsync(new RaiseIssueInput(crec, "塔楼地块净地交付", "地上附着物待清理。", IssueCategory.Expropriation,
            RaisedOn: new DateOnly(2026, 11, 20)), dispatch.Actor);

        await using (var system = database.CreateContext())
        {
            var service = new ProjectIssueAppService(system, new InvestmentCrm.Authorization.DataScope(system, new SystemUser()), new TestClock());
            (await service.EscalateOverdueAsync()).ShouldBe(1, "the 四塔 problem of the demo was taken up already");
            (await service.EscalateOverdueAsync()).ShouldBe(0);
        }
        var escalated = (await dispatch.Issues.GetAsync(late, dispatch.Actor))!;
        (escalated.EscalatedTo, escalated.EscalatedAutomatically, escalated.EscalatedOn, escalated.OverdueDays)
            .ShouldBe((EscalationLevel.Headquarters, true, new DateOnly(2026, 11, 22), 37));
        escalated.Steps[^1].Note.ShouldBe("上提至项目建设指挥部：逾期 37 天，系统自动上提");
        (await dispatch.Issues.GetAsync(recent, dispatch.Actor))!.EscalatedTo.ShouldBeNull();
        (await dispatch.Issues.ListAsync(new IssueListQuery(IssueListFilter.Escalated))).Items.Select(i => i.Title)
            .ShouldBe(["“四塔”地标区域征收难点", "人民大街下穿隧道征收"], ignoreOrder: true);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_input_is_refused_in_Chinese_and_nothing_is_saved(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var huawei = await ProjectAsync(database, "华为吉林区域总部");
        await using var secretary = await AsAsync(database, "mahui");
        int before;
        await using (var all = database.CreateContext())
            before = await all.ProjectIssues.CountAsync();

        (await Should.ThrowAsync<DomainException>(() => secretary.Issues.RaiseAsync(new RaiseIssueInput(huawei, "管网", "管网配套", null), secretary.Actor)))
            .Message.ShouldBe("请选择问题类别（可按系统建议确认）。");
        (await Should.ThrowAsync<DomainException>(() => secretary.Issues.RaiseAsync(new RaiseIssueInput(huawei, "管网", "市政管网配套", IssueCategory.Factors), secretary.Actor)))
            .Message.ShouldBe("“要素保障”类问题没有对应的保障专班，请指定责任职能部门。");
        (await Should.ThrowAsync<DomainException>(() => secretary.Issues.RaiseAsync(new RaiseIssueInput(huawei, "手续", "规划许可", IssueCategory.Procedures,
            DueOn: new DateOnly(2026, 11, 1), RaisedOn: new DateOnly(2026, 11, 10)), secretary.Actor))).Message.ShouldContain("早于提出日期");
        await Should.ThrowAsync<NotFoundException>(() => secretary.Issues.RaiseAsync(new RaiseIssueInput(Guid.NewGuid(), "手续", "规划许可", IssueCategory.Procedures), secretary.Actor));
        (await Should.ThrowAsync<DomainException>(() => secretary.Issues.RaiseAsync(new RaiseIssueInput(huawei, "手续", "规划许可", IssueCategory.Procedures,
            DepartmentId: Guid.NewGuid()), secretary.Actor))).Message.ShouldBe("所选责任单位不存在或已停用。");

        await using var db = database.CreateContext();
        (await db.ProjectIssues.CountAsync()).ShouldBe(before);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_statistics_count_the_records(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var dispatch = await TestUser.LoadAsync(db, "dispatch");
        var statistics = await new IssueStatisticsAppService(db, TestScopes.Resolved(db, dispatch), new TestClock()).GetAsync(2022);

        var records = await db.ProjectIssues.AsNoTracking().Where(i => i.RaisedOn.Year == 2022).ToListAsync();
        statistics.Total.Raised.ShouldBe(records.Count);
        statistics.Total.Raised.ShouldBe(4, "土地划转, 农转征, 方案设计与临舍, 市政管网");
        statistics.ByCategory.Single(c => c.Category == IssueCategory.Procedures).Raised.ShouldBe(records.Count(r => r.Category == IssueCategory.Procedures));
        statistics.ByCategory.Single(c => c.Category == IssueCategory.Factors).Done.ShouldBe(1);
        (statistics.Total.Done, statistics.Total.DoneRatePercent).ShouldBe((4, 100m));
        // First responses of 1, 1, 1 and 4 days; solved after 92, 146, 28 and 79 days.
        (statistics.FirstResponse.MedianDays, statistics.FirstResponse.P90Days, statistics.RespondedInTimePercent).ShouldBe((1m, 4m, 75m));
        (statistics.Solve.MedianDays, statistics.Solve.P90Days).ShouldBe((85.5m, 146m));
        statistics.ByUnit.Single(u => u.Label == "手续保障专班").Raised.ShouldBe(3);

        var now = await new IssueStatisticsAppService(db, TestScopes.Resolved(db, dispatch), new TestClock()).GetAsync(2026);
        (now.Total.Raised, now.Total.Open, now.Total.Overdue, now.Total.AwaitingConfirmation).ShouldBe((3, 2, 1, 1));
    }
}
