using InvestmentCrm.Settings;
using InvestmentCrm.Workbench;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm;

/// <summary>One registration per module; the host calls <see cref="AddCrmApplication"/>.</summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddCrmApplication(this IServiceCollection services) =>
        services.AddWorkbench().AddSettings();

    public static IServiceCollection AddSettings(this IServiceCollection services) =>
        services.AddScoped<InstallationAppService>();

    public static IServiceCollection AddWorkbench(this IServiceCollection services) =>
        services.AddScoped<WorkbenchAppService>();
}
