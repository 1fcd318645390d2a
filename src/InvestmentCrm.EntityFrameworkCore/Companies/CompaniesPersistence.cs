using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Companies;

public static class CompaniesPersistence
{
    /// <summary>
    /// The company search port's adapter on the database, and its index kept with every save (docs/architecture.md,
    /// "Company search").
    /// </summary>
    public static IServiceCollection AddCompaniesPersistence(this IServiceCollection services) =>
        services
            .AddScoped<InvestmentCrm.Companies.ICompanySearch, DatabaseCompanySearch>()
            .AddSingleton<IndexTermShares>()
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, CompanySearchIndexInterceptor>();
}
