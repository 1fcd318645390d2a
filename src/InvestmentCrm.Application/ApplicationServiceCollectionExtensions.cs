using InvestmentCrm.Appraisal;
using InvestmentCrm.Auditing;
using InvestmentCrm.Authorization;
using InvestmentCrm.Companies;
using InvestmentCrm.Figures;
using InvestmentCrm.Meetings;
using InvestmentCrm.Organization;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.Projects;
using InvestmentCrm.Settings;
using InvestmentCrm.Targets;
using InvestmentCrm.Workbench;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm;

/// <summary>The application layer's modules; each registers itself (its folder's <c>XxxModule</c>).</summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddCrmApplication(this IServiceCollection services) =>
        services
            .AddAuthorizationScope()
            .AddOrganization()
            .AddCompanies()
            .AddProjects()
            .AddProjectIssues()
            .AddMeetings()
            .AddTargets()
            .AddFigures()
            .AddAppraisal()
            .AddAuditing()
            .AddSettings()
            .AddWorkbench();
}
