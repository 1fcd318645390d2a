using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Auditing;

public static class AuditingPersistence
{
    /// <summary>The audit trail, written with every save (registered first: later save-time work reads its rows), then sealed into its chain.</summary>
    public static IServiceCollection AddAuditingPersistence(this IServiceCollection services) =>
        services.AddSingleton<ISaveChangesInterceptor, AuditTrailInterceptor>()
            .AddSingleton<ISaveChangesInterceptor, AuditChainInterceptor>();
}
