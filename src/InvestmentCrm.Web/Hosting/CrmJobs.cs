using InvestmentCrm.Web.Meetings;
using InvestmentCrm.Web.ProjectIssues;
using Quartz;

namespace InvestmentCrm.Web.Hosting;

/// <summary>The scheduled work of every module, in one Quartz scheduler; times are business time (Clock:TimeZone, Beijing by default).</summary>
public static class CrmJobs
{
    public static IServiceCollection AddCrmJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var zone = InvestmentCrm.Common.BusinessClock.FindZone(configuration["Clock:TimeZone"]);
        services.AddQuartz(quartz =>
        {
            quartz.AddProjectIssueJobs(zone);
            quartz.AddMeetingJobs(zone);
            quartz.AddIdleMemoryTrim();
        });
        services.AddSingleton<NodeActivity>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
