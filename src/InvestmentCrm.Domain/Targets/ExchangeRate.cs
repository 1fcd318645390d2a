namespace InvestmentCrm.Targets;

/// <summary>汇率 for a month (or a whole year when Month is null): one unit of the currency in CNY and in USD.</summary>
public class ExchangeRate : Common.Entity
{
    private ExchangeRate() { Currency = ""; }

    public ExchangeRate(int year, int? month, string currency, decimal toCny, decimal toUsd)
    {
        if (month is < 1 or > 12) throw new Common.DomainException("月份必须在 1 到 12 之间。");
        if (toCny <= 0 || toUsd <= 0) throw new Common.DomainException("汇率必须大于 0。");
        (Year, Month, Currency, ToCny, ToUsd) = (year, month, currency.ToUpperInvariant(), toCny, toUsd);
    }

    public int Year { get; private set; }
    public int? Month { get; private set; }
    public string Currency { get; private set; }
    public decimal ToCny { get; private set; }
    public decimal ToUsd { get; private set; }
}
