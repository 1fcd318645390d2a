using InvestmentCrm.Settings;
using InvestmentCrm.Workbench;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm;

/// <summary>One registration per module; the host calls <see cref="AddCrmApplication"/>.</summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddCrmApplication(this IServiceCollection services) =>
        services.AddAuthorizationScope().AddWorkbench().AddSettings().AddProjects().AddFigures().AddAuditing();

    public static IServiceCollection AddAuthorizationScope(this IServiceCollection services) =>
        services.AddScoped<Authorization.DataScope>();

    public static IServiceCollection AddProjects(this IServiceCollection services) =>
        services.AddScoped<Companies.CompanyAppService>().AddScoped<Projects.ProjectAppService>().AddScoped<Projects.PipelineAppService>().AddScoped<Projects.AttachmentAppService>().AddScoped<Organization.OrganizationAdminAppService>();

    public static IServiceCollection AddFigures(this IServiceCollection services) =>
        services.AddMemoryCache().AddSingleton<Figures.FiguresCache>().AddScoped<Figures.FiguresAppService>().AddScoped<Targets.TargetAppService>().AddScoped<Appraisal.AppraisalAppService>();

    public static IServiceCollection AddAuditing(this IServiceCollection services) =>
        services.AddScoped<Auditing.AuditLogAppService>().AddScoped<Auditing.SecurityLogWriter>();

    public static IServiceCollection AddSettings(this IServiceCollection services) =>
        services.AddScoped<InstallationAppService>().AddScoped<SecuritySettingsAppService>();

    public static IServiceCollection AddWorkbench(this IServiceCollection services) =>
        services.AddScoped<WorkbenchAppService>();
}
