using System.Globalization;

namespace InvestmentCrm.Common;

/// <summary>
/// An amount in a currency's base unit (元, 美元) with its ISO currency code. The one money type of the product:
/// decimal only, and amounts of different currencies are never added together (docs/figures.md, 利用外资).
/// </summary>
public readonly record struct Money
{
    public const string Cny = "CNY";
    public const string Usd = "USD";

    public Money(decimal amount, string currency)
    {
        if (string.IsNullOrWhiteSpace(currency) || currency.Length != 3)
            throw new DomainException($"币种代码无效：“{currency}”");
        Amount = amount;
        Currency = currency.ToUpperInvariant();
    }

    public decimal Amount { get; init; }
    public string Currency { get; init; }

    /// <summary>100 万亿 of a currency: more than any project; anything above is a typing error (5e28 broke every total).</summary>
    public const decimal MaxAmount = 100_000_000_000_000m;

    /// <summary>Why an amount typed for a field is refused — beyond the range or finer than a cent (0.001 was stored as 0.00) — or null.</summary>
    public static string? Problem(string field, decimal amount)
    {
        if (Math.Abs(amount) > MaxAmount)
            return $"“{field}”超出合理范围（绝对值不超过 100 万亿）。";
        if (decimal.Round(amount, 2) != amount)
            return $"“{field}”最多精确到分（以元计两位小数）。";
        return null;
    }

    public static Money Yuan(decimal amount) => new(amount, Cny);
    public static Money Dollars(decimal amount) => new(amount, Usd);
    /// <summary>亿元 → 元.</summary>
    public static Money YiYuan(decimal yi) => new(yi * 100_000_000m, Cny);
    /// <summary>万美元 → 美元.</summary>
    public static Money WanDollars(decimal wan) => new(wan * 10_000m, Usd);
    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money left, Money right)
    {
        if (left.Currency != right.Currency)
            throw new DomainException($"不能直接相加不同币种的金额（{left.Currency} 与 {right.Currency}），需要先按汇率折算。");
        return left with { Amount = left.Amount + right.Amount };
    }

    /// <summary>
    /// How Chinese statistics report it, one unit per currency whatever the size (so a column never mixes units):
    /// 人民币 in 亿元 (to the hundred 元), any other currency in 万 of its Chinese name (万美元, 万港元).
    /// </summary>
    public string ToDisplay()
    {
        var c = CultureInfo.InvariantCulture;
        return Currency == Cny
            ? (Amount / 100_000_000m).ToString("#,0.######", c) + " 亿元"
            : (Amount / 10_000m).ToString("#,0.####", c) + " 万" + Currencies.NameOf(Currency);
    }

    public override string ToString() => ToDisplay();
}

/// <summary>Currencies the finance bureau keeps exchange rates for; anything else is refused at entry.</summary>
public static class Currencies
{
    public static readonly IReadOnlyList<(string Code, string Name)> Known =
    [
        ("CNY", "人民币"), ("USD", "美元"), ("EUR", "欧元"), ("JPY", "日元"), ("KRW", "韩元"), ("HKD", "港元"),
        ("MOP", "澳门元"), ("TWD", "新台币"), ("GBP", "英镑"), ("SGD", "新加坡元"), ("AUD", "澳大利亚元"), ("CAD", "加拿大元"), ("CHF", "瑞士法郎"),
    ];

    /// <summary>The Chinese name of a currency (美元, 港元), or its code when it is not one of <see cref="Known"/>.</summary>
    public static string NameOf(string code) => Known.FirstOrDefault(c => c.Code == code).Name ?? code;

    public static bool IsKnown(string? code) => code is not null && Known.Any(c => c.Code == code.Trim().ToUpperInvariant());
}
