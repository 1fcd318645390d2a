using InvestmentCrm.Common;

namespace InvestmentCrm.Meetings;

/// <summary>
/// When the monthly 重点项目运行调度会 is held (docs/domain.md, "调度会": 每月第二周). A month's weeks are counted from its
/// first Monday — week 1 begins on the first Monday, week 2 on the second — and the meeting falls on the configured
/// weekday of the configured week (default: Tuesday of week 2). The installation sets both (系统设置), and may hold a
/// 周调度会 every week on a weekday of its own (<paramref name="WeeklyOn"/>; none by default).
/// </summary>
public sealed record MeetingSchedule(int Week = 2, DayOfWeek Weekday = DayOfWeek.Tuesday, DayOfWeek? WeeklyOn = null)
{
    /// <summary>How many days ahead a scheduled meeting is prepared (筹备), so that its agenda is there to edit.</summary>
    public const int PreparedDaysAhead = 7;

    public static readonly MeetingSchedule Default = new();

    /// <summary>Refuses a week outside 1–4 (a fifth week is not in every month) or a weekend day.</summary>
    public MeetingSchedule Validated() =>
        Week is < 1 or > 4 ? throw new DomainException("调度会所在周应为每月第 1 到第 4 周。")
        : Weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? throw new DomainException("调度会应安排在工作日（周一至周五）。")
        : WeeklyOn is DayOfWeek.Saturday or DayOfWeek.Sunday ? throw new DomainException("周调度会应安排在工作日（周一至周五）。")
        : this;

    /// <summary>The monthly meeting's date in a month.</summary>
    public DateOnly MonthlyDate(int year, int month)
    {
        BusinessDates.EnsureYear(year);
        if (month is < 1 or > 12)
            throw new DomainException("月份应在 1 到 12 之间。");
        var first = new DateOnly(year, month, 1);
        var firstMonday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        return firstMonday.AddDays(7 * (Week - 1) + ((int)Weekday - (int)DayOfWeek.Monday));
    }

    /// <summary>The monthly meetings of a year, January to December.</summary>
    public IReadOnlyList<DateOnly> MonthlyDates(int year) => [.. Enumerable.Range(1, 12).Select(month => MonthlyDate(year, month))];

    /// <summary>
    /// The scheduled meetings to prepare on <paramref name="today"/>: those dated from today to
    /// <see cref="PreparedDaysAhead"/> days ahead — the monthly meeting, and the weekly one where configured (not in the
    /// week's slot the monthly meeting takes, the same day).
    /// </summary>
    public IReadOnlyList<(MeetingKind Kind, DateOnly Date)> DueFor(DateOnly today)
    {
        var last = today.AddDays(PreparedDaysAhead);
        var monthly = new[] { MonthlyDate(today.Year, today.Month), MonthlyDate(last.Year, last.Month) }
            .Where(d => d >= today && d <= last).Distinct().ToList();
        var due = monthly.Select(d => (MeetingKind.Monthly, d)).ToList();
        if (WeeklyOn is { } weekday)
            for (var day = today; day <= last; day = day.AddDays(1))
                if (day.DayOfWeek == weekday && !monthly.Contains(day))
                    due.Add((MeetingKind.Weekly, day));
        return due;
    }
}
