using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Meetings;

public static class MeetingsModule
{
    /// <summary>调度会: the monthly meeting prepared from the records, its agenda and 三项清单.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services) => services.AddScoped<MeetingAppService>();
}
