using InvestmentCrm.Common;
using InvestmentCrm.Targets;

namespace InvestmentCrm.Domain.Tests.Targets;

public class TargetTests
{
    [Fact]
    public void A_yearly_target_covers_the_calendar_year()
    {
        var target = Target.ForYear(2012, MetricCode.DomesticFunds, 30m, "亿元");
        (target.PeriodStart, target.PeriodEnd, target.Scope).ShouldBe((new DateOnly(2012, 1, 1), new DateOnly(2012, 12, 31), TargetScope.District));
    }

    [Fact]
    public void Refuses_a_period_that_ends_before_it_starts_and_negative_values()
    {
        Should.Throw<DomainException>(() => new Target(MetricCode.SignedCount, PeriodKind.Campaign, new DateOnly(2012, 12, 31), new DateOnly(2012, 4, 1), TargetScope.District, 60m, "个"))
            .Message.ShouldBe("指标期间的结束日期不能早于开始日期。");
        Should.Throw<DomainException>(() => Target.ForYear(2012, MetricCode.SignedCount, -1m, "个")).Message.ShouldBe("指标值不能为负数。");
    }

    [Fact]
    public void Exchange_rates_need_a_real_month_and_positive_rates()
    {
        Should.Throw<DomainException>(() => new ExchangeRate(2012, 13, "USD", 6.3m, 1m)).Message.ShouldBe("月份必须在 1 到 12 之间。");
        Should.Throw<DomainException>(() => new ExchangeRate(2012, 1, "USD", 0m, 1m)).Message.ShouldBe("汇率必须大于 0。");
        new ExchangeRate(2012, null, "usd", 6.3125m, 1m).Currency.ShouldBe("USD");
    }
}
