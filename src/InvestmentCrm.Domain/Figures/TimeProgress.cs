using InvestmentCrm.Common;

namespace InvestmentCrm.Figures;

/// <summary>
/// 序时进度 = completed months of the period ÷ months in the period at the as-of date. A month completes on
/// its last day (or on the period's last day when the period ends mid-month); a month that is only partly in
/// the period still counts as one month of it.
/// </summary>
public readonly record struct TimeProgress(int CompletedMonths, int TotalMonths)
{
    public decimal Percent => TotalMonths == 0 ? 0m : CompletedMonths * 100m / TotalMonths;

    public static TimeProgress At(DateOnly start, DateOnly end, DateOnly asOf)
    {
        if (end < start) throw new DomainException("期间的结束日期不能早于开始日期。");
        var total = (end.Year - start.Year) * 12 + end.Month - start.Month + 1;
        var completed = 0;
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            var lastDay = month.AddMonths(1).AddDays(-1);
            if ((lastDay > end ? end : lastDay) <= asOf)
                completed++;
        }
        return new TimeProgress(completed, total);
    }
}

/// <summary>How a cumulative figure stands against 时间进度: ahead of, level with or behind the calendar.</summary>
public enum ScheduleVerdict
{
    [System.ComponentModel.DataAnnotations.Display(Name = "超进度")]
    Ahead = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "持平")]
    Level = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "欠进度")]
    Behind = 3,
}

public static class ScheduleVerdicts
{
    /// <summary>Within half a percentage point of 时间进度 reads as 持平 (the figures show one decimal).</summary>
    public const decimal LevelWithinPoints = 0.5m;

    /// <param name="variancePoints">完成率 − 时间进度, in percentage points.</param>
    public static ScheduleVerdict For(decimal variancePoints) =>
        variancePoints >= LevelWithinPoints ? ScheduleVerdict.Ahead
        : variancePoints <= -LevelWithinPoints ? ScheduleVerdict.Behind
        : ScheduleVerdict.Level;
}
