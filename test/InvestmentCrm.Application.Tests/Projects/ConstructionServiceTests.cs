using InvestmentCrm.Application.Tests.Figures;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Projects;

/// <summary>Issue 17: a project's construction recorded through the service and read back from the database, as of dates.</summary>
public class ConstructionServiceTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Landed_then_two_approvals_then_started_in_2022_reads_as_started_in_2022_and_not_in_2021(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        Guid projectId;
        await using (var setup = database.CreateContext())
        {
            var scenario = new FigureScenario(setup);
            var project = await scenario.SignedAsync("NG-SWJ", new DateOnly(2021, 10, 15), 8m);
            await scenario.LandAsync(project, new DateOnly(2022, 3, 1));
            projectId = project.Id;
        }

        var head = await TestUser.LoadAsync(database.CreateContext(), "head");
        await using (var db = database.CreateContext(user: head))
        {
            var service = new ConstructionAppService(db, TestScopes.Resolved(db, head), head, new TestClock());
            (await service.ChangePhaseAsync(projectId, new DispatchPhaseInput(DispatchPhase.PreApproval, new DateOnly(2022, 3, 10), null), canOverride: false)).ShouldBeTrue();
            await service.AddApprovalAsync(projectId, new ApprovalInput(ApprovalKind.DesignScheme, null, new DateOnly(2022, 3, 28), "方案审查 2022-031"));
            await service.AddApprovalAsync(projectId, new ApprovalInput(ApprovalKind.ConstructionPermit, null, new DateOnly(2022, 4, 26), "220102202204260101"));
            (await Should.ThrowAsync<DomainException>(() => service.RecordAsync(projectId, new ConstructionEventInput(ConstructionEventKind.Started, new DateOnly(2022, 5, 1), null, null))))
                .Message.ShouldContain("施工许可证号或开工报告");
            (await service.RecordAsync(projectId, new ConstructionEventInput(ConstructionEventKind.Started, new DateOnly(2022, 5, 1), "220102202204260101", null))).ShouldNotBeNull();
        }

        await using var read = database.CreateContext(user: head);
        var reader = new ConstructionAppService(read, TestScopes.Resolved(read, head), head, new TestClock());
        var in2022 = (await reader.GetAsync(projectId, new DateOnly(2022, 12, 31)))!;
        (in2022.Status, in2022.StartedOn, in2022.Phase).ShouldBe((ConstructionStatus.UnderConstruction, new DateOnly(2022, 5, 1), DispatchPhase.Construction));
        in2022.Approvals.Select(a => a.Name).ShouldBe(["方案设计", "施工许可"]);
        in2022.Phases.Select(p => (p.From, p.To)).ShouldBe([(null, DispatchPhase.Landing), (DispatchPhase.Landing, DispatchPhase.PreApproval), (DispatchPhase.PreApproval, DispatchPhase.Construction)]);
        var in2021 = (await reader.GetAsync(projectId, new DateOnly(2021, 12, 31)))!;
        (in2021.Status, in2021.StartedOn).ShouldBe((ConstructionStatus.NotStarted, null));

        var events = await read.Projects.Where(p => p.Id == projectId).SelectMany(p => p.ConstructionEvents).ToListAsync();
        ConstructionRules.YearRole(events, 2022, new DateOnly(2022, 12, 31)).ShouldBe(ConstructionYearRole.NewStart);
        ConstructionRules.YearRole(events, 2021, new DateOnly(2021, 12, 31)).ShouldBe(ConstructionYearRole.None);
        var eventId = events.Single().Id.ToString();
        (await read.AuditLogs.CountAsync(a => a.EntityType == nameof(ConstructionEvent) && a.EntityId == eventId)).ShouldBe(1);
    }
}
