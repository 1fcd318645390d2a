using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Authorization;

public static class AuthorizationModule
{
    /// <summary>DataScope of the reader (docs/security.md).</summary>
    public static IServiceCollection AddAuthorizationScope(this IServiceCollection services) =>
        services.AddScoped<DataScope>();
}
