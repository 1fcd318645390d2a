using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.ProjectIssues;

public static class ProjectIssuesModule
{
    /// <summary>项目问题: raising, routing and handling problems, their figures, 我的包保项目 and 绿色通道 services.</summary>
    public static IServiceCollection AddProjectIssues(this IServiceCollection services) =>
        services.AddScoped<ProjectIssueAppService>()
            .AddScoped<IssueStatisticsAppService>()
            .AddScoped<ResponsibleProjectsAppService>()
            .AddScoped<GreenChannelAppService>();
}
