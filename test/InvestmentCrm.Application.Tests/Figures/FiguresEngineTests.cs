using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Figures;

public class FiguresEngineTests
{
    private static decimal Round1(decimal? value) => Math.Round(value!.Value, 1, MidpointRounding.AwayFromZero);

    [Theory, OnSqlite, OnPostgres]
    public async Task The_worked_example_of_the_design_holds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");

        var set = await figures.Engine.ComputeAsync(FigureScope.District, FigurePeriod.Year(2012), new DateOnly(2012, 12, 31));

        // 10 formal contracts in 2012 (40 亿元), 8 landed with a verified first tranche, 10 亿元 verified in 2012.
        set[Figure.FulfilmentRate].Numerator.ShouldBe(8m);
        set[Figure.FulfilmentRate].Denominator.ShouldBe(10m);
        Round1(set[Figure.FulfilmentRate].Value).ShouldBe(80.0m);
        set[Figure.FulfilmentRate].Light.ShouldBe(ScheduleLight.Green); // met: 80 % against 80 %
        Round1(set[Figure.DomesticArrivalRate].Value).ShouldBe(25.0m);
        set[Figure.DomesticArrivalRate].Light.ShouldBe(ScheduleLight.Green);
        set[Figure.DomesticFunds].Value.ShouldBe(10m);
        set[Figure.DomesticFunds].Target.ShouldBe(30m);
        Round1(set[Figure.DomesticFunds].CompletionPercent).ShouldBe(33.3m);
        set[Figure.ForeignFunds].Value.ShouldBe(0m);
        set[Figure.ForeignFunds].CompletionPercent.ShouldBe(0m);
        set.TimeProgress.ShouldBe(new TimeProgress(12, 12));
        set[Figure.DomesticFunds].Light.ShouldBe(ScheduleLight.Red); // 33.3 % done with the whole year gone
        set[Figure.ForeignArrivalRate].Value.ShouldBeNull();
        set[Figure.ForeignArrivalRate].Unavailable.ShouldBe("签约队列的合同约定金额为 0，无法计算到位率");
        set[Figure.SignedCount].Value.ShouldBe(10m);
        set[Figure.FulfilmentRate].Footnote.ShouldContain("终止项目仍在分母");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Continuing_projects_count_toward_the_quota_but_not_toward_the_cohorts_arrival_rate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var continuing = await scenario.SignedAsync("NG-SWJ", new DateOnly(FigureScenario.Year - 1, 6, 1), 10m); // 续建: signed last year
        await scenario.ArriveAsync(continuing, FigureScenario.On(3, 10), Money.YiYuan(2m));
        var fresh = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(2, 1), 4m);
        await scenario.ArriveAsync(fresh, FigureScenario.On(5, 20), Money.YiYuan(1m));
        await scenario.ArriveAsync(fresh, FigureScenario.On(6, 1), Money.YiYuan(5m), verified: false); // pending: counts nowhere

        var set = await (await FigureScenario.FiguresForAsync(db, "leader")).Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(12, 31));

        set[Figure.DomesticFunds].Value.ShouldBe(3m);
        set[Figure.DomesticArrivalRate].Numerator.ShouldBe(Money.YiYuan(1m).Amount);
        set[Figure.DomesticArrivalRate].Denominator.ShouldBe(Money.YiYuan(4m).Amount);
        set[Figure.DomesticArrivalRate].Value.ShouldBe(25m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_fulfilment_cohort_is_the_set_of_projects_that_entered_signed_in_the_period(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var signed = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(3, 1), 4m);
        await scenario.LandAsync(signed, FigureScenario.On(4, 1));
        await scenario.ArriveAsync(signed, FigureScenario.On(5, 1), Money.YiYuan(1m));
        await scenario.NegotiatingWithFormalContractAsync("NG-SWJ", FigureScenario.On(3, 10), 6m); // still 在谈
        // Signed in December of the year before with its contract, entered 签约 in this year: in this year's cohort.
        var lateEntry = await scenario.NegotiatingWithFormalContractAsync("NG-SWJ", new DateOnly(FigureScenario.Year - 1, 12, 20), 2m);
        lateEntry.MoveTo(ProjectStage.Signed, FigureScenario.On(1, 5), TestClock.Default.UtcDateTime, null);
        await db.SaveChangesAsync();
        var department = await scenario.DepartmentAsync("NG-SWJ");

        // The leader reads the summary tables, the department view of a narrower reader the detail: one set either way.
        foreach (var (user, scope) in new[] { ("leader", FigureScope.District), ("leader", FigureScope.Department(department)), ("head", FigureScope.District) })
        {
            var figures = await FigureScenario.FiguresForAsync(db, user);
            var set = await figures.Engine.ComputeAsync(scope, FigureScenario.Period, FigureScenario.On(12, 31));
            set[Figure.SignedCount].Value.ShouldBe(set[Figure.FulfilmentRate].Denominator, $"{user} {scope}");
            if (user == "leader")
            {
                set[Figure.SignedCount].Value.ShouldBe(2m);
                set[Figure.FulfilmentRate].Numerator.ShouldBe(1m);
                set[Figure.DomesticArrivalRate].Denominator.ShouldBe(Money.YiYuan(6m).Amount); // 4 + 2 亿元, not the 在谈 one's 6
            }
            var records = await figures.Records.GetRecordsAsync(Figure.FulfilmentRate, scope, FigureScenario.Period, FigureScenario.On(12, 31));
            records.Total.ShouldBe((int)set[Figure.FulfilmentRate].Denominator!.Value);
            var signedRecords = await figures.Records.GetRecordsAsync(Figure.SignedCount, scope, FigureScenario.Period, FigureScenario.On(12, 31));
            signedRecords.Records.Select(r => r.ProjectId).Order().ShouldBe(records.Records.Select(r => r.ProjectId).Order());
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_terminated_project_stays_in_the_fulfilment_denominator_and_as_of_dates_reproduce_the_past(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var landed = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(1, 15), 2m);
        await scenario.LandAsync(landed, FigureScenario.On(4, 1));
        await scenario.ArriveAsync(landed, FigureScenario.On(5, 1), Money.YiYuan(0.5m));
        var terminated = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(2, 15), 3m);
        terminated.MoveTo(ProjectStage.Terminated, FigureScenario.On(6, 1), TestClock.Default.UtcDateTime, null, "投资方撤资");
        await db.SaveChangesAsync();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");

        var yearEnd = await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(12, 31));
        yearEnd[Figure.FulfilmentRate].Numerator.ShouldBe(1m);
        yearEnd[Figure.FulfilmentRate].Denominator.ShouldBe(2m);
        yearEnd[Figure.FulfilmentRate].Value.ShouldBe(50m);

        // As of 30 April the landed project had no tranche yet (and no start of construction): nobody fulfilled.
        var april = await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(4, 30));
        april[Figure.FulfilmentRate].Value.ShouldBe(0m);
        april[Figure.DomesticFunds].Value.ShouldBe(0m);
        // As of 31 January only the first contract was signed.
        (await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(1, 31)))[Figure.FulfilmentRate].Denominator.ShouldBe(1m);
        // Before anything was signed the rate is "—" with a reason, never 0 % or an error.
        var before = await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(1, 10));
        before[Figure.FulfilmentRate].Value.ShouldBeNull();
        before[Figure.FulfilmentRate].Unavailable.ShouldBe("统计期内没有签订正式投资合同的项目（签约队列为空），无法计算履约率");
        before[Figure.DomesticFunds].TargetMissing.ShouldBe("未设置指标");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_fulfilment_rule_of_the_year_is_applied(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var project = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(1, 15), 2m);
        await scenario.LandAsync(project, FigureScenario.On(3, 1));
        project.ChangeDispatchPhase(DispatchPhase.PreApproval, FigureScenario.On(3, 2), null, false, null, DateTime.UtcNow);
        var start = project.AddMilestone(DispatchPhase.Construction, "主体开工", FigureScenario.On(5, 1));
        await db.SaveChangesAsync();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");
        (await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(6, 30)))[Figure.FulfilmentRate].Value.ShouldBe(0m);

        project.CompleteMilestone(start.Id, FigureScenario.On(5, 10)); // construction started → 履约
        await db.SaveChangesAsync();
        (await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(6, 30)))[Figure.FulfilmentRate].Value.ShouldBe(100m);

        // The year's rule says only verified funds count: the start of construction no longer does.
        var rules = new FigureRules(FigureScenario.Year);
        rules.SetFulfilmentRule(true, true, false, false);
        db.FigureRules.Add(rules);
        await db.SaveChangesAsync();
        var strict = await (await FigureScenario.FiguresForAsync(db, "leader")).Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(6, 30));
        strict[Figure.FulfilmentRate].Value.ShouldBe(0m);
        strict[Figure.FulfilmentRate].Footnote.ShouldContain("截至统计日已落位，且有已认定到位资金");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Campaign_counts_exclude_a_project_signed_one_day_before_the_campaign(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var campaign = new Campaign("测试攻坚行动", FigureScenario.On(4, 1), FigureScenario.On(12, 31));
        db.Campaigns.Add(campaign);
        db.Targets.Add(new Target(MetricCode.SignedCount, PeriodKind.Campaign, campaign.Start, campaign.End, TargetScope.District, 4m, "个") { CampaignId = campaign.Id });
        await db.SaveChangesAsync();
        await scenario.SignedAsync("NG-SWJ", FigureScenario.On(3, 31), 1m);
        await scenario.SignedAsync("NG-SWJ", FigureScenario.On(4, 1), 1m);

        var period = new FigurePeriod(PeriodKind.Campaign, campaign.Start, campaign.End, campaign.Name, campaign.Id);
        var set = await (await FigureScenario.FiguresForAsync(db, "leader")).Engine.ComputeAsync(FigureScope.District, period, FigureScenario.On(6, 30));

        set[Figure.SignedCount].Value.ShouldBe(1m);
        set[Figure.SignedCount].Target.ShouldBe(4m);
        set[Figure.SignedCount].CompletionPercent.ShouldBe(25m);
        set.TimeProgress.ShouldBe(new TimeProgress(3, 9));
        set[Figure.SignedCount].VariancePoints.ShouldBe(25m - 300m / 9m);
        set[Figure.SignedCount].Light.ShouldBe(ScheduleLight.Yellow); // −8.3 points
        set[Figure.SignedCount].YearOnYearPercent.ShouldBeNull(); // a campaign has no "same period last year"
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Person_credits_add_up_exactly_to_the_department_total(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var (officer, head, zhouting) = (await scenario.UserAsync("officer"), await scenario.UserAsync("head"), await scenario.UserAsync("zhouting"));
        var halves = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(2, 1), 2m);
        halves.SetContributors([(officer, ContributorRole.FirstNegotiator, 50m), (head, ContributorRole.Introducer, 20m), (zhouting, ContributorRole.LandingService, 30m)]);
        await scenario.ArriveAsync(halves, FigureScenario.On(3, 1), Money.YiYuan(2m));
        var thirds = await scenario.SignedAsync("NG-SWJ", FigureScenario.On(2, 2), 1m);
        thirds.SetContributors([(officer, ContributorRole.InformationProvider, 33.33m), (head, ContributorRole.FirstNegotiator, 33.33m), (zhouting, ContributorRole.LandingService, 33.34m)]);
        await scenario.ArriveAsync(thirds, FigureScenario.On(3, 2), Money.Yuan(100_000_000.01m));
        await db.SaveChangesAsync();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");

        var department = await figures.Engine.ComputeAsync(FigureScope.Department(await scenario.DepartmentAsync("NG-SWJ")), FigureScenario.Period, FigureScenario.On(12, 31));
        var people = new List<FigureSetDto>();
        foreach (var user in new[] { officer, head, zhouting })
            people.Add(await figures.Engine.ComputeAsync(FigureScope.Person(user), FigureScenario.Period, FigureScenario.On(12, 31)));

        department[Figure.DomesticFunds].Value.ShouldBe(3.0000000001m);
        people.Sum(p => p[Figure.DomesticFunds].Value!.Value).ShouldBe(department[Figure.DomesticFunds].Value!.Value);
        people[0][Figure.DomesticFunds].Value.ShouldBe(1m + 0.33330000m);   // 1.0 亿 + 33.33 % of 1 亿 + 0.01 元
        people[1][Figure.DomesticFunds].Value.ShouldBe(0.4m + 0.33330000m);
        people[2][Figure.DomesticFunds].Value.ShouldBe(0.6m + 0.3334000001m); // the extra 分 goes to the largest remainder
        people.Sum(p => p[Figure.SignedCount].Value!.Value).ShouldBe(department[Figure.SignedCount].Value!.Value);
        people[2][Figure.SignedCount].Value.ShouldBe(0.3m + 0.3334m);

        // Many people at once (department view) give the same credits as one by one.
        var credits = await figures.People.PersonCreditsAsync([officer, head, zhouting], FigureScenario.Period, FigureScenario.On(12, 31));
        credits[zhouting].DomesticYuan.ShouldBe(people[2][Figure.DomesticFunds].Value!.Value * 100_000_000m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_foreign_tranche_in_HKD_is_converted_at_its_months_rate_and_a_missing_rate_is_named(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        db.ExchangeRates.Add(new ExchangeRate(FigureScenario.Year, 5, "HKD", 0.9100m, 0.1280m));
        db.ExchangeRates.Add(new ExchangeRate(FigureScenario.Year, 6, "HKD", 0.9200m, 0.1290m));
        await db.SaveChangesAsync();
        var project = await scenario.SignedAsync("NG-JRB", FigureScenario.On(1, 10), 0m, Money.WanDollars(100m));
        await scenario.ArriveAsync(project, FigureScenario.On(5, 20), new Money(1_000_000m, "HKD"));
        await scenario.ArriveAsync(project, FigureScenario.On(6, 3), Money.Dollars(20_000m));
        var figures = await FigureScenario.FiguresForAsync(db, "leader");

        var june = await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(6, 30));
        june[Figure.ForeignFunds].Value.ShouldBe(12.8m + 2m); // 1,000,000 HKD × 0.128 = 128,000 USD; + 20,000 USD
        june[Figure.ForeignArrivalRate].Value.ShouldBe(14.8m);

        await scenario.ArriveAsync(project, FigureScenario.On(7, 8), new Money(500_000m, "HKD")); // no July (or 2030) HKD rate
        var july = await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(7, 31));
        july[Figure.ForeignFunds].Value.ShouldBeNull();
        july[Figure.ForeignFunds].Unavailable.ShouldBe("缺少汇率：2030年7月 HKD 兑美元汇率。请在“汇率”页面补录后再看此数。");
        july[Figure.DomesticFunds].Value.ShouldBe(0m); // other figures are unaffected

        db.ExchangeRates.Add(new ExchangeRate(FigureScenario.Year, null, "HKD", 0.9000m, 0.1200m)); // a yearly rate fills the gap
        await db.SaveChangesAsync();
        (await figures.Engine.ComputeAsync(FigureScope.District, FigureScenario.Period, FigureScenario.On(7, 31)))[Figure.ForeignFunds].Value.ShouldBe(14.8m + 6m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_figure_stays_inside_the_users_data_scope(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var period = FigurePeriod.Year(2012);
        var asOf = new DateOnly(2012, 12, 31);

        var leader = await (await FigureScenario.FiguresForAsync(db, "leader")).Engine.ComputeAsync(FigureScope.District, period, asOf);
        var zoneOfficer = await (await FigureScenario.FiguresForAsync(db, "mahui")).Engine.ComputeAsync(FigureScope.District, period, asOf);

        var scope = await TestScopes.ForAsync(db, "mahui");
        var visible = await scope.ProjectsAsync();
        var expected = await db.FundsTranches
            .Where(t => t.Verification == VerificationStatus.Verified && t.ArrivedOn.Year == 2012 && visible.Any(p => p.Id == t.ProjectId))
            .Select(t => t.Amount.Amount).ToListAsync();
        zoneOfficer[Figure.DomesticFunds].Value.ShouldBe(expected.Sum() / 100_000_000m);
        zoneOfficer[Figure.DomesticFunds].Value!.Value.ShouldBeLessThan(leader[Figure.DomesticFunds].Value!.Value);
        zoneOfficer[Figure.FulfilmentRate].Denominator!.Value.ShouldBeLessThan(leader[Figure.FulfilmentRate].Denominator!.Value);

        // Nobody signed in sees nothing at all.
        var nobody = FigureServices.For(db, new TestUser(null, null, null));
        var empty = await nobody.Engine.ComputeAsync(FigureScope.District, period, asOf);
        empty[Figure.DomesticFunds].Value.ShouldBe(0m);
        empty[Figure.SignedCount].Value.ShouldBe(0m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_records_behind_a_figure_add_up_to_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");
        var period = FigurePeriod.Year(2012);
        var asOf = new DateOnly(2012, 12, 31);

        var funds = await figures.Records.GetRecordsAsync(Figure.DomesticFunds, FigureScope.District, period, asOf);
        funds.Total.ShouldBe(8);
        funds.Records.Sum(r => r.Amount!.Value).ShouldBe(funds.Summary.Value!.Value);

        var fulfilment = await figures.Records.GetRecordsAsync(Figure.FulfilmentRate, FigureScope.District, period, asOf);
        fulfilment.Total.ShouldBe(10);
        fulfilment.Records.Count(r => r.Counts == true).ShouldBe(8);
        fulfilment.Records.ShouldContain(r => r.ProjectName == "君顶国际楼宇填充" && r.Counts == false); // the terminated one

        var signed = await figures.Records.GetRecordsAsync(Figure.SignedCount, FigureScope.District, period, asOf);
        signed.Total.ShouldBe(10);

        var arrival = await figures.Records.GetRecordsAsync(Figure.DomesticArrivalRate, FigureScope.District, period, asOf);
        arrival.Records.Sum(r => r.Amount!.Value).ShouldBe(10m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_cockpit_ranks_departments_and_lists_late_key_projects(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");

        var cockpit = await figures.Cockpit.GetCockpitAsync(2012, new DateOnly(2012, 12, 31), null);

        cockpit.Figures[Figure.DomesticFunds].Value.ShouldBe(10m);
        cockpit.MonthlyArrivals.Sum(m => m.ThisYearYi ?? 0).ShouldBe(10m);
        cockpit.MonthlyArrivals.Count.ShouldBe(12);
        cockpit.Ranking.Sum(r => r.DomesticYi).ShouldBe(10m); // each project once, for its 招引单位's branch
        cockpit.Ranking.Select(r => r.Name).ShouldContain("商务局");
        cockpit.Ranking.Select(r => r.Name).ShouldContain("南部都市经济开发区（南部新城）"); // 开发区招商局 rolls up into 开发区
        cockpit.Funnel[0].Stage.ShouldBe(ProjectStage.Reserve);
        cockpit.Funnel.Select(f => f.Count).ShouldBeInOrder(SortDirection.Descending);
        cockpit.Funnel[2].Count.ShouldBe(10); // the ten 2012 signings had all reached 签约 by the end of 2012
        cockpit.Campaigns.ShouldHaveSingleItem().Name.ShouldBe("第五轮招商引资九个月攻坚行动");
        cockpit.Campaigns[0].Figures.Select(f => f.Figure).ShouldBe([Figure.ReserveCount, Figure.SignedCount, Figure.StrategicInvestorCount]);
        // One 2012 key project never landed although its agreed landing date (9 June) passed; the terminated one is left out.
        var late = cockpit.BehindSchedule.ShouldHaveSingleItem();
        late.ProjectName.ShouldBe("传奇鼎盛中心");
        late.Reason.ShouldBe("已过合同约定落位日期，尚未落位");
        late.DueDate.ShouldBe(new DateOnly(2012, 6, 9));
        late.DaysLate.ShouldBe(205);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Late_key_projects_are_the_ten_with_the_earliest_overdue_milestone_however_many_milestones_come_first(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        // A department of its own, so that no demo project's milestone is in the list.
        var district = await db.Departments.SingleAsync(d => d.ParentId == null);
        var department = new InvestmentCrm.Organization.Department("TEST-LATE", "测试专班", InvestmentCrm.Organization.DepartmentKind.Functional, district, 99);
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        // One project with 120 overdue milestones before everyone else's: the list still holds ten different projects.
        var crowded = await scenario.SignedAsync("TEST-LATE", FigureScenario.On(1, 2), 1m);
        crowded.PlannedDomestic = Money.YiYuan(2m);
        for (var i = 0; i < 120; i++)
            crowded.AddMilestone(DispatchPhase.Construction, $"工序{i}", FigureScenario.On(1, 3).AddDays(i % 20));
        var expected = new List<string> { crowded.Name };
        for (var day = 1; day <= 12; day++)
        {
            var project = await scenario.SignedAsync("TEST-LATE", FigureScenario.On(1, 2), 1m);
            project.PlannedDomestic = Money.YiYuan(2m);
            project.AddMilestone(DispatchPhase.Construction, "主体开工", FigureScenario.On(3, day));
            expected.Add(project.Name);
        }
        await db.SaveChangesAsync();

        var cockpit = await (await FigureScenario.FiguresForAsync(db, "leader")).Cockpit.GetCockpitAsync(FigureScenario.Year, FigureScenario.On(6, 30), department.Id);

        cockpit.BehindSchedule.Select(b => b.ProjectName).ShouldBe(expected.Take(10));
        cockpit.BehindSchedule[0].DueDate.ShouldBe(FigureScenario.On(1, 3));
        cockpit.BehindSchedule[9].DueDate.ShouldBe(FigureScenario.On(3, 9));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_figure_of_a_department_cockpit_is_that_departments(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var date = new DateOnly(2026, 11, 22);
        var leader = await FigureScenario.FiguresForAsync(db, "leader");

        var district = await db.Departments.SingleAsync(d => d.ParentId == null);
        var empty = new InvestmentCrm.Organization.Department("TEST-EMPTY", "测试空部门", InvestmentCrm.Organization.DepartmentKind.Functional, district, 99);
        db.Departments.Add(empty);
        await db.SaveChangesAsync();
        var none = await leader.Cockpit.GetCockpitAsync(2026, date, empty.Id);
        none.Funnel.ShouldAllBe(step => step.Count == 0);
        none.Figures.Figures.Where(f => f.Figure.Stage() != null).ShouldAllBe(f => f.Value == 0m);
        none.Figures[Figure.DomesticFunds].Value.ShouldBe(0m);
        none.MonthlyArrivals.ShouldAllBe(m => (m.ThisYearYi ?? 0m) == 0m && m.LastYearYi == 0m);
        none.BehindSchedule.ShouldBeEmpty();

        var commerce = await scenario.DepartmentAsync("NG-SWJ");
        var furthest = await db.ProjectStageTransitions
            .Where(t => t.EffectiveDate <= date && t.ToStage <= ProjectStage.Funded
                && db.Projects.Any(p => p.Id == t.ProjectId && p.LeadDepartmentId == commerce))
            .GroupBy(t => t.ProjectId).Select(g => g.Max(t => t.ToStage)).ToListAsync();
        furthest.Count.ShouldBeGreaterThan(0);
        var some = await leader.Cockpit.GetCockpitAsync(2026, date, commerce);
        some.Funnel.Select(s => s.Count).ShouldBe(ProjectNames.MainLine.Select(stage => furthest.Count(f => f >= stage)));
        var whole = await leader.Cockpit.GetCockpitAsync(2026, date, null);
        whole.Funnel[0].Count.ShouldBeGreaterThan(some.Funnel[0].Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_persons_credit_is_one_number_wherever_it_appears(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var scenario = new FigureScenario(db);
        var commerce = await scenario.DepartmentAsync("NG-SWJ");
        var chen = await scenario.UserAsync("officer");
        var date = new DateOnly(2026, 11, 22);
        var period = FigurePeriod.Year(2026);

        // 部门指标 of 商务局: the head and the district leader see the same credit for 陈静 (商务局's projects only).
        var byHead = (await (await FigureScenario.FiguresForAsync(db, "head")).People.GetDepartmentViewAsync(commerce, 2026, date)).People.Single(p => p.UserId == chen);
        var leader = await FigureScenario.FiguresForAsync(db, "leader");
        var byLeader = (await leader.People.GetDepartmentViewAsync(commerce, 2026, date)).People.Single(p => p.UserId == chen);
        byLeader.DomesticYi.ShouldBe(byHead.DomesticYi);
        byLeader.SignedCredit.ShouldBe(byHead.SignedCredit);
        byHead.DomesticYi.ShouldBe(3.6m + 1.2m);
        // …and the drill-down behind that row adds up to it, for either reader.
        foreach (var reader in new[] { "head", "leader" })
        {
            var inCommerce = await (await FigureScenario.FiguresForAsync(db, reader)).Engine.ComputeAsync(FigureScope.Person(chen, commerce), period, date);
            inCommerce[Figure.DomesticFunds].Value.ShouldBe(byHead.DomesticYi, reader);
        }

        // Her credit over all her projects: 我的指标, the leader's person view and the appraisal's figure agree.
        var mine = await (await FigureScenario.FiguresForAsync(db, "officer")).People.GetMyFiguresAsync(2026, date);
        var asLeaderSees = await leader.Engine.ComputeAsync(FigureScope.Person(chen), period, date);
        asLeaderSees[Figure.DomesticFunds].Value.ShouldBe(mine.Figures[Figure.DomesticFunds].Value);
        mine.Figures[Figure.DomesticFunds].Value!.Value.ShouldBeGreaterThan(byHead.DomesticYi);
        // The head cannot read it under the same name: it would be only the part inside the head's scope.
        await Should.ThrowAsync<UnauthorizedAccessException>(async () =>
            await (await FigureScenario.FiguresForAsync(db, "head")).Engine.ComputeAsync(FigureScope.Person(chen), period, date));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_demo_year_in_progress_reads_as_the_design_says(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");

        var cockpit = await figures.Cockpit.GetCockpitAsync(null, null, null); // today: 2026-11-22 (test clock)

        var set = cockpit.Figures;
        set.Period.ShouldBe(FigurePeriod.Year(2026));
        set.TimeProgress.ShouldBe(new TimeProgress(10, 12));
        set[Figure.DomesticFunds].Value.ShouldBe(31.2m); // 续建 included: 华为 5 亿元, 邮储 3.5 亿元
        set[Figure.DomesticFunds].Light.ShouldBe(ScheduleLight.Yellow); // 78 % − 83.3 % = −5.3 points
        set[Figure.ForeignFunds].Value.ShouldBe(300m + 256.4m); // 300 万美元 + 2000 万港元 × 0.1282 (September's rate)
        set[Figure.FulfilmentRate].Numerator.ShouldBe(3m);
        set[Figure.FulfilmentRate].Denominator.ShouldBe(4m);
        Round1(set[Figure.DomesticArrivalRate].Value).ShouldBe(41.0m); // 21.5 ÷ 52.5
        cockpit.Campaigns.ShouldHaveSingleItem().Figures.First(f => f.Figure == Figure.ReserveCount).Value.ShouldBe(3m);
        cockpit.BehindSchedule.Select(b => b.ProjectName).ShouldContain("八一未来城智慧谷");
        cockpit.BehindSchedule.Select(b => b.ProjectName).ShouldNotContain("传奇鼎盛中心"); // suspended since 2013

        var zone = cockpit.Ranking.Single(r => r.Name == "南部都市经济开发区（南部新城）");
        zone.DomesticYi.ShouldBe(17m); // 八一未来城 12 + 华为 5, credited to 开发区招商局 and rolled up
        zone.DomesticTargetYi.ShouldBe(15m);
        zone.Light.ShouldBe(ScheduleLight.Green);
        cockpit.Ranking[0].CompletionPercent!.Value.ShouldBeGreaterThanOrEqualTo(cockpit.Ranking[1].CompletionPercent!.Value);

        // The head of 商务局 sees the department view with its people, credited by weight.
        var head = await FigureScenario.FiguresForAsync(db, "head");
        var view = await head.People.GetDepartmentViewAsync(null, null, null);
        view.Name.ShouldBe("商务局");
        view.Figures[Figure.DomesticFunds].Value.ShouldBe(7.2m); // 基金广场二期 6 + 平安人寿 1.2
        var chen = view.People.Single(p => p.Name == "陈静");
        // The head's data scope holds 商务局's projects only: 60 % of 基金广场 6 + 100 % of 平安人寿 1.2.
        chen.DomesticYi.ShouldBe(3.6m + 1.2m);
        chen.DomesticTargetYi.ShouldBe(6m);

        // 陈静 herself sees every project she contributes to: + 50 % of 邮储 3.5 + 30 % of 八一未来城 12 + 60 % of 华为 5 (续建).
        var officer = await FigureScenario.FiguresForAsync(db, "officer");
        var mine = await officer.People.GetMyFiguresAsync(null, null);
        mine.Figures[Figure.DomesticFunds].Value.ShouldBe(3.6m + 1.2m + 1.75m + 3.6m + 3m);
        mine.Projects.Sum(p => p.DomesticCreditYi).ShouldBe(mine.Figures[Figure.DomesticFunds].Value!.Value);
    }
}
