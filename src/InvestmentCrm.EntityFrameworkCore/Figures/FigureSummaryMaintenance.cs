using System.Text;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using static InvestmentCrm.Figures.FigureSummaryContribution;

namespace InvestmentCrm.EntityFrameworkCore.Figures;

/// <summary>
/// Keeps <see cref="FundsMonthTotal"/>, <see cref="StageMonthCount"/>, <see cref="CohortMonthTotal"/>, <see cref="ProjectFigureFacts"/>
/// and <see cref="ProjectSigning"/> equal to the detail rows they add up, in the transaction of every save that touches them:
/// the projects whose stage transitions, tranches, 正式投资合同, milestones, construction events, 招引单位 or deletion change
/// are summarised before and after the save, the difference is added
/// with an atomic upsert (<c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c>, the same SQL on both providers)
/// and the facts and signings are written over. On PostgreSQL the projects are locked first, so two saves of one project cannot both
/// count the same change.
/// </summary>
public static class FigureSummaryMaintenance
{
    private const int Chunk = 500;

    /// <summary>The sums are the district's, whoever saves: the data-scope filter is left (deleted projects still count nowhere).</summary>
    private static readonly string[] AllReaders = [InvestmentCrm.Authorization.QueryFilters.DataScope];

    /// <summary>The summarised state of some projects (deleted projects contribute nothing).</summary>
    internal sealed class Snapshot
    {
        public Dictionary<FundsKey, long> Funds { get; } = [];
        public Dictionary<StageKey, (int Entered, int Reached)> Stages { get; } = [];
        public Dictionary<CohortKey, (long Cents, int Records)> CohortMoney { get; } = [];
        /// <summary>Facts of the live projects (absent: deleted, or no such project).</summary>
        public Dictionary<Guid, ProjectFigureFacts> Facts { get; } = [];
        /// <summary>The signing years of the live projects.</summary>
        public List<ProjectSigning> Signings { get; } = [];

        /// <summary>Adds another snapshot's sums (<paramref name="sign"/> −1 subtracts them); facts are not summed.</summary>
        public void Add(Snapshot other, int sign)
        {
            foreach (var (key, cents) in other.Funds)
                Funds[key] = Funds.GetValueOrDefault(key) + sign * cents;
            foreach (var (key, (entered, reached)) in other.Stages)
            {
                var (e, r) = Stages.GetValueOrDefault(key);
                Stages[key] = (e + sign * entered, r + sign * reached);
            }
            foreach (var (key, (cents, records)) in other.CohortMoney)
            {
                var (c, r) = CohortMoney.GetValueOrDefault(key);
                CohortMoney[key] = (c + sign * cents, r + sign * records);
            }
        }
    }

    /// <summary>Projects whose summary rows this save may change, split into those already stored and those being added.</summary>
    internal static (List<Guid> Existing, List<Guid> Added) AffectedProjects(ChangeTracker tracker)
    {
        var existing = new HashSet<Guid>();
        var added = new HashSet<Guid>();
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case Project project when entry.State == EntityState.Added:
                    added.Add(project.Id);
                    break;
                case Project project when entry.State == EntityState.Deleted
                    || (entry.State == EntityState.Modified
                        && (entry.Property(nameof(Project.LeadDepartmentId)).IsModified || entry.Property(nameof(Project.IsDeleted)).IsModified)):
                    existing.Add(project.Id);
                    break;
                case ProjectStageTransition transition when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    existing.Add(transition.ProjectId);
                    break;
                case FundsTranche tranche when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    existing.Add(tranche.ProjectId);
                    break;
                case ProjectMilestone milestone when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    existing.Add(milestone.ProjectId);
                    break;
                case ConstructionEvent construction when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    existing.Add(construction.ProjectId);
                    break;
                case Contract contract when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    existing.Add(contract.ProjectId);
                    break;
            }
        }
        existing.ExceptWith(added);
        return ([.. existing], [.. added]);
    }

    /// <summary>Locks the projects (PostgreSQL) and summarises what is stored for them now.</summary>
    internal static async Task<Snapshot> BeforeAsync(DbContext db, List<Guid> existing, CancellationToken ct)
    {
        if (existing.Count > 0 && db.Database.IsNpgsql())
            foreach (var chunk in existing.Order().Chunk(Chunk))
                await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Projects" WHERE "Id" = ANY({0}) ORDER BY "Id" FOR UPDATE""", [chunk], ct);
        return await SummariseAsync(db, existing, ct);
    }

    /// <summary>Adds (after − before) to the summary rows.</summary>
    internal static async Task ApplyAsync(DbContext db, Snapshot before, IReadOnlyCollection<Guid> projects, CancellationToken ct)
    {
        var after = await SummariseAsync(db, projects, ct);
        after.Add(before, -1);
        await AddAsync(db, after, ct);
        await WriteFactsAsync(db, after.Facts.Values, projects.Where(id => !after.Facts.ContainsKey(id)).ToList(), ct);
        await WriteSigningsAsync(db, after.Signings, projects, ct);
    }

    /// <summary>
    /// Fills the summary rows of data stored before they existed (the migration that adds them, or a schema applied
    /// from the DBA script): every live project has a transition, so no stage row with transitions stored means unfilled;
    /// every live project that signed has a signing row, so none with a live signed project means the cohort rows are unfilled.
    /// </summary>
    public static async Task BackfillAsync(DbContext db, CancellationToken ct)
    {
        var live = db.Set<Project>().IgnoreQueryFilters(AllReaders);
        var filled = await db.Set<StageMonthCount>().AnyAsync(ct)
            && (await db.Set<ProjectSigning>().AnyAsync(ct)
                || !await db.Set<ProjectStageTransition>().AnyAsync(t => t.ToStage == ProjectStage.Signed && live.Any(p => p.Id == t.ProjectId), ct));
        if (filled || !await db.Set<ProjectStageTransition>().AnyAsync(ct))
            return;
        // All or nothing: a half-filled summary would not look unfilled to the next start.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RebuildAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Recounts every summary row from the detail (after the migration that adds the tables, or to repair).</summary>
    public static async Task RebuildAsync(DbContext db, CancellationToken ct)
    {
        await db.Set<FundsMonthTotal>().ExecuteDeleteAsync(ct);
        await db.Set<StageMonthCount>().ExecuteDeleteAsync(ct);
        await db.Set<ProjectFigureFacts>().ExecuteDeleteAsync(ct);
        await db.Set<CohortMonthTotal>().ExecuteDeleteAsync(ct);
        await db.Set<ProjectSigning>().ExecuteDeleteAsync(ct);
        var ids = await db.Set<Project>().IgnoreQueryFilters(AllReaders).AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        var all = new Snapshot();
        foreach (var chunk in ids.Chunk(Chunk * 10))
        {
            var part = await SummariseAsync(db, chunk, ct);
            all.Add(part, 1);
            await WriteFactsAsync(db, part.Facts.Values, [], ct);
            await WriteSigningsAsync(db, part.Signings, [], ct);
        }
        await AddAsync(db, all, ct);
    }

    private static async Task<Snapshot> SummariseAsync(DbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        var snapshot = new Snapshot();
        foreach (var chunk in projectIds.Chunk(Chunk))
        {
            // The global filter leaves deleted projects out: they count nowhere.
            var departments = await db.Set<Project>().IgnoreQueryFilters(AllReaders).AsNoTracking()
                .Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.LeadDepartmentId })
                .ToDictionaryAsync(p => p.Id, p => p.LeadDepartmentId ?? Guid.Empty, ct);
            if (departments.Count == 0)
                continue;
            var live = departments.Keys.ToList();
            foreach (var (id, department) in departments)
                snapshot.Facts[id] = new ProjectFigureFacts { ProjectId = id, DepartmentId = department };
            var transitions = await db.Set<ProjectStageTransition>().AsNoTracking()
                .Where(t => live.Contains(t.ProjectId) && t.ToStage <= ProjectStage.Funded)
                .Select(t => new { t.ProjectId, t.ToStage, t.EffectiveDate })
                .ToListAsync(ct);
            var signings = new Dictionary<Guid, List<(int Year, DateOnly SignedOn)>>();
            foreach (var project in transitions.GroupBy(t => t.ProjectId))
            {
                AddStages(snapshot.Stages, departments[project.Key], project.Select(t => (t.ToStage, t.EffectiveDate)).ToList(), 1);
                snapshot.Facts[project.Key].LandedOn = project.Where(t => t.ToStage >= ProjectStage.Landed).Select(t => (DateOnly?)t.EffectiveDate).Min();
                signings[project.Key] = FirstSignings(project.Select(t => (t.ToStage, t.EffectiveDate))).ToList();
            }
            var funds = await db.Set<FundsTranche>().IgnoreQueryFilters(AllReaders).AsNoTracking()
                .Where(t => live.Contains(t.ProjectId) && t.Verification == VerificationStatus.Verified)
                .GroupBy(t => new { t.ProjectId, t.Source, t.Amount.Currency, t.ArrivedOn.Year, t.ArrivedOn.Month })
                .Select(g => new { g.Key.ProjectId, g.Key.Source, g.Key.Currency, g.Key.Year, g.Key.Month, Amount = g.Sum(t => t.Amount.Amount), First = g.Min(t => t.ArrivedOn), Count = g.Count() })
                .ToListAsync(ct);
            foreach (var project in funds.GroupBy(f => f.ProjectId))
            {
                AddFunds(snapshot.Funds, departments[project.Key], project.Select(f => (f.Source, f.Currency, f.Year, f.Month, f.Amount)), 1);
                snapshot.Facts[project.Key].FirstVerifiedFundsOn = project.Min(f => f.First);
            }
            var milestones = await db.Set<ProjectMilestone>().AsNoTracking()
                .Where(m => live.Contains(m.ProjectId) && m.ActualDate != null && (m.Phase == DispatchPhase.Construction || m.Phase == DispatchPhase.Operation))
                .GroupBy(m => new { m.ProjectId, m.Phase })
                .Select(g => new { g.Key.ProjectId, g.Key.Phase, First = g.Min(m => m.ActualDate) })
                .ToListAsync(ct);
            foreach (var milestone in milestones)
            {
                var facts = snapshot.Facts[milestone.ProjectId];
                if (milestone.Phase == DispatchPhase.Construction)
                    facts.ConstructionStartedOn = milestone.First;
                else
                    facts.MovedInOn = milestone.First;
            }
            var construction = await db.Set<ConstructionEvent>().IgnoreQueryFilters(AllReaders).AsNoTracking()
                .Where(e => live.Contains(e.ProjectId) && (e.Kind == ConstructionEventKind.Started || e.Kind == ConstructionEventKind.Accepted || e.Kind == ConstructionEventKind.Suspended))
                .GroupBy(e => new { e.ProjectId, e.Kind })
                .Select(g => new { g.Key.ProjectId, g.Key.Kind, First = g.Min(e => e.EffectiveDate) })
                .ToListAsync(ct);
            foreach (var built in construction)
            {
                var facts = snapshot.Facts[built.ProjectId];
                switch (built.Kind)
                {
                    case ConstructionEventKind.Started: facts.BuildStartedOn = built.First; break;
                    case ConstructionEventKind.Accepted: facts.BuildAcceptedOn = built.First; break;
                    default: facts.BuildSuspendedOn = built.First; break;
                }
            }
            // The signings repeat the facts' 履约 evidence, complete only now.
            var signed = signings.Where(s => s.Value.Count > 0).Select(s => s.Key).ToList();
            foreach (var id in signed)
            {
                var facts = snapshot.Facts[id];
                snapshot.Signings.AddRange(signings[id].Select(s => new ProjectSigning
                {
                    ProjectId = id, Year = s.Year, SignedOn = s.SignedOn, DepartmentId = facts.DepartmentId, LandedOn = facts.LandedOn,
                    FirstVerifiedFundsOn = facts.FirstVerifiedFundsOn, ConstructionStartedOn = facts.ConstructionStartedOn, MovedInOn = facts.MovedInOn,
                }));
            }
            if (signed.Count > 0)
            {
                var contracts = (await db.Set<Contract>().IgnoreQueryFilters(AllReaders).AsNoTracking()
                        .Where(c => signed.Contains(c.ProjectId) && c.Kind == ContractKind.FormalInvestment)
                        .GroupBy(c => new { c.ProjectId, c.ContractedForeign.Currency, c.SignedOn.Year, c.SignedOn.Month })
                        .Select(g => new { g.Key.ProjectId, g.Key.Currency, g.Key.Year, g.Key.Month, Domestic = g.Sum(c => c.ContractedDomestic.Amount), Foreign = g.Sum(c => c.ContractedForeign.Amount), Count = g.Count() })
                        .ToListAsync(ct))
                    .ToLookup(c => c.ProjectId);
                var tranches = funds.ToLookup(f => f.ProjectId);
                foreach (var id in signed)
                    AddCohortMoney(snapshot.CohortMoney, departments[id], signings[id],
                        contracts[id].Select(c => (c.Currency, c.Year, c.Month, c.Domestic, c.Foreign, c.Count)).ToList(),
                        tranches[id].Select(f => (f.Source, f.Currency, f.Year, f.Month, f.Amount, f.Count)).ToList(), 1);
            }
        }
        return snapshot;
    }

    /// <summary>Adds the non-zero differences with multi-row upserts (keys are unique within a statement).</summary>
    private static async Task AddAsync(DbContext db, Snapshot delta, CancellationToken ct)
    {
        foreach (var chunk in delta.Funds.Where(d => d.Value != 0).Chunk(Chunk))
            await UpsertAsync(db,
                """INSERT INTO "FundsMonthTotals" ("Year", "Month", "DepartmentId", "Source", "Currency", "AmountCents") VALUES """,
                """ON CONFLICT ("Year", "Month", "DepartmentId", "Source", "Currency") DO UPDATE SET "AmountCents" = "FundsMonthTotals"."AmountCents" + excluded."AmountCents";""",
                chunk.Select(d => new object[] { d.Key.Year, d.Key.Month, d.Key.DepartmentId, (int)d.Key.Source, d.Key.Currency, d.Value }),
                ct);
        foreach (var chunk in delta.Stages.Where(d => d.Value != (0, 0)).Chunk(Chunk))
            await UpsertAsync(db,
                """INSERT INTO "StageMonthCounts" ("Year", "Month", "DepartmentId", "Stage", "Entered", "Reached") VALUES """,
                """ON CONFLICT ("Year", "Month", "DepartmentId", "Stage") DO UPDATE SET "Entered" = "StageMonthCounts"."Entered" + excluded."Entered", "Reached" = "StageMonthCounts"."Reached" + excluded."Reached";""",
                chunk.Select(d => new object[] { d.Key.Year, d.Key.Month, d.Key.DepartmentId, (int)d.Key.Stage, d.Value.Entered, d.Value.Reached }),
                ct);
        foreach (var chunk in delta.CohortMoney.Where(d => d.Value != (0, 0)).Chunk(Chunk))
            await UpsertAsync(db,
                """INSERT INTO "CohortMonthTotals" ("CohortYear", "CohortMonth", "DepartmentId", "Kind", "Source", "Currency", "Year", "Month", "AmountCents", "Records") VALUES """,
                """ON CONFLICT ("Kind", "CohortYear", "Year", "Month", "CohortMonth", "DepartmentId", "Source", "Currency") DO UPDATE SET "AmountCents" = "CohortMonthTotals"."AmountCents" + excluded."AmountCents", "Records" = "CohortMonthTotals"."Records" + excluded."Records";""",
                chunk.Select(d => new object[] { d.Key.CohortYear, d.Key.CohortMonth, d.Key.DepartmentId, (int)d.Key.Kind, (int)d.Key.Source, d.Key.Currency, d.Key.Year, d.Key.Month, d.Value.Cents, d.Value.Records }),
                ct);
    }

    /// <summary>Writes the facts of live projects over the stored ones and removes those of projects no longer live.</summary>
    private static async Task WriteFactsAsync(DbContext db, IEnumerable<ProjectFigureFacts> facts, List<Guid> gone, CancellationToken ct)
    {
        foreach (var chunk in gone.Chunk(Chunk))
            await db.Set<ProjectFigureFacts>().Where(f => chunk.Contains(f.ProjectId)).ExecuteDeleteAsync(ct);
        foreach (var chunk in facts.Chunk(Chunk))
            await UpsertAsync(db,
                """INSERT INTO "ProjectFigureFacts" ("ProjectId", "DepartmentId", "LandedOn", "FirstVerifiedFundsOn", "ConstructionStartedOn", "MovedInOn", "BuildStartedOn", "BuildAcceptedOn", "BuildSuspendedOn") VALUES """,
                """ON CONFLICT ("ProjectId") DO UPDATE SET "DepartmentId" = excluded."DepartmentId", "LandedOn" = excluded."LandedOn", "FirstVerifiedFundsOn" = excluded."FirstVerifiedFundsOn", "ConstructionStartedOn" = excluded."ConstructionStartedOn", "MovedInOn" = excluded."MovedInOn", "BuildStartedOn" = excluded."BuildStartedOn", "BuildAcceptedOn" = excluded."BuildAcceptedOn", "BuildSuspendedOn" = excluded."BuildSuspendedOn";""",
                chunk.Select(f => new object?[] { f.ProjectId, f.DepartmentId, f.LandedOn, f.FirstVerifiedFundsOn, f.ConstructionStartedOn, f.MovedInOn, f.BuildStartedOn, f.BuildAcceptedOn, f.BuildSuspendedOn }),
                ct);
    }

    /// <summary>Writes the signing years of the live projects over those stored for <paramref name="projects"/>.</summary>
    private static async Task WriteSigningsAsync(DbContext db, List<ProjectSigning> signings, IReadOnlyCollection<Guid> projects, CancellationToken ct)
    {
        foreach (var chunk in projects.Chunk(Chunk))
            await db.Set<ProjectSigning>().Where(s => chunk.Contains(s.ProjectId)).ExecuteDeleteAsync(ct);
        foreach (var chunk in signings.Chunk(Chunk))
            await UpsertAsync(db,
                """INSERT INTO "ProjectSignings" ("ProjectId", "Year", "SignedOn", "DepartmentId", "LandedOn", "FirstVerifiedFundsOn", "ConstructionStartedOn", "MovedInOn") VALUES """,
                """ON CONFLICT ("ProjectId", "Year") DO UPDATE SET "SignedOn" = excluded."SignedOn", "DepartmentId" = excluded."DepartmentId", "LandedOn" = excluded."LandedOn", "FirstVerifiedFundsOn" = excluded."FirstVerifiedFundsOn", "ConstructionStartedOn" = excluded."ConstructionStartedOn", "MovedInOn" = excluded."MovedInOn";""",
                chunk.Select(s => new object?[] { s.ProjectId, s.Year, s.SignedOn, s.DepartmentId, s.LandedOn, s.FirstVerifiedFundsOn, s.ConstructionStartedOn, s.MovedInOn }),
                ct);
    }

    private static Task<int> UpsertAsync(DbContext db, string insert, string onConflict, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var sql = new StringBuilder(insert);
        var parameters = new List<object>();
        var first = true;
        foreach (var row in rows)
        {
            sql.Append(first ? "(" : ", (");
            first = false;
            for (var i = 0; i < row.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ");
                if (row[i] is { } value)
                {
                    sql.Append('{').Append(parameters.Count).Append('}');
                    parameters.Add(value);
                }
                else
                    sql.Append("NULL");
            }
            sql.Append(')');
        }
        // Parameters go through EF's type mappings, so a Guid is stored as each provider stores the key columns.
        return db.Database.ExecuteSqlRawAsync(sql.Append(' ').Append(onConflict).ToString(), parameters, ct);
    }
}
