namespace InvestmentCrm.Common;

/// <summary>
/// The one business clock: a <see cref="TimeProvider"/> whose <see cref="TimeProvider.LocalTimeZone"/> is the
/// district's time zone (<c>Clock:TimeZone</c>, default Asia/Shanghai), whatever zone the server runs in. "Today" for
/// every rule, figure and page is the business date (see <see cref="BusinessTime"/>); instants are stored in UTC.
/// </summary>
public sealed class BusinessClock(TimeZoneInfo zone, TimeProvider? instants = null) : TimeProvider
{
    public const string DefaultZoneId = "Asia/Shanghai";

    private readonly TimeProvider _instants = instants ?? System;

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => _instants.GetUtcNow();

    /// <summary>The configured zone; China keeps UTC+8 all year, so a host without time-zone data still gets it right.</summary>
    public static TimeZoneInfo FindZone(string? id)
    {
        id = string.IsNullOrWhiteSpace(id) ? DefaultZoneId : id.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == DefaultZoneId)
        {
            return TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}

/// <summary>Reading the business clock: the only way code gets "today" and "now".</summary>
public static class BusinessTime
{
    /// <summary>The business date (Beijing date by default).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The current instant in UTC, as stored in records and the audit trail.</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>A stored UTC instant as the business time zone shows it (audit display, 冻结于 …).</summary>
    public static DateTime ToBusinessTime(this TimeProvider clock, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone);

    public static DateTime? ToBusinessTime(this TimeProvider clock, DateTime? utc) => utc is { } at ? clock.ToBusinessTime(at) : null;
}
