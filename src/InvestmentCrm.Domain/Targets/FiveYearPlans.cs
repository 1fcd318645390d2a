using InvestmentCrm.Common;

namespace InvestmentCrm.Targets;

/// <summary>五年规划: they run 2016–2020 (十三五), 2021–2025 (十四五), … — five calendar years from 2016 + 5k.</summary>
public static class FiveYearPlans
{
    private const int ThirteenthPlanStart = 2016;

    /// <summary>The first year of the plan in force at a date.</summary>
    public static int FirstYearOf(DateOnly date) => date.Year - Offset(date.Year);

    /// <summary>Refuses a year no plan starts in (2023), or a plan outside the product's dates.</summary>
    public static int EnsureFirstYear(int firstYear)
    {
        if (Offset(firstYear) != 0)
            throw new DomainException($"五年规划从 2016、2021、2026 年这样的年份开始，{firstYear} 年不是规划的起始年。");
        BusinessDates.EnsureYear(firstYear);
        BusinessDates.EnsureYear(firstYear + 4);
        return firstYear;
    }

    /// <summary>“十四五”规划（2021—2025年）.</summary>
    public static string Name(int firstYear)
    {
        var ordinal = (firstYear - ThirteenthPlanStart) / 5 + 13;
        var numeral = ordinal switch { 12 => "十二", 13 => "十三", 14 => "十四", 15 => "十五", 16 => "十六", 17 => "十七", _ => null };
        return numeral is null ? $"{firstYear}—{firstYear + 4}年五年规划" : $"“{numeral}五”规划（{firstYear}—{firstYear + 4}年）";
    }

    private static int Offset(int year) => ((year - ThirteenthPlanStart) % 5 + 5) % 5;
}
