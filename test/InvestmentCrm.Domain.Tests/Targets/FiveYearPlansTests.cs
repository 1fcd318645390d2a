using InvestmentCrm.Common;
using InvestmentCrm.Targets;

namespace InvestmentCrm.Domain.Tests.Targets;

public class FiveYearPlansTests
{
    [Theory]
    [InlineData(2026, 11, 22, 2026)]
    [InlineData(2025, 12, 31, 2021)]
    [InlineData(2016, 1, 1, 2016)]
    [InlineData(2015, 6, 1, 2011)]
    public void The_plan_in_force_starts_in_2016_plus_five_k(int year, int month, int day, int first) =>
        FiveYearPlans.FirstYearOf(new DateOnly(year, month, day)).ShouldBe(first);

    [Fact]
    public void A_plan_is_named_and_a_year_no_plan_starts_in_is_refused()
    {
        FiveYearPlans.Name(2021).ShouldBe("“十四五”规划（2021—2025年）");
        FiveYearPlans.Name(2016).ShouldBe("“十三五”规划（2016—2020年）");
        Should.Throw<DomainException>(() => FiveYearPlans.EnsureFirstYear(2023)).Message.ShouldContain("2023 年不是规划的起始年");
        FiveYearPlans.EnsureFirstYear(2026).ShouldBe(2026);
    }
}
