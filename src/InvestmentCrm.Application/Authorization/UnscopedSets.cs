using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Authorization;

/// <summary>
/// The one way out of the data scope: the business sets without the <see cref="QueryFilters.DataScope"/> filter (soft
/// delete still applies). For district-wide checks (a duplicate credit code, figures summed for every reader, the
/// appraisal ledger); each use says why. Grep <c>Unscoped.</c> to find them all. EF Core leaves a filter for the whole
/// query, so an unscoped set inside a scoped query unscopes that query too: read it in a query of its own.
/// </summary>
public sealed class UnscopedSets(ICrmDbContext db)
{
    private static readonly string[] Scope = [QueryFilters.DataScope];

    public IQueryable<Project> Projects => db.Projects.IgnoreQueryFilters(Scope);
    public IQueryable<Company> Companies => db.Companies.IgnoreQueryFilters(Scope);
    public IQueryable<Contract> Contracts => db.Contracts.IgnoreQueryFilters(Scope);
    public IQueryable<FundsTranche> FundsTranches => db.FundsTranches.IgnoreQueryFilters(Scope);
    public IQueryable<Activity> Activities => db.Activities.IgnoreQueryFilters(Scope);
    public IQueryable<Attachment> Attachments => db.Attachments.IgnoreQueryFilters(Scope);
    public IQueryable<ProjectInvestment> ProjectInvestments => db.ProjectInvestments.IgnoreQueryFilters(Scope);
    public IQueryable<ProjectIssues.ProjectIssue> ProjectIssues => db.ProjectIssues.IgnoreQueryFilters(Scope);

    private static readonly string[] ScopeAndDeletion = [QueryFilters.DataScope, QueryFilters.SoftDelete];

    /// <summary>Every project, deleted ones included: only to name records in the audit log, which outlives them.</summary>
    public IQueryable<Project> ProjectsEverRecorded => db.Projects.IgnoreQueryFilters(ScopeAndDeletion);

    /// <summary>Every company, deleted ones included: only to name records in the audit log.</summary>
    public IQueryable<Company> CompaniesEverRecorded => db.Companies.IgnoreQueryFilters(ScopeAndDeletion);
}
