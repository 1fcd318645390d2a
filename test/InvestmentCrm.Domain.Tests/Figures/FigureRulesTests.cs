using InvestmentCrm.Common;
using InvestmentCrm.Figures;

namespace InvestmentCrm.Domain.Tests.Figures;

public class TimeProgressTests
{
    [Theory]
    [InlineData("2012-10-31", 10)] // October completes on its last day
    [InlineData("2012-11-15", 10)] // mid-month: November not yet complete
    [InlineData("2012-11-29", 10)]
    [InlineData("2012-11-30", 11)]
    [InlineData("2012-12-31", 12)]
    [InlineData("2013-06-30", 12)] // after the period: all months
    [InlineData("2011-12-31", 0)]  // before the period
    [InlineData("2012-01-30", 0)]
    public void A_year_counts_completed_months(string asOf, int completed)
    {
        var progress = TimeProgress.At(new DateOnly(2012, 1, 1), new DateOnly(2012, 12, 31), DateOnly.Parse(asOf));
        progress.ShouldBe(new TimeProgress(completed, 12));
        progress.Percent.ShouldBe(completed * 100m / 12);
    }

    [Fact]
    public void A_campaign_counts_its_own_months()
    {
        // 第五轮招商引资九个月攻坚行动: April to December = 9 months.
        var progress = TimeProgress.At(new DateOnly(2012, 4, 1), new DateOnly(2012, 12, 31), new DateOnly(2012, 6, 30));
        progress.ShouldBe(new TimeProgress(3, 9));
        progress.Percent.ShouldBe(3 * 100m / 9);
    }

    [Fact]
    public void A_period_ending_mid_month_completes_its_last_month_on_its_last_day()
    {
        var start = new DateOnly(2026, 1, 1);
        var end = new DateOnly(2026, 3, 15);
        TimeProgress.At(start, end, new DateOnly(2026, 3, 14)).ShouldBe(new TimeProgress(2, 3));
        TimeProgress.At(start, end, new DateOnly(2026, 3, 15)).ShouldBe(new TimeProgress(3, 3));
    }

    [Fact]
    public void A_five_year_plan_has_sixty_months()
    {
        TimeProgress.At(new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2023, 12, 31)).ShouldBe(new TimeProgress(36, 60));
    }
}

public class FigureRulesTests
{
    [Theory]
    [InlineData("0", ScheduleLight.Green)]
    [InlineData("12.5", ScheduleLight.Green)]
    [InlineData("-0.01", ScheduleLight.Yellow)]
    [InlineData("-10", ScheduleLight.Yellow)]
    [InlineData("-10.01", ScheduleLight.Red)]
    [InlineData("-66.67", ScheduleLight.Red)]
    public void Default_lights_are_green_from_zero_and_yellow_from_minus_ten(string variance, ScheduleLight light)
    {
        FigureRules.DefaultFor(2012).LightFor(decimal.Parse(variance, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(light);
    }

    [Fact]
    public void Light_thresholds_are_configurable()
    {
        var rules = new FigureRules(2026);
        rules.SetLightThresholds(-2m, -5m);
        rules.LightFor(-2m).ShouldBe(ScheduleLight.Green);
        rules.LightFor(-2.01m).ShouldBe(ScheduleLight.Yellow);
        rules.LightFor(-5m).ShouldBe(ScheduleLight.Yellow);
        rules.LightFor(-5.01m).ShouldBe(ScheduleLight.Red);
    }

    [Fact]
    public void Refuses_a_yellow_threshold_above_green_and_an_empty_fulfilment_rule()
    {
        var rules = new FigureRules(2026);
        Should.Throw<DomainException>(() => rules.SetLightThresholds(-10m, 0m)).Message.ShouldBe("黄灯阈值不能高于绿灯阈值。");
        Should.Throw<DomainException>(() => rules.SetFulfilmentRule(false, false, false, false)).Message.ShouldBe("履约判定至少需要一个条件。");
    }

    [Fact]
    public void Describes_the_fulfilment_rule_for_the_footnote()
    {
        FigureRules.DefaultFor(2012).DescribeFulfilment().ShouldBe("截至统计日已落位，且有已认定到位资金或已开工或已入驻/投产");
        var rules = new FigureRules(2013);
        rules.SetFulfilmentRule(true, false, false, false);
        rules.DescribeFulfilment().ShouldBe("截至统计日已落位");
    }
}

public class CreditSplitTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void Splits_fifty_twenty_thirty_exactly()
    {
        var shares = CreditSplit.Split(200_000_000m, [(A, 50m), (B, 20m), (C, 30m)], 2);
        shares[A].ShouldBe(100_000_000m);
        shares[B].ShouldBe(40_000_000m);
        shares[C].ShouldBe(60_000_000m);
    }

    [Fact]
    public void Thirds_add_up_to_the_total_with_the_remainder_to_the_largest_fraction()
    {
        var shares = CreditSplit.Split(100m, [(A, 33.33m), (B, 33.33m), (C, 33.34m)], 2);
        shares.Values.Sum().ShouldBe(100m);
        shares[C].ShouldBe(33.34m);

        var odd = CreditSplit.Split(0.01m, [(A, 33.33m), (B, 33.33m), (C, 33.34m)], 2);
        odd.Values.Sum().ShouldBe(0.01m);
        odd[C].ShouldBe(0.01m);

        var count = CreditSplit.Split(1m, [(A, 33.33m), (B, 33.33m), (C, 33.34m)], 4);
        count[A].ShouldBe(0.3333m);
        count[B].ShouldBe(0.3333m);
        count[C].ShouldBe(0.3334m);
    }

    [Fact]
    public void Equal_remainders_go_to_the_lower_key_so_the_result_never_changes()
    {
        var first = CreditSplit.Split(1m, [(C, 50m), (A, 50m)], 0);
        first[A].ShouldBe(1m);
        first[C].ShouldBe(0m);
        var reversed = CreditSplit.Split(1m, [(A, 50m), (C, 50m)], 0);
        reversed[A].ShouldBe(1m);
        reversed[C].ShouldBe(0m);
    }
}
