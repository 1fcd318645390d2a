namespace InvestmentCrm.TestBase;

/// <summary>A clock the test sets: figures "as of" a date must not depend on when the suite runs.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public TestClock() : this(Default) { }

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
