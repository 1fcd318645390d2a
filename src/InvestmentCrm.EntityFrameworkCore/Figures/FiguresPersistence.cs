using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Figures;

public static class FiguresPersistence
{
    /// <summary>The data version the figures cache is keyed by, and the summary tables of the cold cockpit, kept with every save.</summary>
    public static IServiceCollection AddFiguresPersistence(this IServiceCollection services) =>
        services
            .AddSingleton<ISaveChangesInterceptor, DataVersionInterceptor>()
            .AddSingleton<ISaveChangesInterceptor, FigureSummaryInterceptor>();
}
