using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Organization;

public static class OrganizationModule
{
    /// <summary>Departments, users, roles and permissions.</summary>
    public static IServiceCollection AddOrganization(this IServiceCollection services) =>
        services.AddScoped<OrganizationAdminAppService>().AddScoped<SessionRegistry>().AddScoped<IntegrationAppService>();
}
