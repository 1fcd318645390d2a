using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Companies;

public static class CompaniesModule
{
    /// <summary>企业库: profiles, duplicates, merge (the search adapter is registered by the persistence layer).</summary>
    public static IServiceCollection AddCompanies(this IServiceCollection services) =>
        services.AddScoped<CompanyAppService>();
}
