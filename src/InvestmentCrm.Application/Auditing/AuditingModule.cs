using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Auditing;

public static class AuditingModule
{
    /// <summary>Audit and security logs.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services) =>
        services.AddScoped<AuditLogAppService>()
            .AddScoped<AuditLogReader>()
            .AddScoped<SecurityLogWriter>();
}
