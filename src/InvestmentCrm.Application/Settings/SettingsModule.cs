using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Settings;

public static class SettingsModule
{
    /// <summary>Installation and security settings.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services) =>
        services.AddScoped<InstallationAppService>()
            .AddScoped<SecuritySettingsAppService>();
}
