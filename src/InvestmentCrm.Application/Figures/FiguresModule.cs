using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Figures;

public static class FiguresModule
{
    /// <summary>The figures engine, the cockpit and its cache.</summary>
    public static IServiceCollection AddFigures(this IServiceCollection services) =>
        services.AddMemoryCache()
            .AddSingleton(_ => new FiguresCache(FiguresCache.CreateStore()))
            .AddScoped<FiguresEngine>()
            .AddScoped<CockpitAppService>()
            .AddScoped<FigureRecordsAppService>()
            .AddScoped<PeopleFiguresAppService>()
            .AddScoped<PlanProgressAppService>();
}
