using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Workbench;

public static class WorkbenchModule
{
    /// <summary>工作台.</summary>
    public static IServiceCollection AddWorkbench(this IServiceCollection services) =>
        services.AddScoped<WorkbenchAppService>();
}
