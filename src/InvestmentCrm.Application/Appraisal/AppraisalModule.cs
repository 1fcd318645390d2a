using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Appraisal;

public static class AppraisalModule
{
    /// <summary>年度考核.</summary>
    public static IServiceCollection AddAppraisal(this IServiceCollection services) =>
        services.AddScoped<AppraisalAppService>();
}
