using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Targets;

public static class TargetsModule
{
    /// <summary>指标, campaigns, exchange rates and each year's 口径.</summary>
    public static IServiceCollection AddTargets(this IServiceCollection services) =>
        services.AddScoped<TargetAppService>();
}
