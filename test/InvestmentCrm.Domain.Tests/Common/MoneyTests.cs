using InvestmentCrm.Common;

namespace InvestmentCrm.Domain.Tests.Common;

public class MoneyTests
{
    [Fact]
    public void Adds_amounts_of_one_currency_exactly()
    {
        (Money.Yuan(0.1m) + Money.Yuan(0.2m)).ShouldBe(Money.Yuan(0.3m));
    }

    [Fact]
    public void Never_adds_CNY_and_USD()
    {
        var error = Should.Throw<DomainException>(() => Money.YiYuan(1) + Money.WanDollars(1));
        error.Message.ShouldContain("不能直接相加不同币种的金额");
    }

    [Theory]
    [InlineData(3_000_000_000, "CNY", "30 亿元")]
    [InlineData(125_000_000, "CNY", "1.25 亿元")]
    [InlineData(45_220_000, "CNY", "0.4522 亿元")] // one unit per currency: a column of 内资 never mixes 亿元 and 万元
    [InlineData(0, "CNY", "0 亿元")]
    [InlineData(12_300, "CNY", "0.000123 亿元")]
    [InlineData(50_000_000, "USD", "5,000 万美元")]
    [InlineData(0, "USD", "0 万美元")]
    [InlineData(20_000_000, "HKD", "2,000 万港元")] // the currency's Chinese name, never its code
    [InlineData(10_000, "XAU", "1 万XAU")]
    public void Displays_the_way_Chinese_statistics_report(decimal amount, string currency, string expected)
    {
        new Money(amount, currency).ToDisplay().ShouldBe(expected);
    }

    [Fact]
    public void Unit_helpers_convert_to_base_units()
    {
        Money.YiYuan(30m).Amount.ShouldBe(3_000_000_000m);
        Money.WanDollars(5000m).Amount.ShouldBe(50_000_000m);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RMB1")]
    public void Refuses_an_invalid_currency_code(string currency)
    {
        Should.Throw<DomainException>(() => new Money(1m, currency));
    }
}
