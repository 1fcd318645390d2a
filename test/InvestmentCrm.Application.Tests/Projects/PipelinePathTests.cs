using InvestmentCrm.Companies;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Workbench;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Projects;

/// <summary>One project from 储备 to 到位 through every gate, as the officer enters it and the head verifies it.</summary>
public class PipelinePathTests
{
    private sealed record Actor(CrmDbContext Db, PipelineAppService Pipeline, ProjectAppService Projects, WorkbenchAppService Workbench) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static async Task<Actor> AsAsync(TestDatabase database, string userName, TimeProvider? clock = null)
    {
        TestUser user;
        await using (var lookup = database.CreateContext())
            user = await TestUser.LoadAsync(lookup, userName);
        var db = database.CreateContext(user: user);
        var scope = TestScopes.Resolved(db, user);
        return new Actor(db, new PipelineAppService(db, scope, user, clock ?? new TestClock(), new ActivityAppService(db, scope, user, clock ?? new TestClock())), new ProjectAppService(db, scope), new WorkbenchAppService(db, scope));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_project_goes_from_reserve_to_funded_only_on_its_evidence(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var officer = await AsAsync(database, "officer");
        await using var head = await AsAsync(database, "head");
        var huawei = await officer.Db.Unscoped.Companies.Where(c => c.Name == "华为技术有限公司").Select(c => c.Id).SingleAsync();
        var verifiedBefore = (await officer.Workbench.GetSummaryAsync()).VerifiedDomesticCny;

        var id = await officer.Pipeline.CreateAsync(new ProjectCreateDto("华为云吉林创新中心", ProjectType.Industrial, "数字科创/云计算", new DateOnly(2026, 2, 1), null, 5_0000_0000m, "南部新城·数字科创集聚区", "以企引企"));

        async Task Move(ProjectStage to, DateOnly on, string? refusal = null)
        {
            var move = () => officer.Pipeline.MoveStageAsync(id, new StageMoveInput(to, on, null), canOverride: false);
            if (refusal is null)
                (await move()).ShouldBeTrue();
            else
                (await Should.ThrowAsync<DomainException>(move)).Message.ShouldStartWith(refusal);
        }

        // 在谈: only after a visit with a named investor, dated on or before the move.
        await Move(ProjectStage.Negotiating, new DateOnly(2026, 3, 10), "进入“在谈”需要");
        await officer.Pipeline.LogVisitAsync(id, new VisitInput(new DateOnly(2026, 3, 10), ActivityType.Negotiation, huawei, "云创新中心选址洽谈", "有意向", "报送选址方案", new DateOnly(2026, 3, 31)));
        await Move(ProjectStage.Negotiating, new DateOnly(2026, 3, 9), "进入“在谈”需要");
        await Move(ProjectStage.Negotiating, new DateOnly(2026, 3, 10));

        // 签约: a letter of intent is not enough; the formal contract must be signed by the effective date.
        await officer.Pipeline.AddContractAsync(id, new ContractInput(ContractKind.LetterOfIntent, "YX-2026-031", new DateOnly(2026, 4, 2), "南关区人民政府；华为技术有限公司", 5_0000_0000m, 0m, "USD", null));
        await Move(ProjectStage.Signed, new DateOnly(2026, 4, 30), "进入“签约”需要一份正式投资合同");
        await officer.Pipeline.AddContractAsync(id, new ContractInput(ContractKind.FormalInvestment, "NG-2026-031", new DateOnly(2026, 5, 1), "南关区人民政府；华为技术有限公司", 5_0000_0000m, 0m, "USD", "第十五届东北亚博览会"));
        await Move(ProjectStage.Signed, new DateOnly(2026, 4, 30), "进入“签约”需要一份正式投资合同");
        await Move(ProjectStage.Signed, new DateOnly(2026, 5, 1));

        // 落位: on landing evidence.
        await Move(ProjectStage.Landed, new DateOnly(2026, 6, 15), "进入“落位”需要落位凭证");
        (await officer.Pipeline.AddLandingEvidenceAsync(id, new LandingInput(LandingEvidenceKind.BusinessLicence, new DateOnly(2026, 6, 15), "长春南关 2026-营-0615", null))).ShouldBeTrue();
        await Move(ProjectStage.Landed, new DateOnly(2026, 6, 15));

        // 到位: a tranche counts only once someone else has verified it.
        var tranche = (await officer.Pipeline.AddTrancheAsync(id, new TrancheInput(new DateOnly(2026, 7, 1), 1_0000_0000m, "CNY", CapitalSource.Domestic, FundsForm.PaidInCapital, "验资报告")))!.Value;
        await Move(ProjectStage.Funded, new DateOnly(2026, 7, 1), "进入“到位”需要至少一笔已认定的到位资金");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.VerifyTrancheAsync(tranche, true, null))).Message.ShouldStartWith("不能认定自己录入的到位资金");
        (await head.Pipeline.VerifyTrancheAsync(tranche, true, "凭证齐全")).ShouldBeTrue();
        await Move(ProjectStage.Funded, new DateOnly(2026, 7, 1));

        // A second tranche is rejected as false: it never counts, and its reason is kept.
        var rejected = (await officer.Pipeline.AddTrancheAsync(id, new TrancheInput(new DateOnly(2026, 8, 1), 3_0000_0000m, "CNY", CapitalSource.Domestic, FundsForm.Loan, "借款合同")))!.Value;
        (await head.Pipeline.VerifyTrancheAsync(rejected, false, "借款不属于到位资金口径")).ShouldBeTrue();

        await using var read = database.CreateContext();
        (await read.FundsTranches.SingleAsync(t => t.Id == rejected)).VerificationNote.ShouldBe("借款不属于到位资金口径");
        var summary = await (await AsAsync(database, "officer")).Workbench.GetSummaryAsync();
        summary.VerifiedDomesticCny.ShouldBe(verifiedBefore + 1_0000_0000m);

        var detail = (await officer.Projects.GetAsync(id))!;
        detail.Stage.ShouldBe(ProjectStage.Funded);
        detail.Transitions.Select(t => (t.ToStage.ToDisplay(), t.EffectiveDate)).ShouldBe(
        [
            ("储备", new DateOnly(2026, 2, 1)), ("在谈", new DateOnly(2026, 3, 10)), ("签约", new DateOnly(2026, 5, 1)),
            ("落位", new DateOnly(2026, 6, 15)), ("到位", new DateOnly(2026, 7, 1)),
        ]);
        detail.Transitions.ShouldAllBe(t => t.RecordedAt == TestClock.Default.UtcDateTime);
        detail.LeadDepartment.ShouldBe("商务局");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Invalid_input_is_refused_in_Chinese_and_nothing_is_saved(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var officer = await AsAsync(database, "officer");
        var project = await officer.Db.Unscoped.Projects.Where(p => p.Name == "华润中心").Select(p => p.Id).SingleAsync();
        var tranches = await officer.Db.Unscoped.FundsTranches.CountAsync();
        var contracts = await officer.Db.Unscoped.Contracts.CountAsync();

        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.AddTrancheAsync(project, new TrancheInput(new DateOnly(2026, 7, 1), -5m, "CNY", CapitalSource.Domestic, FundsForm.Loan, null))))
            .Message.ShouldBe("到位金额必须大于 0。");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.AddTrancheAsync(project, new TrancheInput(new DateOnly(2026, 7, 1), 5m, "XYZ", CapitalSource.Foreign, FundsForm.Loan, null))))
            .Message.ShouldBe("不支持的币种“XYZ”。");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.AddTrancheAsync(project, new TrancheInput(new DateOnly(2026, 7, 1), 5m, "USD", CapitalSource.Domestic, FundsForm.Loan, null))))
            .Message.ShouldBe("内资到位金额必须以人民币计。");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.AddContractAsync(project, new ContractInput(ContractKind.FormalInvestment, " ", new DateOnly(2026, 5, 1), "甲；乙", 1m, 0m, "USD", null))))
            .Message.ShouldBe("合同编号不能为空。");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.MoveStageAsync(project, new StageMoveInput(ProjectStage.Terminated, new DateOnly(2026, 7, 1), " "), false)))
            .Message.ShouldBe("转为“终止”必须填写原因。");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.MoveStageAsync(project, new StageMoveInput(ProjectStage.Signed, new DateOnly(2026, 7, 1), null), false)))
            .Message.ShouldContain("回退需要“越级/回退阶段”权限");

        await using var read = database.CreateContext();
        (await read.FundsTranches.CountAsync()).ShouldBe(tranches);
        (await read.Contracts.CountAsync()).ShouldBe(contracts);
        (await read.Projects.SingleAsync(p => p.Id == project)).Stage.ShouldBe(ProjectStage.Funded);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Nothing_happens_to_a_project_outside_the_scope(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var street = await AsAsync(database, "zhouting");
        var otherStreet = await street.Db.Unscoped.Projects.Where(p => p.Name == "平安银行长春分行新址").Select(p => p.Id).SingleAsync();
        (await street.Pipeline.AddTrancheAsync(otherStreet, new TrancheInput(new DateOnly(2026, 7, 1), 5m, "CNY", CapitalSource.Domestic, FundsForm.Loan, null))).ShouldBeNull();
        (await street.Pipeline.MoveStageAsync(otherStreet, new StageMoveInput(ProjectStage.Landed, new DateOnly(2026, 7, 1), null), true)).ShouldBeFalse();
        (await street.Pipeline.EvidenceAsync(otherStreet, new DateOnly(2026, 7, 1))).ShouldBeNull();
    }

    // Regression (issue 14, bug 1): the service recomputed "is this an override" apart from the gates, so 终止 → 储备 passed
    // without a reason and an override out of 暂停 was recorded as a regular move.
    [Theory, OnSqlite, OnPostgres]
    public async Task Leaving_terminated_or_skipping_out_of_suspended_is_an_override_recorded_as_one(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var officer = await AsAsync(database, "officer");
        var terminated = await officer.Pipeline.CreateAsync(new ProjectCreateDto("终止后重启测试项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 5), null, 1_0000_0000m, null, null));
        (await officer.Pipeline.MoveStageAsync(terminated, new StageMoveInput(ProjectStage.Terminated, new DateOnly(2026, 2, 1), "投资方撤回"), false)).ShouldBeTrue();

        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.MoveStageAsync(terminated, new StageMoveInput(ProjectStage.Reserve, new DateOnly(2026, 3, 1), null), canOverride: true)))
            .Message.ShouldBe("越级或回退阶段必须填写理由。");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.MoveStageAsync(terminated, new StageMoveInput(ProjectStage.Reserve, new DateOnly(2026, 3, 1), "投资方重新表达意向"), canOverride: false)))
            .Message.ShouldStartWith("已终止的项目不能再变更阶段");
        (await officer.Pipeline.MoveStageAsync(terminated, new StageMoveInput(ProjectStage.Reserve, new DateOnly(2026, 3, 1), "投资方重新表达意向"), canOverride: true)).ShouldBeTrue();

        var suspended = await officer.Pipeline.CreateAsync(new ProjectCreateDto("暂停后越级测试项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 5), null, 1_0000_0000m, null, null));
        (await officer.Pipeline.MoveStageAsync(suspended, new StageMoveInput(ProjectStage.Suspended, new DateOnly(2026, 2, 1), "投资方内部调整"), false)).ShouldBeTrue();
        (await officer.Pipeline.AddLandingEvidenceAsync(suspended, new LandingInput(LandingEvidenceKind.BusinessLicence, new DateOnly(2026, 3, 1), "长春南关 2026-营-0301", null))).ShouldBeTrue();
        (await officer.Pipeline.MoveStageAsync(suspended, new StageMoveInput(ProjectStage.Landed, new DateOnly(2026, 3, 1), "补录：已在区内注册"), canOverride: true)).ShouldBeTrue();

        await using var read = database.CreateContext();
        var reopened = await read.ProjectStageTransitions.Where(t => t.ProjectId == terminated && t.ToStage == ProjectStage.Reserve && t.FromStage == ProjectStage.Terminated).SingleAsync();
        (reopened.IsOverride, reopened.Reason).ShouldBe((true, "投资方重新表达意向"));
        var skipped = await read.ProjectStageTransitions.Where(t => t.ProjectId == suspended && t.ToStage == ProjectStage.Landed).SingleAsync();
        (skipped.IsOverride, skipped.Reason).ShouldBe((true, "补录：已在区内注册"));
    }

    // Regression (issue 14, bug 2): "today" was the UTC date, so at 01:00 Beijing time a move dated today was refused
    // with 生效日期不能晚于今天.
    [Theory, OnSqlite, OnPostgres]
    public async Task At_one_in_the_morning_Beijing_time_today_is_the_Beijing_date(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        var oneAmBeijing = new TestClock(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        await using var officer = await AsAsync(database, "officer", oneAmBeijing);
        var beijingToday = new DateOnly(2026, 12, 1);
        oneAmBeijing.Today().ShouldBe(beijingToday);

        var id = await officer.Pipeline.CreateAsync(new ProjectCreateDto("凌晨录入测试项目", ProjectType.Industrial, "金融业/银行", beijingToday, null, 1_0000_0000m, null, null));
        (await officer.Pipeline.MoveStageAsync(id, new StageMoveInput(ProjectStage.Suspended, beijingToday, "投资方内部调整"), false)).ShouldBeTrue();
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.MoveStageAsync(id, new StageMoveInput(ProjectStage.Reserve, beijingToday.AddDays(1), null), false)))
            .Message.ShouldBe("生效日期不能晚于今天。");
    }

    // Regression (issue 14, bug 3): logging a visit linked any company id as the project's investor, while linking a
    // company refused the same id; the visit made a hidden company visible to the officer.
    [Theory, OnSqlite, OnPostgres]
    public async Task A_visit_cannot_name_a_company_outside_the_scope(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var officer = await AsAsync(database, "officer");
        Guid hidden;
        await using (var setup = database.CreateContext())
        {
            // Registered by another unit (开发区) and linked to no project of 商务局.
            var company = new Company("开发区隐藏配套有限公司", CompanyNature.Private)
            {
                OwnerDepartmentId = await setup.Departments.Where(d => d.Kind == InvestmentCrm.Organization.DepartmentKind.DevelopmentZone).Select(d => d.Id).FirstAsync(),
            };
            setup.Companies.Add(company);
            await setup.SaveChangesAsync();
            hidden = company.Id;
        }
        var id = await officer.Pipeline.CreateAsync(new ProjectCreateDto("走访范围测试项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 3, 1), null, 1_0000_0000m, null, null));

        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.LogVisitAsync(id, new VisitInput(new DateOnly(2026, 3, 10), ActivityType.Negotiation, hidden, "洽谈", null, null, null))))
            .Message.ShouldBe("所选企业不存在或不在您的查看范围内。");
        (await Should.ThrowAsync<DomainException>(() => officer.Pipeline.LinkCompanyAsync(id, hidden, ProjectCompanyRole.Investor)))
            .Message.ShouldBe("所选企业不存在或不在您的查看范围内。");

        await using var read = database.CreateContext();
        (await read.Activities.CountAsync(a => a.ProjectId == id)).ShouldBe(0);
        (await (await TestScopes.Resolved(read, await TestUser.LoadAsync(read, "officer")).CompaniesAsync()).AnyAsync(c => c.Id == hidden)).ShouldBeFalse();
    }
}
