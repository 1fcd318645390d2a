using InvestmentCrm.Auditing;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.Settings;
using InvestmentCrm.Targets;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>
/// The one EF Core model, shared by SQLite and PostgreSQL. Saving stamps who/when, renews concurrency
/// stamps and turns deletes of business records into soft deletes; the modules add their save-time work as
/// interceptors (docs/architecture.md, "Persistence").
/// </summary>
public class CrmDbContext(DbContextOptions<CrmDbContext> options, TimeProvider clock, ICurrentUser currentUser)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), ICrmDbContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectStageTransition> ProjectStageTransitions => Set<ProjectStageTransition>();
    public DbSet<ProjectContributor> ProjectContributors => Set<ProjectContributor>();
    public DbSet<ProjectCompany> ProjectCompanies => Set<ProjectCompany>();
    public DbSet<ProjectMilestone> ProjectMilestones => Set<ProjectMilestone>();
    public DbSet<ProjectYearFlag> ProjectYearFlags => Set<ProjectYearFlag>();
    public DbSet<ProjectInvestment> ProjectInvestments => Set<ProjectInvestment>();
    public DbSet<ConstructionEvent> ConstructionEvents => Set<ConstructionEvent>();
    public DbSet<InvestmentCrm.ProjectIssues.ProjectIssue> ProjectIssues => Set<InvestmentCrm.ProjectIssues.ProjectIssue>();
    public DbSet<InvestmentCrm.ProjectIssues.IssueCategoryRoute> IssueCategoryRoutes => Set<InvestmentCrm.ProjectIssues.IssueCategoryRoute>();
    public DbSet<InvestmentCrm.ProjectIssues.IssueKeyword> IssueKeywords => Set<InvestmentCrm.ProjectIssues.IssueKeyword>();
    public DbSet<InvestmentCrm.ProjectIssues.GreenChannelService> GreenChannelServices => Set<InvestmentCrm.ProjectIssues.GreenChannelService>();
    public DbSet<InvestmentCrm.Meetings.DispatchMeeting> DispatchMeetings => Set<InvestmentCrm.Meetings.DispatchMeeting>();
    public DbSet<InvestmentCrm.Meetings.MeetingBulletin> MeetingBulletins => Set<InvestmentCrm.Meetings.MeetingBulletin>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<FundsTranche> FundsTranches => Set<FundsTranche>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<InvestmentCrm.Figures.FigureRules> FigureRules => Set<InvestmentCrm.Figures.FigureRules>();
    public DbSet<InvestmentCrm.Figures.FundsMonthTotal> FundsMonthTotals => Set<InvestmentCrm.Figures.FundsMonthTotal>();
    public DbSet<InvestmentCrm.Figures.StageMonthCount> StageMonthCounts => Set<InvestmentCrm.Figures.StageMonthCount>();
    public DbSet<InvestmentCrm.Figures.ProjectFigureFacts> ProjectFigureFacts => Set<InvestmentCrm.Figures.ProjectFigureFacts>();
    public DbSet<InvestmentCrm.Figures.CohortMonthTotal> CohortMonthTotals => Set<InvestmentCrm.Figures.CohortMonthTotal>();
    public DbSet<InvestmentCrm.Figures.ProjectSigning> ProjectSignings => Set<InvestmentCrm.Figures.ProjectSigning>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<RoleDepartment> RoleDepartments => Set<RoleDepartment>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<SecurityLog> SecurityLogs => Set<SecurityLog>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<InvestmentCrm.Appraisal.AppraisalRuleSet> AppraisalRuleSets => Set<InvestmentCrm.Appraisal.AppraisalRuleSet>();
    public DbSet<InvestmentCrm.Appraisal.AppraisalRun> AppraisalRuns => Set<InvestmentCrm.Appraisal.AppraisalRun>();
    public DbSet<InvestmentCrm.Appraisal.AppraisalScore> AppraisalScores => Set<InvestmentCrm.Appraisal.AppraisalScore>();
    public DbSet<InvestmentCrm.Appraisal.AppraisalLine> AppraisalLines => Set<InvestmentCrm.Appraisal.AppraisalLine>();
    public DbSet<InvestmentCrm.Appraisal.AppraisalEvidence> AppraisalEvidence => Set<InvestmentCrm.Appraisal.AppraisalEvidence>();
    public DbSet<InvestmentCrm.Appraisal.FundsReview> FundsReviews => Set<InvestmentCrm.Appraisal.FundsReview>();
    public DbSet<PlanBaseline> PlanBaselines => Set<PlanBaseline>();
    public DbSet<AdministratorAccountChange> AdministratorAccountChanges => Set<AdministratorAccountChange>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    /// <summary>Who saves (for the save-time work of the modules, e.g. the audit trail).</summary>
    internal ICurrentUser CurrentUser => currentUser;

    /// <summary>The business clock (for the save-time work of the modules).</summary>
    internal TimeProvider Clock => clock;

    /// <inheritdoc />
    public ReaderScope ReaderScope { get; set; } = currentUser.IsSystem ? ReaderScope.Everything : ReaderScope.Nobody;

    /// <inheritdoc />
    public UnscopedSets Unscoped => new(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        ApplyDataScope(builder);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            // Keys are assigned in code (Guid v7). Saying so lets EF insert a child added to an existing
            // aggregate's collection, instead of taking it for an existing row and updating nothing.
            if (typeof(Entity).IsAssignableFrom(entityType.ClrType))
                builder.Entity(entityType.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
            if (typeof(AggregateRoot).IsAssignableFrom(entityType.ClrType))
                builder.Entity(entityType.ClrType).Property(nameof(AggregateRoot.ConcurrencyStamp)).IsConcurrencyToken();
        }
    }

    /// <summary>
    /// The data scope of docs/security.md as query filters over this context's <see cref="ReaderScope"/> (a parameter of every
    /// query, read when the query runs): a project is seen for its 招引单位 or when the reader created it, leads it (包保),
    /// serves it as secretary or contributes to it; its contracts, tranches and attachments with it; a company when it is
    /// registered in a scope department, by the reader, or linked to a seen project; an activity with its project, its
    /// owner department, its author or a participant.
    /// </summary>
    private void ApplyDataScope(ModelBuilder builder)
    {
        // The reader's kind is a constant of the statement (EF.Constant: one SQL text per kind, each cached): for 全部 the
        // filter is TRUE and leaves the SQL altogether; for the others the `FALSE OR …` is dropped, so PostgreSQL can turn
        // `project id IN (…)` into a join — an OR with a parameter is planned as a subquery probed per row.
        // Membership in a set of ids (IN with an uncorrelated subquery), not a correlated EXISTS: next to the OR with
        // ReaderScope.All, PostgreSQL cannot turn an EXISTS into a join and probes it once per row (700,000 tranches: 1.5 s),
        // whereas the subquery's ids are gathered once and probed in a hash (docs/benchmarks/load.md).
        // The projects' own clauses are each an index lookup (contributions come with the scope as a list of ids), so that set
        // is gathered by a BitmapOr of index scans, not a scan of every project (4,600 of 100,000: 22 ms → 3 ms).
        builder.Entity<Project>().HasQueryFilter(QueryFilters.DataScope, p => EF.Constant(ReaderScope.All)
            || (EF.Constant(ReaderScope.UserId != null)
                && ((p.LeadDepartmentId != null && ReaderScope.DepartmentIds.Contains(p.LeadDepartmentId.Value))
                    || p.CreatedBy == ReaderScope.UserId
                    || p.ResponsibleLeaderId == ReaderScope.UserId
                    || p.DepartmentSecretaryId == ReaderScope.UserId
                    || p.LocalSecretaryId == ReaderScope.UserId
                    || ReaderScope.ContributedProjectIds.Contains(p.Id))));
        builder.Entity<Contract>().HasQueryFilter(QueryFilters.DataScope, c => EF.Constant(ReaderScope.All) || Set<Project>().Select(p => p.Id).Contains(c.ProjectId));
        builder.Entity<FundsTranche>().HasQueryFilter(QueryFilters.DataScope, t => EF.Constant(ReaderScope.All) || Set<Project>().Select(p => p.Id).Contains(t.ProjectId));
        builder.Entity<ConstructionEvent>().HasQueryFilter(QueryFilters.DataScope, e => EF.Constant(ReaderScope.All) || Set<Project>().Select(p => p.Id).Contains(e.ProjectId));
        builder.Entity<ProjectInvestment>().HasQueryFilter(QueryFilters.DataScope, i => EF.Constant(ReaderScope.All) || Set<Project>().Select(p => p.Id).Contains(i.ProjectId));
        // A problem is seen by whoever sees its project, and by the unit it is routed to (a 保障专班 sees what it must solve).
        builder.Entity<InvestmentCrm.ProjectIssues.ProjectIssue>().HasQueryFilter(QueryFilters.DataScope, i => EF.Constant(ReaderScope.All)
            || Set<Project>().Select(p => p.Id).Contains(i.ProjectId)
            || (EF.Constant(ReaderScope.UserId != null) && ReaderScope.DepartmentIds.Contains(i.AssignedDepartmentId)));
        builder.Entity<InvestmentCrm.ProjectIssues.GreenChannelService>().HasQueryFilter(QueryFilters.DataScope, s => EF.Constant(ReaderScope.All)
            || Set<Project>().Select(p => p.Id).Contains(s.ProjectId)
            || (EF.Constant(ReaderScope.UserId != null) && ReaderScope.DepartmentIds.Contains(s.ResponsibleDepartmentId)));
        // A problem's materials (问题材料) are read also by the unit the problem is routed to.
        builder.Entity<Attachment>().HasQueryFilter(QueryFilters.DataScope, a => EF.Constant(ReaderScope.All) || Set<Project>().Select(p => p.Id).Contains(a.ProjectId)
            || (a.ProjectIssueId != null && Set<InvestmentCrm.ProjectIssues.ProjectIssue>().Select(i => i.Id).Contains(a.ProjectIssueId.Value)));
        builder.Entity<Activity>().HasQueryFilter(QueryFilters.DataScope, a => EF.Constant(ReaderScope.All)
            || (EF.Constant(ReaderScope.UserId != null)
                && ((a.ProjectId != null && Set<Project>().Select(p => p.Id).Contains(a.ProjectId.Value))
                    || (a.OwnerDepartmentId != null && ReaderScope.DepartmentIds.Contains(a.OwnerDepartmentId.Value))
                    || a.CreatedBy == ReaderScope.UserId
                    || a.Participants.Any(x => x.UserId == ReaderScope.UserId))));
        builder.Entity<Company>().HasQueryFilter(QueryFilters.DataScope, c => EF.Constant(ReaderScope.All)
            || (EF.Constant(ReaderScope.UserId != null)
                && ((c.OwnerDepartmentId != null && ReaderScope.DepartmentIds.Contains(c.OwnerDepartmentId.Value))
                    || c.CreatedBy == ReaderScope.UserId
                    || Set<Project>().SelectMany(p => p.Companies).Select(pc => pc.CompanyId).Contains(c.Id))));
    }

    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken ct = default)
    {
        await Database.OpenConnectionAsync(ct);
        return new HeldConnection(this);
    }

    private sealed class HeldConnection(CrmDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }

    // Microsoft.Data.Sqlite runs synchronously underneath, so the synchronous save can wait on the async one.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// One save is one transaction, including what the modules' save-time work (<see cref="SaveTimeWork{TState}"/>:
    /// audit trail, data version, search index, figure summaries) writes before and after the rows.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SaveInTransactionAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && UniqueIndexes.Translate(ex, Model) is { } conflict)
        {
            throw conflict;
        }
    }

    private async Task<int> SaveInTransactionAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        StampChanges();
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Stamps who/when, turns deletes into soft deletes and renews the concurrency stamps.</summary>
    private void StampChanges()
    {
        var now = clock.UtcNow();
        var user = currentUser.UserId;
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry is { State: EntityState.Added, Entity: IDepartmentOwned { OwnerDepartmentId: null } owned })
                owned.OwnerDepartmentId = currentUser.DepartmentId;

            if (entry is { State: EntityState.Deleted, Entity: ISoftDelete softDeleted })
            {
                entry.State = EntityState.Modified;
                (softDeleted.IsDeleted, softDeleted.DeletedAt, softDeleted.DeletedBy) = (true, now, user);
            }

            if (entry.Entity is IAuditedEntity audited)
            {
                if (entry.State == EntityState.Added)
                    (audited.CreatedAt, audited.CreatedBy) = (now, audited.CreatedBy ?? user);
                else if (entry.State == EntityState.Modified)
                    (audited.UpdatedAt, audited.UpdatedBy) = (now, user);
            }

            if (entry is { State: EntityState.Modified, Entity: AggregateRoot root })
                root.ConcurrencyStamp = Guid.NewGuid();

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                EnsureDefinedEnums(entry);
                EnsureTextFits(entry);
                EnsureNumbersAndDatesFit(entry);
            }
        }
    }

    /// <summary>
    /// Amounts (<see cref="Money.Problem"/>), other decimals (their column's precision) and dates (the
    /// <see cref="BusinessDates"/> window) are checked on every save, by the field's Chinese name: 5e28 broke every total,
    /// 1e18 was a 500 on PostgreSQL, 0.001 was silently stored as 0.00, 0001-01-01 and 9999-12-31 were accepted.
    /// </summary>
    private static void EnsureNumbersAndDatesFit(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        string Label(string field) => InvestmentCrm.Auditing.AuditVocabulary.FieldLabel(entry.Metadata.ClrType.Name, field) ?? field;
        foreach (var money in entry.ComplexProperties)
            foreach (var property in money.Properties.Where(p => p.Metadata.ClrType == typeof(decimal) && (entry.State == EntityState.Added || p.IsModified)))
                if (Money.Problem(Label($"{money.Metadata.Name}.{property.Metadata.Name}"), (decimal)property.CurrentValue!) is { } problem)
                    throw new DomainException(problem);
        foreach (var property in entry.Properties.Where(p => entry.State == EntityState.Added || p.IsModified))
        {
            switch (property.CurrentValue)
            {
                case DateOnly date when !BusinessDates.Contains(date):
                    throw new DomainException($"“{Label(property.Metadata.Name)}”应在 {BusinessDates.FirstYear} 到 {BusinessDates.LastYear} 年之间。");
                // Computed decimals (weights, scores) are rounded by the column; only a value that cannot fit is refused.
                case decimal number when property.Metadata.GetPrecision() is { } precision
                        && Math.Abs(number) >= (decimal)Math.Pow(10, precision - (property.Metadata.GetScale() ?? 0)):
                    throw new DomainException($"“{Label(property.Metadata.Name)}”超出合理范围。");
            }
        }
    }

    /// <summary>
    /// Every text field fits its column and holds no control characters (<see cref="TextRules"/>): refused in Chinese by
    /// the field's name before the database sees it — an over-long value was a 500 on PostgreSQL. Invisible characters are
    /// dropped.
    /// </summary>
    private static void EnsureTextFits(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string value
                || (entry.State == EntityState.Modified && !property.IsModified))
                continue;
            var clean = TextRules.WithoutInvisible(value);
            if (!ReferenceEquals(clean, value))
                property.CurrentValue = clean;
            if (TextRules.Problem(InvestmentCrm.Auditing.AuditVocabulary.FieldLabel(entry.Metadata.ClrType.Name, property.Metadata.Name) ?? property.Metadata.Name,
                    clean, property.Metadata.GetMaxLength()) is { } problem)
                throw new DomainException(problem);
        }
    }

    /// <summary>
    /// Every enum field holds one of its defined values (docs/security.md, "Input"): a number from outside (性质 99, 类型 0)
    /// is refused in Chinese, by the field's name, for every record and every way in — never stored.
    /// </summary>
    private static void EnsureDefinedEnums(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            var type = Nullable.GetUnderlyingType(property.Metadata.ClrType) ?? property.Metadata.ClrType;
            if (type.IsEnum && property.CurrentValue is { } value && !IsDefined(type, value))
                throw new DomainException(
                    $"“{InvestmentCrm.Auditing.AuditVocabulary.FieldLabel(entry.Metadata.ClrType.Name, property.Metadata.Name) ?? property.Metadata.Name}”的取值无效。");
        }
    }

    /// <summary>A [Flags] value is defined when it combines defined flags only (列入原因: 有未解决问题 + 问题逾期).</summary>
    private static bool IsDefined(Type type, object value)
    {
        if (!type.IsDefined(typeof(FlagsAttribute), false))
            return Enum.IsDefined(type, value);
        var bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        var known = Enum.GetValues(type).Cast<object>().Aggregate(0L, (all, flag) => all | Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture));
        return (bits & ~known) == 0;
    }
}
