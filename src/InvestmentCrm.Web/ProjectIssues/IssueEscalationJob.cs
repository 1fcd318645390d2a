using InvestmentCrm.Common;
using InvestmentCrm.ProjectIssues;
using Quartz;

namespace InvestmentCrm.Web.ProjectIssues;

/// <summary>
/// The daily check of docs/domain.md, "项目问题": problems overdue by their category's configured days are taken up to the
/// 指挥部 (Quartz runs it outside any request, so as the installation). Idempotent — a problem is escalated once — so two
/// hosts running it on the same morning change nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IssueEscalationJob(ProjectIssueAppService issues, ILogger<IssueEscalationJob> log) : IJob
{
    public static readonly JobKey Key = new("issue-escalation", "project-issues");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var escalated = await issues.EscalateOverdueAsync(cancellationToken);
        if (escalated > 0)
            log.LogInformation("Escalated {Count} overdue project issues to the headquarters", escalated);
    }
}

public static class ProjectIssueJobs
{
    /// <summary>Every morning at 06:30 business time.</summary>
    public static void AddProjectIssueJobs(this IQuartzBuilder quartz, TimeZoneInfo zone)
    {
        quartz.AddJob<IssueEscalationJob>(job => job.WithIdentity(IssueEscalationJob.Key));
        quartz.AddTrigger(trigger => trigger.ForJob(IssueEscalationJob.Key).WithIdentity("issue-escalation-daily", "project-issues")
            .WithCronSchedule("0 30 6 * * ?", cron => cron.InTimeZone(zone)));
    }
}
