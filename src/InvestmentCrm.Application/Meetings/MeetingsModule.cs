using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Meetings;

public static class MeetingsModule
{
    /// <summary>调度会: the meetings prepared from the records, their agenda and 三项清单, and the 快报.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services) =>
        services.AddScoped<MeetingAppService>().AddScoped<MeetingBulletinAppService>();
}
