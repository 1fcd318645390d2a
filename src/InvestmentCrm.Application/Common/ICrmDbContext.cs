using InvestmentCrm.Auditing;
using InvestmentCrm.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.Settings;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Common;

/// <summary>
/// What use cases see of the database: EF Core sets queried with LINQ and projected into DTOs.
/// No repository layer on top — EF Core already is one (docs/architecture.md: no home-made framework).
/// </summary>
public interface ICrmDbContext
{
    DbSet<Department> Departments { get; }
    DbSet<AppUser> Users { get; }
    DbSet<AppRole> Roles { get; }
    DbSet<Company> Companies { get; }
    DbSet<Project> Projects { get; }
    DbSet<ProjectStageTransition> ProjectStageTransitions { get; }
    DbSet<ProjectContributor> ProjectContributors { get; }
    DbSet<ProjectCompany> ProjectCompanies { get; }
    DbSet<ProjectMilestone> ProjectMilestones { get; }
    DbSet<ProjectYearFlag> ProjectYearFlags { get; }
    DbSet<ProjectInvestment> ProjectInvestments { get; }
    DbSet<ConstructionEvent> ConstructionEvents { get; }
    DbSet<ProjectIssues.ProjectIssue> ProjectIssues { get; }
    DbSet<ProjectIssues.IssueCategoryRoute> IssueCategoryRoutes { get; }
    DbSet<ProjectIssues.IssueKeyword> IssueKeywords { get; }
    DbSet<ProjectIssues.GreenChannelService> GreenChannelServices { get; }
    DbSet<Meetings.DispatchMeeting> DispatchMeetings { get; }
    DbSet<Meetings.MeetingBulletin> MeetingBulletins { get; }
    DbSet<Contract> Contracts { get; }
    DbSet<FundsTranche> FundsTranches { get; }
    DbSet<Activity> Activities { get; }
    DbSet<Attachment> Attachments { get; }
    DbSet<Target> Targets { get; }
    DbSet<Campaign> Campaigns { get; }
    DbSet<ExchangeRate> ExchangeRates { get; }
    DbSet<Figures.FigureRules> FigureRules { get; }
    DbSet<Figures.FundsMonthTotal> FundsMonthTotals { get; }
    DbSet<Figures.StageMonthCount> StageMonthCounts { get; }
    DbSet<Figures.ProjectFigureFacts> ProjectFigureFacts { get; }
    DbSet<Figures.CohortMonthTotal> CohortMonthTotals { get; }
    DbSet<Figures.ProjectSigning> ProjectSignings { get; }
    DbSet<SystemSetting> SystemSettings { get; }
    DbSet<RoleDepartment> RoleDepartments { get; }
    DbSet<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>> UserRoles { get; }
    DbSet<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>> RoleClaims { get; }
    DbSet<AuditLog> AuditLogs { get; }
    DbSet<SecurityLog> SecurityLogs { get; }
    DbSet<DataVersion> DataVersions { get; }
    DbSet<Appraisal.AppraisalRuleSet> AppraisalRuleSets { get; }
    DbSet<Appraisal.AppraisalRun> AppraisalRuns { get; }
    DbSet<Appraisal.AppraisalScore> AppraisalScores { get; }
    DbSet<Appraisal.AppraisalLine> AppraisalLines { get; }
    DbSet<Appraisal.AppraisalEvidence> AppraisalEvidence { get; }
    DbSet<Appraisal.FundsReview> FundsReviews { get; }
    DbSet<PlanBaseline> PlanBaselines { get; }
    DbSet<AdministratorAccountChange> AdministratorAccountChanges { get; }
    DbSet<UserSession> UserSessions { get; }
    DbSet<ApiToken> ApiTokens { get; }
    DbSet<PasswordHistoryEntry> PasswordHistory { get; }

    /// <summary>
    /// Whose data scope the business sets are filtered by (Authorization/ReaderScope). Starts as nobody for a person
    /// (until <see cref="Authorization.DataScope"/> resolves it) and as everything for the system (CLI, background work).
    /// </summary>
    Authorization.ReaderScope ReaderScope { get; set; }

    /// <summary>The business sets without the data-scope filter: the explicit, greppable way out (Authorization/UnscopedSets).</summary>
    Authorization.UnscopedSets Unscoped { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>For the few use cases that need more than one save in one transaction (e.g. merging companies).</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    /// <summary>
    /// Keeps one connection open until disposed, for a use case that runs many short queries in a row (the cockpit):
    /// otherwise every query takes a connection from the pool and hands it back, which costs a round trip each.
    /// </summary>
    Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken ct = default);
}
