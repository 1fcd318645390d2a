using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.Projects;

public static class ProjectsModule
{
    /// <summary>招商项目: the pipeline, responsibility, milestones, attachments, the funds and contract registers, and 项目建设.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services) =>
        services.AddScoped<ProjectAppService>()
            .AddScoped<PipelineAppService>()
            .AddScoped<AttachmentAppService>()
            .AddScoped<FundsRegisterAppService>()
            .AddScoped<ActivityAppService>()
            .AddScoped<ConstructionAppService>()
            .AddScoped<ProjectPoolAppService>();
}
