using InvestmentCrm.Common;
using InvestmentCrm.Meetings;
using Quartz;

namespace InvestmentCrm.Web.Meetings;

/// <summary>
/// Prepares the scheduled 调度会 (docs/domain.md, "调度会"): each morning, the monthly meeting — and the weekly one where
/// configured — dated within the coming week is created (筹备) with its agenda, so the dispatch office finds it ready to
/// edit. Runs as the installation; prepares a meeting once, so a second host or a rerun changes nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MeetingSchedulingJob(MeetingAppService meetings, TimeProvider clock, ILogger<MeetingSchedulingJob> log) : IJob
{
    public static readonly JobKey Key = new("meeting-scheduling", "meetings");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var prepared = await meetings.PrepareDueAsync(clock.Today(), cancellationToken);
            if (prepared > 0)
                log.LogInformation("Prepared {Count} scheduled dispatch meetings", prepared);
        }
        catch (ConflictException)
        {
            // Another host prepared the same meeting a moment earlier (the unique index keeps one); tomorrow's run carries on.
            log.LogInformation("A scheduled dispatch meeting was prepared by another host");
        }
    }
}

public static class MeetingJobs
{
    /// <summary>Every morning at 06:00 business time.</summary>
    public static void AddMeetingJobs(this IQuartzBuilder quartz, TimeZoneInfo zone)
    {
        quartz.AddJob<MeetingSchedulingJob>(job => job.WithIdentity(MeetingSchedulingJob.Key));
        quartz.AddTrigger(trigger => trigger.ForJob(MeetingSchedulingJob.Key).WithIdentity("meeting-scheduling-daily", "meetings")
            .WithCronSchedule("0 0 6 * * ?", cron => cron.InTimeZone(zone)));
    }
}
