using InvestmentCrm.Common;

namespace InvestmentCrm.TestBase;

/// <summary>
/// A clock the test sets, in a business time zone like the host's (default Asia/Shanghai): figures "as of" a date must
/// not depend on when or where the suite runs.
/// </summary>
public sealed class TestClock(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public TestClock() : this(Default) { }

    public DateTimeOffset Now { get; set; } = now;

    public override TimeZoneInfo LocalTimeZone { get; } = zone ?? BusinessClock.FindZone(null);

    public override DateTimeOffset GetUtcNow() => Now;
}
