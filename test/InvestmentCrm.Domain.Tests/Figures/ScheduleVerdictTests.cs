using InvestmentCrm.Figures;

namespace InvestmentCrm.Domain.Tests.Figures;

public class ScheduleVerdictTests
{
    [Theory]
    [InlineData(0, ScheduleVerdict.Level)]
    [InlineData(0.4, ScheduleVerdict.Level)]
    [InlineData(-0.4, ScheduleVerdict.Level)]
    [InlineData(0.5, ScheduleVerdict.Ahead)]
    [InlineData(12.3, ScheduleVerdict.Ahead)]
    [InlineData(-0.5, ScheduleVerdict.Behind)]
    public void Within_half_a_point_of_time_progress_is_level(double variance, ScheduleVerdict expected) =>
        ScheduleVerdicts.For((decimal)variance).ShouldBe(expected);
}
