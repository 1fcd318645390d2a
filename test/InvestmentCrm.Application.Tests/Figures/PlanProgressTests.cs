using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Figures;

public class PlanProgressTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_fourteenth_plan_reads_against_time_progress_and_the_thirteenth_plans_record(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var figures = await FigureScenario.FiguresForAsync(db, "leader");
        var plans = new PlanProgressAppService(db, figures.Engine);
        var (start, end) = (new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31));
        var domestic = (await db.FundsTranches.Where(t => t.Verification == VerificationStatus.Verified && t.Source == CapitalSource.Domestic
            && t.ArrivedOn >= start && t.ArrivedOn <= end).Select(t => t.Amount.Amount).ToListAsync()).Sum();

        var plan = await plans.GetAsync(2021, end);

        plan.PlanName.ShouldBe("“十四五”规划（2021—2025年）");
        plan.TimeProgress.ShouldBe(new TimeProgress(60, 60));
        plan.Domestic.Actual.ShouldBe(Math.Round(domestic / 100_000_000m, 2));
        plan.Domestic.Target.ShouldBe(350m);
        plan.Domestic.Verdict.ShouldBe(ScheduleVerdict.Behind); // far from 350 亿元 with the whole plan gone
        plan.Domestic.PreviousBaseline.ShouldBe(305.2m);
        plan.Foreign.Actual.ShouldBe(1200m + 500m);
        plan.Foreign.PreviousBaseline.ShouldBe(12500m);

        // 内外资合计 converts each month's USD at the configured rate (here the years' averages) and names the rates.
        var combined = (domestic + 12_000_000m * 7.0467m + 5_000_000m * 7.1884m) / 100_000_000m;
        plan.Combined.Actual.ShouldBe(Math.Round(combined, 2));
        plan.CombinedRule.ShouldContain("2023年 7.0467");
        plan.CombinedRule.ShouldContain("2025年 7.1884");
        plan.Combined.Target.ShouldBe(Math.Round(350m + 8000m * 6.4515m / 10_000m, 2)); // the 外资 target at 2021's rate

        // Without a rate it says it cannot combine; 内资 and 外资 stay as they are.
        await db.ExchangeRates.Where(r => r.Year == 2023 && r.Currency == Money.Usd).ExecuteDeleteAsync();
        var missing = await new PlanProgressAppService(db, (await FigureScenario.FiguresForAsync(db, "leader")).Engine).GetAsync(2021, end);
        missing.Combined.Actual.ShouldBeNull();
        missing.Combined.Unavailable.ShouldBe("无法合计：缺少 2023年4月 美元兑人民币汇率。人民币与美元不能直接相加。");
        missing.Domestic.Actual.ShouldBe(plan.Domestic.Actual);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_plan_in_progress_is_level_ahead_or_behind_its_time_progress_and_a_baseline_can_be_recorded(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var plans = new PlanProgressAppService(db, (await FigureScenario.FiguresForAsync(db, "leader")).Engine);

        var current = await plans.GetAsync(null, null); // today 2026-11-22: the plan starting in 2026
        current.Period.Start.Year.ShouldBe(2026);
        current.TimeProgress.ShouldBe(new TimeProgress(10, 60));
        current.Domestic.Target.ShouldBeNull();
        current.Domestic.PreviousBaseline.ShouldBeNull(); // 十四五's record is not entered
        current.Plans.Select(p => p.FirstYear).ShouldBe([2026, 2021, 2016]);

        await plans.SetBaselineAsync(2021, InvestmentCrm.Targets.MetricCode.DomesticFunds, 120.5m, "区统计局年报");
        (await plans.GetAsync(null, null)).Domestic.PreviousBaseline.ShouldBe(120.5m);
        await Should.ThrowAsync<DomainException>(() => plans.SetBaselineAsync(2021, InvestmentCrm.Targets.MetricCode.DomesticFunds, 1m, " "));
        await Should.ThrowAsync<DomainException>(() => plans.GetAsync(2023, null));
    }
}
