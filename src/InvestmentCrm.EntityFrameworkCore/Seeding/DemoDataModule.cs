using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Seeding;

public static class DemoDataModule
{
    /// <summary>The system roles every installation has, and the demo data the seed verb writes.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) =>
        services.AddScoped<DemoDataSeeder>().AddScoped<SystemRolesSeeder>();
}
