using InvestmentCrm.Application.Tests.Figures;
using InvestmentCrm.Appraisal;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Appraisal;

/// <summary>Runs on the demo data in 2030 (a year the demo never touches), so every credit is one the test made.</summary>
public class AppraisalTests
{
    private static async Task<AppraisalAppService> ServiceAsync(CrmDbContext db, string userName)
    {
        var user = await TestUser.LoadAsync(db, userName);
        var scope = TestScopes.Resolved(db, user);
        var clock = new TestClock();
        return new AppraisalAppService(db, scope, user, clock, new FiguresEngine(db, scope, clock));
    }

    /// <summary>商务局's project with contributors 陈静 50 %, 刘洋 20 %, 周婷 30 % and 2 亿元 of verified 内资 in 2030.</summary>
    private static async Task<(Project Project, FundsTranche Tranche, Guid Officer, Guid Head, Guid Zhouting)> SharedProjectAsync(CrmDbContext db)
    {
        var scenario = new FigureScenario(db);
        var (officer, head, zhouting) = (await scenario.UserAsync("officer"), await scenario.UserAsync("head"), await scenario.UserAsync("zhouting"));
        var project = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(2, 1), 2m);
        project.SetContributors([(officer, ContributorRole.FirstNegotiator, 50m), (head, ContributorRole.Introducer, 20m), (zhouting, ContributorRole.LandingService, 30m)]);
        var tranche = await scenario.ArriveAsync(project, FigureScenario.On(3, 1), Money.YiYuan(2m));
        return (project, tranche, officer, head, zhouting);
    }

    private static async Task<Guid> PublishedAsync(AppraisalAppService service, params AppraisalItemSpec[] items)
    {
        var id = await service.CreateRuleSetAsync(FigureScenario.Year, "2030年度招商引资考核办法");
        foreach (var item in items)
            await service.AddItemAsync(id, item);
        await service.PublishAsync(id);
        return id;
    }

    private static decimal Points(SubjectDetailDto detail, string item) => detail.Lines.Single(l => l.ItemName == item).Points;

    [Theory, OnSqlite, OnPostgres]
    public async Task Contributors_are_credited_by_weight_and_the_lead_department_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var (_, _, officer, head, zhouting) = await SharedProjectAsync(db);
        var commerce = await new FigureScenario(db).DepartmentAsync("NG-SWJ");
        var service = await ServiceAsync(db, "assessor");
        var rules = await PublishedAsync(service,
            new AppraisalItemSpec(AppraisalSubject.Person, "个人利用内资", AppraisalMetric.DomesticFunds, 10m, FixedTarget: 1m),
            new AppraisalItemSpec(AppraisalSubject.Department, "部门利用内资", AppraisalMetric.DomesticFunds, 10m, FixedTarget: 4m));

        var run = await service.CreateRunAsync(rules, FigureScenario.On(12, 31));

        async Task<decimal?> CreditedAsync(AppraisalSubject subject, Guid id) =>
            (await service.GetSubjectAsync(run, subject, id, mayReadOthers: true)).Lines.Single().Value;
        (await CreditedAsync(AppraisalSubject.Person, officer)).ShouldBe(1.0m);
        (await CreditedAsync(AppraisalSubject.Person, head)).ShouldBe(0.4m);
        (await CreditedAsync(AppraisalSubject.Person, zhouting)).ShouldBe(0.6m);
        var department = await service.GetSubjectAsync(run, AppraisalSubject.Department, commerce, mayReadOthers: true);
        department.Lines.Single().Value.ShouldBe(2m); // exactly once, not once per contributor
        department.Lines.Single().Evidence.ShouldHaveSingleItem().Credit.ShouldBe(2m);
        Points(department, "部门利用内资").ShouldBe(5m); // 10 × 2 ÷ 4
        // The district root is not scored; 商务局 has no parent department below the district, so it appears once.
        (await service.GetRunAsync(run)).Departments.Count(d => d.SubjectId == commerce).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Caps_thresholds_bonuses_deductions_and_exclusions_give_the_expected_points(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var (project, _, officer, _, _) = await SharedProjectAsync(db);
        // A second project of 陈静 alone, 12 亿元 — a 大项目 with a 世界500强 investor; and a real-estate project that is 不予认定.
        var large = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(4, 1), 12m);
        large.SetContributors([(officer, ContributorRole.FirstNegotiator, 100m)]);
        var huawei = await db.Companies.SingleAsync(c => c.Name == "华为技术有限公司");
        large.AddCompany(huawei.Id, ProjectCompanyRole.Investor);
        await scenario.ArriveAsync(large, FigureScenario.On(5, 1), Money.YiYuan(12m));
        var estate = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(4, 2), 5m);
        estate.Industry = "房地产（含建筑业）/住房租赁";
        estate.SetContributors([(officer, ContributorRole.FirstNegotiator, 100m)]);
        await scenario.ArriveAsync(estate, FigureScenario.On(5, 2), Money.YiYuan(5m));
        // A key project whose construction was due in June and has not started; a tranche rejected as false.
        project.AddMilestone(DispatchPhase.Construction, "开工建设", FigureScenario.On(6, 30));
        project.SetYearFlag(FigureScenario.Year, isKeyProject: true, isContinuing: false);
        var rejected = await scenario.ArriveAsync(project, FigureScenario.On(7, 1), Money.YiYuan(1m), verified: false);
        rejected.Reject(await scenario.UserAsync("assessor"), FigureScenario.On(7, 10), "虚报：银行进账单与合同主体不符");
        await db.SaveChangesAsync();
        db.Targets.Add(new Target(MetricCode.DomesticFunds, PeriodKind.Year, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), TargetScope.Person, 10m, "亿元") { UserId = officer });
        await db.SaveChangesAsync();

        var service = await ServiceAsync(db, "assessor");
        var id = await service.CreateRuleSetAsync(FigureScenario.Year, "2030年度招商引资考核办法");
        await service.SetExclusionsAsync(id, "房地产", governmentInvestment: true, minimumProjectYi: null, localOrigin: null);
        foreach (var item in new[]
                 {
                     new AppraisalItemSpec(AppraisalSubject.Person, "利用内资", AppraisalMetric.DomesticFunds, 40m, CapPercent: 120m),
                     new AppraisalItemSpec(AppraisalSubject.Person, "签约达标", AppraisalMetric.SignedCount, 10m, ScoringFunction.Threshold, ThresholdPercent: 100m, FixedTarget: 2m),
                     new AppraisalItemSpec(AppraisalSubject.Person, "十亿元以上项目", AppraisalMetric.LargeProject, 5m, Parameter: 10m),
                     new AppraisalItemSpec(AppraisalSubject.Person, "世界500强", AppraisalMetric.Fortune500Investor, 3m),
                     new AppraisalItemSpec(AppraisalSubject.Person, "重点项目未按期开工", AppraisalMetric.KeyProjectNotStarted, 4m),
                     new AppraisalItemSpec(AppraisalSubject.Person, "资金核减", AppraisalMetric.RejectedTranche, 2m, MaxPoints: 5m),
                 })
            await service.AddItemAsync(id, item);
        await service.PublishAsync(id);

        var run = await service.CreateRunAsync(id, FigureScenario.On(12, 31));
        var mine = await service.GetSubjectAsync(run, AppraisalSubject.Person, officer, mayReadOthers: true);

        // 内资: 1.0 (50 % of 2) + 12 = 13 亿元 of a 10 亿元 target = 130 %, capped at 120 % → 40 × 1.2 = 48; the 5 亿元 real estate is excluded.
        mine.Lines.Single(l => l.ItemName == "利用内资").Value.ShouldBe(13m);
        Points(mine, "利用内资").ShouldBe(48m);
        // Signings: 0.5 + 1 = 1.5 of 2 → below the 100 % threshold → 0.
        Points(mine, "签约达标").ShouldBe(0m);
        Points(mine, "十亿元以上项目").ShouldBe(5m);
        Points(mine, "世界500强").ShouldBe(3m);
        Points(mine, "重点项目未按期开工").ShouldBe(-2m); // 50 % share of one project × 4
        Points(mine, "资金核减").ShouldBe(-1m);            // 50 % share of one tranche × 2
        mine.Total.ShouldBe(48m + 0m + 5m + 3m - 2m - 1m);
        (await service.GetRunAsync(run)).Exclusions.ShouldNotBeNull().ShouldContain("行业含“房地产”");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Blacklisting_an_intermediary_marks_its_projects_and_sends_the_funds_it_referred_to_review(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var (project, tranche, officer, _, _) = await SharedProjectAsync(db);
        var broker = new InvestmentCrm.Companies.Company("长春测试招商咨询有限公司", InvestmentCrm.Companies.CompanyNature.Private, kind: InvestmentCrm.Companies.CompanyKind.Intermediary);
        db.Companies.Add(broker);
        project.ReferrerCompanyId = broker.Id;
        await db.SaveChangesAsync();
        var service = await ServiceAsync(db, "assessor");
        var rules = await PublishedAsync(service, new AppraisalItemSpec(AppraisalSubject.Person, "个人利用内资", AppraisalMetric.DomesticFunds, 10m, FixedTarget: 1m));
        var run = await service.CreateRunAsync(rules, FigureScenario.On(12, 31));
        (await service.FundsToReviewAsync(run)).ShouldBeEmpty("nothing to review while the intermediary is in good standing");

        broker.Blacklist("虚报引荐项目", FigureScenario.On(6, 1));
        await db.SaveChangesAsync();

        // The 风险 mark: the project list, the project page and the drill-down.
        var assessor = await TestUser.LoadAsync(db, "assessor");
        var projects = new ProjectAppService(db, TestScopes.Resolved(db, assessor));
        (await projects.ListAsync(new ProjectListQuery(project.Name))).Items.Single().Risk.ShouldBe(ReferrerRisk.Note);
        (await projects.GetAsync(project.Id))!.Risk.ShouldBe($"{ReferrerRisk.Note}：长春测试招商咨询有限公司（虚报引荐项目）");
        var records = await FigureServices.For(db, assessor).Records.GetRecordsAsync(InvestmentCrm.Figures.Figure.DomesticFunds, InvestmentCrm.Figures.FigureScope.District,
            FigureScenario.Period, FigureScenario.On(12, 31));
        records.Records.Single(r => r.ProjectId == project.Id).Risk.ShouldBe(ReferrerRisk.Note);

        // Its funds wait for the assessor: no freeze before every flagged tranche is decided, with a reason.
        var flagged = (await service.FundsToReviewAsync(run)).ShouldHaveSingleItem();
        (flagged.TrancheId, flagged.Included).ShouldBe((tranche.Id, (bool?)null));
        (await Should.ThrowAsync<DomainException>(() => service.FreezeAsync(run, earlyConfirmed: true))).Message.ShouldContain("尚有 1 笔需人工复核的到位资金");
        (await Should.ThrowAsync<DomainException>(() => service.DecideFundsReviewAsync(run, tranche.Id, include: false, " "))).Message.ShouldBe("请填写复核理由。");
        await service.DecideFundsReviewAsync(run, tranche.Id, include: false, "经核实为中介虚报");

        var recomputed = await service.CreateRunAsync(rules, FigureScenario.On(12, 31));
        (await service.GetSubjectAsync(recomputed, AppraisalSubject.Person, officer, mayReadOthers: true)).Lines.Single().Value.ShouldBe(0m);
        (await service.FundsToReviewAsync(recomputed)).Single().ShouldSatisfyAllConditions(r => r.Included.ShouldBe(false), r => r.Reason.ShouldBe("经核实为中介虚报"));

        // Confirmed instead: it counts again, and the run can be frozen.
        await service.DecideFundsReviewAsync(recomputed, tranche.Id, include: true, "复核确认资金真实到位");
        var confirmed = await service.CreateRunAsync(rules, FigureScenario.On(12, 31));
        (await service.GetSubjectAsync(confirmed, AppraisalSubject.Person, officer, mayReadOthers: true)).Lines.Single().Value.ShouldBe(1m);
        await service.FreezeAsync(confirmed, earlyConfirmed: true);
        (await Should.ThrowAsync<DomainException>(() => service.DecideFundsReviewAsync(confirmed, tranche.Id, include: false, "改判"))).Message.ShouldContain("已冻结");

        // A terminated project carries no mark.
        project.MoveTo(ProjectStage.Terminated, FigureScenario.On(12, 1), TestClock.Default.UtcDateTime, null, "投资方撤资");
        await db.SaveChangesAsync();
        (await projects.GetAsync(project.Id))!.Risk.ShouldBeNull();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_frozen_run_does_not_change_when_a_tranche_is_rejected_later_and_the_new_run_shows_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var (_, tranche, officer, _, _) = await SharedProjectAsync(db);
        var service = await ServiceAsync(db, "assessor");
        var rules = await PublishedAsync(service, new AppraisalItemSpec(AppraisalSubject.Person, "个人利用内资", AppraisalMetric.DomesticFunds, 10m, FixedTarget: 1m));
        var frozen = await service.CreateRunAsync(rules, FigureScenario.On(12, 31));
        await service.FreezeAsync(frozen, earlyConfirmed: true); // 2030 has not ended on the test clock
        var before = await service.GetSubjectAsync(frozen, AppraisalSubject.Person, officer, mayReadOthers: true);
        before.Total.ShouldBe(10m);

        tranche.WithdrawDecision("复核发现重复申报");
        tranche.Reject(await new FigureScenario(db).UserAsync("assessor"), FigureScenario.On(12, 31), "复核发现重复申报");
        await db.SaveChangesAsync();

        (await service.GetSubjectAsync(frozen, AppraisalSubject.Person, officer, mayReadOthers: true)).ShouldBeEquivalentTo(before);
        await Should.ThrowAsync<DomainException>(() => service.DeleteRunAsync(frozen));
        var later = await service.CreateRunAsync(rules, FigureScenario.On(12, 31));
        var diff = (await service.GetRunAsync(later)).Diff.ShouldNotBeNull();
        diff.Frozen.Id.ShouldBe(frozen);
        var change = diff.Subjects.Single(s => s.SubjectId == officer);
        (change.Before, change.After).ShouldBe((10m, 0m));
        var record = change.Records.ShouldHaveSingleItem();
        record.RecordId.ShouldBe(tranche.Id);
        (record.Before, record.After).ShouldBe((1m, (decimal?)null));
        await Should.ThrowAsync<DomainException>(() => service.FreezeAsync(later, earlyConfirmed: true)); // one frozen result per year
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_published_rule_set_cannot_be_edited_only_versioned(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var service = await ServiceAsync(db, "assessor");
        var id = await PublishedAsync(service, new AppraisalItemSpec(AppraisalSubject.Person, "个人利用内资", AppraisalMetric.DomesticFunds, 10m));
        var item = (await service.GetRuleSetAsync(id)).Items.Single();

        var refused = await Should.ThrowAsync<DomainException>(() =>
            service.UpdateItemAsync(id, item.Id, item.Spec with { Points = 50m }));
        refused.Message.ShouldBe("考核口径“2030年度招商引资考核办法”第 1 版已发布，不能修改；请新建版本。");
        await Should.ThrowAsync<DomainException>(() => service.AddItemAsync(id, item.Spec));
        await Should.ThrowAsync<DomainException>(() => service.SetExclusionsAsync(id, "房地产", false, null, null));

        var next = await service.NewVersionAsync(id);
        await service.UpdateItemAsync(next, (await service.GetRuleSetAsync(next)).Items.Single().Id, item.Spec with { Points = 50m });
        await service.PublishAsync(next);
        (await service.GetRuleSetAsync(id)).Status.ShouldBe(RuleSetStatus.Superseded);
        (await service.GetRuleSetAsync(id)).Items.Single().Points.ShouldBe(10m);
        (await service.GetRuleSetAsync(next)).Version.ShouldBe(2);
        await Should.ThrowAsync<DomainException>(() => service.CreateRunAsync(id, FigureScenario.On(12, 31))); // superseded rules are not run
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_excel_export_parses_back_with_the_runs_totals_and_people_read_only_what_they_may(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var (_, _, officer, head, _) = await SharedProjectAsync(db);
        var service = await ServiceAsync(db, "assessor");
        var rules = await PublishedAsync(service,
            new AppraisalItemSpec(AppraisalSubject.Person, "个人利用内资", AppraisalMetric.DomesticFunds, 10m, FixedTarget: 1m),
            new AppraisalItemSpec(AppraisalSubject.Department, "部门利用内资", AppraisalMetric.DomesticFunds, 10m, FixedTarget: 4m));
        var runId = await service.CreateRunAsync(rules, FigureScenario.On(12, 31));
        var run = await service.GetRunAsync(runId);

        using var stream = new MemoryStream();
        await service.ExportRunAsync(runId, stream);
        var workbook = XlsxWorkbook.Read(stream.ToArray());
        workbook.SheetNames.ShouldBe(["汇总", "明细"]);
        workbook.FrozenRows().ShouldBe(1);
        var totals = workbook.Rows("汇总").Skip(1).Select(r => (decimal)(double)r[4]!).ToList();
        totals.Sum().ShouldBe(run.Departments.Sum(d => d.Total) + run.People.Sum(p => p.Total));
        totals.Count.ShouldBe(run.Departments.Count + run.People.Count);

        // An officer reads their own line items, not a colleague's; the head of 商务局 reads 商务局's people.
        var officerService = await ServiceAsync(db, "officer");
        (await officerService.GetSubjectAsync(runId, AppraisalSubject.Person, officer, mayReadOthers: false)).Total.ShouldBe(10m);
        await Should.ThrowAsync<InvestmentCrm.Common.NotFoundException>(() => officerService.GetSubjectAsync(runId, AppraisalSubject.Person, head, mayReadOthers: false));
        var headService = await ServiceAsync(db, "head");
        (await headService.GetSubjectAsync(runId, AppraisalSubject.Person, officer, mayReadOthers: true)).Total.ShouldBe(10m);
        (await headService.GetRunAsync(runId)).People.ShouldNotContain(p => p.Name == "周婷"); // 南岭街道, outside the head's scope
        (await service.GetRunAsync(runId)).People.ShouldContain(p => p.Name == "周婷");

        var contribution = await officerService.GetMyContributionAsync(FigureScenario.Year);
        contribution.Totals.Single(t => t.Metric == AppraisalMetric.DomesticFunds).Credit.ShouldBe(1m);
        contribution.LatestRun.ShouldNotBeNull().Total.ShouldBe(10m);
    }
}
