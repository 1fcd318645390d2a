namespace InvestmentCrm.Common;

/// <summary>
/// The window of dates the product deals in: a year or date outside it is a typing error (0001-01-01, year 10000), refused
/// in Chinese instead of overflowing date arithmetic further on.
/// </summary>
public static class BusinessDates
{
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    public static bool Contains(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    /// <summary>星期一 … 星期日.</summary>
    public static string WeekdayName(DayOfWeek day) => "星期" + "日一二三四五六"[(int)day];

    public static int EnsureYear(int year) =>
        year is >= FirstYear and <= LastYear ? year : throw new DomainException($"年份应在 {FirstYear} 到 {LastYear} 年之间。");

    public static DateOnly EnsureDate(DateOnly date, string label) =>
        date.Year is >= FirstYear and <= LastYear ? date : throw new DomainException($"{label}应在 {FirstYear} 到 {LastYear} 年之间。");
}
