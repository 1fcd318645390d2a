using InvestmentCrm.Authorization;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Companies;
using InvestmentCrm.EntityFrameworkCore.Storage;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Authorization;

/// <summary>
/// Every application-service operation that takes the id of a scoped record — project, company, contract (through its
/// project), tranche, attachment, milestone, activity (a visit's company), appraisal subject — refuses an id outside the
/// reader's data scope exactly as an id that does not exist: not found (null or false, or NotFoundException), nothing
/// read, nothing written. The data scope is the DbContext's query filter (docs/security.md), so an operation cannot
/// forget it. Targets are not data-scoped: they are set district-wide by whoever holds 指标管理 (Targets.Manage).
/// </summary>
public class OutOfScopeIdTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_out_of_scope_id_is_not_found_for_every_read_and_write(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var hidden = await OutOfScopeRecords.CreateAsync(database, "officer");
        var hiddenIssue = await HiddenIssueAsync(database, hidden.Project);
        var before = await StateAsync(database, hidden);

        var officer = await UserAsync(database, "officer");
        await using var db = database.CreateContext(user: officer);
        var scope = TestScopes.Resolved(db, officer);
        var clock = new TestClock();
        var projects = new ProjectAppService(db, scope);
        var activities = new ActivityAppService(db, scope, officer, clock);
        var pipeline = new PipelineAppService(db, scope, officer, clock, activities);
        var construction = new ConstructionAppService(db, scope, officer, clock);
        var attachments = new AttachmentAppService(db, scope, new FolderAttachmentStore(Path.Combine(Path.GetTempPath(), "crm-scope-" + Guid.NewGuid().ToString("N"))), new AttachmentOptions());
        var companies = new CompanyAppService(db, scope, new DatabaseCompanySearch(db, scope), clock);
        var issues = new InvestmentCrm.ProjectIssues.ProjectIssueAppService(db, scope, clock);
        var green = new InvestmentCrm.ProjectIssues.GreenChannelAppService(db, scope, clock);
        var actor = new InvestmentCrm.ProjectIssues.IssueActor(officer.UserId!.Value, officer.DepartmentId, true, false, false);
        var stamp = before.ProjectStamp;
        var hiddenVisit = hidden.Visit;
        var day = new DateOnly(2026, 7, 1);

        // Every operation that takes a scoped record's id, with the out-of-scope id.
        (string Operation, Func<Task<object?>> Run)[] operations =
        [
            ("ProjectAppService.GetAsync(project)", async () => await projects.GetAsync(hidden.Project)),
            ("ProjectAppService.UpdateAsync(project)", async () => Found(await projects.UpdateAsync(hidden.Project, new ProjectUpdateDto("改名", ProjectType.Industrial, "金融业/银行", null, null, 1m, stamp, 0m, "USD", false, null)))),
            ("ProjectAppService.DeleteAsync(project)", async () => Found(await projects.DeleteAsync(hidden.Project))),
            ("PipelineAppService.GetAsync(project)", async () => await pipeline.GetAsync(hidden.Project)),
            ("PipelineAppService.LogVisitAsync(project)", async () => await pipeline.LogVisitAsync(hidden.Project, new VisitInput(day, ActivityType.Negotiation, null, "洽谈", null, null, null))),
            ("PipelineAppService.AddContractAsync(project)", async () => await pipeline.AddContractAsync(hidden.Project, new ContractInput(ContractKind.FormalInvestment, "HT-SCOPE-1", day, "甲乙", 1m, 0m, "USD", null))),
            ("PipelineAppService.AddLandingEvidenceAsync(project)", async () => Found(await pipeline.AddLandingEvidenceAsync(hidden.Project, new LandingInput(LandingEvidenceKind.BusinessLicence, day, "X-1", null)))),
            ("PipelineAppService.AddTrancheAsync(project)", async () => await pipeline.AddTrancheAsync(hidden.Project, new TrancheInput(day, 5m, "CNY", CapitalSource.Domestic, FundsForm.Loan, null))),
            ("PipelineAppService.VerifyTrancheAsync(tranche)", async () => Found(await pipeline.VerifyTrancheAsync(hidden.Tranche, false, "退回"))),
            ("PipelineAppService.LinkCompanyAsync(project)", async () => Found(await pipeline.LinkCompanyAsync(hidden.Project, hidden.OwnCompany, ProjectCompanyRole.Investor))),
            ("PipelineAppService.ResponsibilityAsync(project)", async () => await pipeline.ResponsibilityAsync(hidden.Project)),
            ("PipelineAppService.SetResponsibilityAsync(project)", async () => Found(await pipeline.SetResponsibilityAsync(hidden.Project, new ResponsibilityInput(null, null, null, null, null, null, [])))),
            ("ConstructionAppService.GetAsync(project)", async () => await construction.GetAsync(hidden.Project)),
            ("ConstructionAppService.RecordAsync(project)", async () => await construction.RecordAsync(hidden.Project, new ConstructionEventInput(ConstructionEventKind.Started, day, "建字第 1 号", null))),
            ("ConstructionAppService.WithdrawAsync(project)", async () => Found(await construction.WithdrawAsync(hidden.Project, Guid.NewGuid(), "误登"))),
            ("ConstructionAppService.ChangePhaseAsync(project)", async () => Found(await construction.ChangePhaseAsync(hidden.Project, new DispatchPhaseInput(DispatchPhase.PreApproval, day, null), true))),
            ("ConstructionAppService.RecordInvestmentAsync(project)", async () => Found(await construction.RecordInvestmentAsync(hidden.Project, new InvestmentInput(2026, 5, 100m, null)))),
            ("ConstructionAppService.AddApprovalAsync(project)", async () => await construction.AddApprovalAsync(hidden.Project, new ApprovalInput(ApprovalKind.PlanningPermit, null, day, "规 1"))),
            ("PipelineAppService.AddMilestoneAsync(project)", async () => Found(await pipeline.AddMilestoneAsync(hidden.Project, DispatchPhase.Construction, "开工", day))),
            ("PipelineAppService.CompleteMilestoneAsync(project, milestone)", async () => Found(await pipeline.CompleteMilestoneAsync(hidden.Project, hidden.Milestone, day))),
            ("PipelineAppService.MilestonesAsync(project)", async () => await pipeline.MilestonesAsync(hidden.Project)),
            ("PipelineAppService.EvidenceAsync(project)", async () => await pipeline.EvidenceAsync(hidden.Project, day)),
            ("PipelineAppService.MoveStageAsync(project)", async () => Found(await pipeline.MoveStageAsync(hidden.Project, new StageMoveInput(ProjectStage.Terminated, day, "测试"), true))),
            ("ActivityAppService.LogCompanyVisitAsync(company)", async () => await activities.LogCompanyVisitAsync(hidden.Company, new VisitInput(day, ActivityType.DoorKnocking, null, "叩门拜访", null, null, null))),
            ("ActivityAppService.CompleteFollowUpAsync(activity)", async () => Found(await activities.CompleteFollowUpAsync(hiddenVisit, new FollowUpCompletionInput(day, "已办")))),
            ("ActivityAppService.ReopenFollowUpAsync(activity)", async () => Found(await activities.ReopenFollowUpAsync(hiddenVisit))),
            ("ActivityAppService.CorrectVisitAsync(activity)", async () => Found(await activities.CorrectVisitAsync(hiddenVisit,
                new VisitCorrectionInput(new VisitInput(day, ActivityType.Negotiation, null, "改", null, null, null), "更正")))),
            ("ActivityAppService.WithdrawVisitAsync(activity)", async () => Found(await activities.WithdrawVisitAsync(hiddenVisit, "撤回"))),
            ("PipelineAppService.CorrectTrancheAsync(tranche)", async () => Found(await pipeline.CorrectTrancheAsync(hidden.Tranche,
                new TrancheCorrectionInput(new TrancheInput(day, 5m, "CNY", CapitalSource.Domestic, FundsForm.Loan, null), "更正")))),
            ("PipelineAppService.WithdrawTrancheAsync(tranche)", async () => Found(await pipeline.WithdrawTrancheAsync(hidden.Tranche, "撤回"))),
            ("PipelineAppService.WithdrawTrancheDecisionAsync(tranche)", async () => Found(await pipeline.WithdrawTrancheDecisionAsync(hidden.Tranche, "撤销"))),
            ("PipelineAppService.CorrectMilestoneAsync(project, milestone)", async () => Found(await pipeline.CorrectMilestoneAsync(hidden.Project, hidden.Milestone,
                new MilestoneCorrectionInput(DispatchPhase.Construction, "开工", day, null, "更正")))),
            ("PipelineAppService.WithdrawMilestoneAsync(project, milestone)", async () => Found(await pipeline.WithdrawMilestoneAsync(hidden.Project, hidden.Milestone, "撤回"))),
            ("PipelineAppService.WithdrawLandingEvidenceAsync(project)", async () => Found(await pipeline.WithdrawLandingEvidenceAsync(hidden.Project, Guid.NewGuid(), "撤回"))),
            ("AttachmentAppService.ListAsync(project)", async () => await attachments.ListAsync(hidden.Project)),
            ("AttachmentAppService.UploadAsync(project)", async () => await attachments.UploadAsync(hidden.Project, AttachmentCategory.Other, "a.pdf", 5, new MemoryStream("%PDF-"u8.ToArray()))),
            ("AttachmentAppService.OpenAsync(attachment)", async () => await attachments.OpenAsync(hidden.Attachment)),
            ("ProjectIssueAppService.RaiseAsync(project)", () => Missing(() => issues.RaiseAsync(new InvestmentCrm.ProjectIssues.RaiseIssueInput(hidden.Project, "手续", "规划许可",
                InvestmentCrm.ProjectIssues.IssueCategory.Procedures), actor))),
            ("ProjectIssueAppService.GetAsync(issue)", async () => await issues.GetAsync(hiddenIssue, actor)),
            ("ProjectIssueAppService.ActAsync(issue)", () => Missing(() => issues.ActAsync(hiddenIssue, new InvestmentCrm.ProjectIssues.IssueActionInput(
                InvestmentCrm.ProjectIssues.IssueAction.Progress, Note: "进展"), actor))),
            ("GreenChannelAppService.GetAsync(project)", async () => await green.GetAsync(hidden.Project)),
            ("GreenChannelAppService.AddAsync(project)", async () => await green.AddAsync(hidden.Project, new InvestmentCrm.ProjectIssues.GreenChannelServiceInput(
                InvestmentCrm.ProjectIssues.GreenChannelItem.Agency, "代办", officer.DepartmentId!.Value, day, day))),
            ("GreenChannelAppService.CompleteAsync(project)", async () => Found(await green.CompleteAsync(hidden.Project, Guid.NewGuid(), new InvestmentCrm.ProjectIssues.GreenChannelDoneInput(day, null)))),
            ("CompanyAppService.GetAsync(company)", async () => await companies.GetAsync(hidden.Company)),
            ("CompanyAppService.MergedIntoAsync(company)", async () => await companies.MergedIntoAsync(hidden.Company)),
            ("CompanyAppService.UpdateAsync(company)", async () => Found(await companies.UpdateAsync(hidden.Company, new CompanyInput("改名有限公司", null, CompanyNature.Private, CompanyKind.Enterprise, null, null, null, false)))),
            ("CompanyAppService.AddContactAsync(company)", async () => await companies.AddContactAsync(hidden.Company, "张三", null, "13800000000", null)),
            ("CompanyAppService.RemoveContactAsync(company)", async () => Found(await companies.RemoveContactAsync(hidden.Company, Guid.NewGuid()))),
            ("CompanyAppService.BlacklistAsync(company)", async () => Found(await companies.BlacklistAsync(hidden.Company, "测试"))),
            ("CompanyAppService.RemoveFromBlacklistAsync(company)", async () => Found(await companies.RemoveFromBlacklistAsync(hidden.Company))),
            ("CompanyAppService.DeleteAsync(company)", async () => Found(await companies.DeleteAsync(hidden.Company))),
            ("CompanyAppService.MergeAsync(own, company)", async () => Found(await companies.MergeAsync(hidden.OwnCompany, hidden.Company))),
            ("CompanyAppService.MergeAsync(company, own)", async () => Found(await companies.MergeAsync(hidden.Company, hidden.OwnCompany))),
        ];
        foreach (var (operation, run) in operations)
            (await run()).ShouldBeNull($"{operation} must answer “not found” for an id outside the scope");

        // Ids of hidden records passed inside the input are refused too: a visit or a project link naming a hidden company.
        (await Should.ThrowAsync<InvestmentCrm.Common.DomainException>(() => pipeline.LogVisitAsync(hidden.OwnProject, new VisitInput(day, ActivityType.Negotiation, hidden.Company, "洽谈", null, null, null))))
            .Message.ShouldContain("不在您的查看范围内");
        (await Should.ThrowAsync<InvestmentCrm.Common.DomainException>(() => pipeline.LinkCompanyAsync(hidden.OwnProject, hidden.Company, ProjectCompanyRole.Investor)))
            .Message.ShouldContain("不在您的查看范围内");

        (await StateAsync(database, hidden)).ShouldBe(before, "nothing was written");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_hidden_records_exist_and_the_reader_reaches_their_own(string provider)
    {
        // The first test would pass vacuously if the ids named nothing: here the same operations succeed for a reader
        // with 全部 and the officer's own records are found.
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var hidden = await OutOfScopeRecords.CreateAsync(database, "officer");
        var leader = await UserAsync(database, "leader");
        await using var db = database.CreateContext(user: leader);
        var scope = TestScopes.Resolved(db, leader);
        var pipeline = new PipelineAppService(db, scope, leader, new TestClock(), new ActivityAppService(db, scope, leader, new TestClock()));
        (await new ProjectAppService(db, scope).GetAsync(hidden.Project)).ShouldNotBeNull();
        (await pipeline.MilestonesAsync(hidden.Project))!.ShouldContain(m => m.Id == hidden.Milestone);
        (await new CompanyAppService(db, scope, new DatabaseCompanySearch(db, scope), new TestClock()).GetAsync(hidden.Company)).ShouldNotBeNull();
        (await db.FundsTranches.AnyAsync(t => t.Id == hidden.Tranche)).ShouldBeTrue();
        (await db.Attachments.AnyAsync(a => a.Id == hidden.Attachment)).ShouldBeTrue();

        var officer = await UserAsync(database, "officer");
        await using var own = database.CreateContext(user: officer);
        var ownScope = TestScopes.Resolved(own, officer);
        (await new ProjectAppService(own, ownScope).GetAsync(hidden.OwnProject)).ShouldNotBeNull();
        (await own.Companies.AnyAsync(c => c.Id == hidden.OwnCompany)).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_direct_read_of_a_business_set_is_scoped_by_default_and_leaving_it_is_explicit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var hidden = await OutOfScopeRecords.CreateAsync(database, "officer");
        var officer = await UserAsync(database, "officer");

        // Before the scope is resolved a person's context sees nothing (default deny) …
        await using (var unresolved = database.CreateContext(user: officer))
        {
            (await unresolved.Projects.CountAsync()).ShouldBe(0);
            (await unresolved.Companies.CountAsync()).ShouldBe(0);
        }

        // … and after it, every business set is filtered without the code asking for it.
        await using var db = database.CreateContext(user: officer);
        TestScopes.Resolved(db, officer);
        (await db.Projects.AnyAsync(p => p.Id == hidden.Project)).ShouldBeFalse();
        (await db.Companies.AnyAsync(c => c.Id == hidden.Company)).ShouldBeFalse();
        (await db.FundsTranches.AnyAsync(t => t.Id == hidden.Tranche)).ShouldBeFalse();
        (await db.Attachments.AnyAsync(a => a.Id == hidden.Attachment)).ShouldBeFalse();
        (await db.Contracts.AnyAsync(c => c.ProjectId == hidden.Project)).ShouldBeFalse();
        (await db.Activities.AnyAsync(a => a.ProjectId == hidden.Project)).ShouldBeFalse();
        (await db.Projects.AnyAsync(p => p.Id == hidden.OwnProject)).ShouldBeTrue();

        // The one way out, for district-wide checks.
        (await db.Unscoped.Projects.AnyAsync(p => p.Id == hidden.Project)).ShouldBeTrue();
        (await db.Unscoped.Companies.AnyAsync(c => c.Id == hidden.Company)).ShouldBeTrue();
        (await db.Unscoped.FundsTranches.AnyAsync(t => t.Id == hidden.Tranche)).ShouldBeTrue();
        (await db.Unscoped.Attachments.AnyAsync(a => a.Id == hidden.Attachment)).ShouldBeTrue();
    }

    /// <summary>Operations that throw NotFoundException for “not found”, as null like the others.</summary>
    private static async Task<object?> Missing(Func<Task> run)
    {
        try
        {
            await run();
            return true;
        }
        catch (InvestmentCrm.Common.NotFoundException)
        {
            return null;
        }
    }

    /// <summary>A problem of the hidden project, routed to a unit outside the officer's scope (手续保障专班).</summary>
    private static async Task<Guid> HiddenIssueAsync(TestDatabase database, Guid project)
    {
        await using var db = database.CreateContext();
        var unit = await db.Departments.Where(d => d.Code == "NG-ZB-SX").Select(d => d.Id).SingleAsync();
        var raiser = await db.Users.Where(u => u.UserName == "dispatch").Select(u => u.Id).SingleAsync();
        var today = new DateOnly(2026, 11, 22);
        var issue = new InvestmentCrm.ProjectIssues.ProjectIssue(project, "范围外的问题", "范围外", InvestmentCrm.ProjectIssues.IssueCategory.Procedures, null,
            InvestmentCrm.ProjectIssues.IssueRaiserRole.DispatchOffice, false, today, new InvestmentCrm.ProjectIssues.IssueRoute(unit, today, today.AddDays(10)), raiser,
            TestClock.Default.UtcDateTime, today);
        issue.Accept(today, raiser, TestClock.Default.UtcDateTime, null);
        db.ProjectIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    /// <summary>Operations that answer false for “not found”, as null like the others.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "the operations' results are compared as objects")]
    private static object? Found(bool found) => found ? true : null;

    private static async Task<TestUser> UserAsync(TestDatabase database, string userName)
    {
        await using var db = database.CreateContext();
        return await TestUser.LoadAsync(db, userName);
    }

    /// <summary>What the operations could have changed, read district-wide.</summary>
    private sealed record State(Guid ProjectStamp, ProjectStage Stage, DispatchPhase? DispatchPhase, Guid CompanyStamp, bool IsBlacklisted, int Contacts,
        VerificationStatus Tranche, DateOnly? Milestone, int Contracts, int Tranches, int Activities, int Attachments, int Milestones, int Companies, int Audit);

    private static async Task<State> StateAsync(TestDatabase database, OutOfScopeRecords hidden)
    {
        await using var db = database.CreateContext();
        var project = await db.Projects.Where(p => p.Id == hidden.Project).Select(p => new { p.ConcurrencyStamp, p.Stage, p.DispatchPhase }).SingleAsync();
        var company = await db.Companies.Where(c => c.Id == hidden.Company).Select(c => new { c.ConcurrencyStamp, c.IsBlacklisted, Contacts = c.Contacts.Count }).SingleAsync();
        return new State(project.ConcurrencyStamp, project.Stage, project.DispatchPhase, company.ConcurrencyStamp, company.IsBlacklisted, company.Contacts,
            await db.FundsTranches.Where(t => t.Id == hidden.Tranche).Select(t => t.Verification).SingleAsync(),
            await db.ProjectMilestones.Where(m => m.Id == hidden.Milestone).Select(m => m.ActualDate).SingleAsync(),
            await db.Contracts.CountAsync(), await db.FundsTranches.CountAsync(), await db.Activities.CountAsync(), await db.Attachments.CountAsync(),
            await db.ProjectMilestones.CountAsync(), await db.Companies.CountAsync(), await db.AuditLogs.CountAsync());
    }
}
