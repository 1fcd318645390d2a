using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Appraisal;

/// <summary>One record that earns credit: the whole amount or count of it, before it is split among subjects.</summary>
public sealed record LedgerEntry(AppraisalMetric Metric, EvidenceKind Kind, Guid RecordId, Guid? ProjectId, string Title, decimal Amount, string Note);

/// <summary>A share of a ledger entry credited to a department (the 招引单位 and its ancestors, once) or a person (by contributor weight).</summary>
public sealed record LedgerCredit(AppraisalSubject Subject, Guid SubjectId, LedgerEntry Entry, decimal Credit);

/// <summary>
/// 贡献台账 of a year up to an as-of date (docs/figures.md attribution, docs/domain.md): verified 内资 and 外资 tranches,
/// signings and landings, activities, and the records bonuses and deductions count — minus the projects the rule
/// set does not credit (不予认定). Departments receive each project once, for the 招引单位 and every unit above it;
/// people receive shares by contributor weight that add up to the project's total exactly (<see cref="CreditSplit"/>).
/// </summary>
public sealed class CreditLedger
{
    private const decimal YuanPerYi = 100_000_000m;
    private const decimal UsdPerWan = 10_000m;
    // Shares are exact to the 分 (亿元 with 10 decimals), the US cent (万美元 with 6) and 1/10000 of a project.
    private const int YiDecimals = 10;
    private const int WanDecimals = 6;
    private const int CountDecimals = 4;

    private readonly Dictionary<Guid, ProjectFacts> _projects;
    private readonly Dictionary<Guid, List<Guid>> _activityPeople;
    private readonly Dictionary<Guid, Guid?> _activityDepartment;

    private CreditLedger(List<LedgerEntry> entries, Dictionary<Guid, ProjectFacts> projects, List<string> excluded, IReadOnlyCollection<string> missingRates,
        Dictionary<Guid, List<Guid>> activityPeople, Dictionary<Guid, Guid?> activityDepartment)
    {
        Entries = entries;
        _projects = projects;
        Excluded = excluded;
        MissingRates = missingRates;
        _activityPeople = activityPeople;
        _activityDepartment = activityDepartment;
    }

    public IReadOnlyList<LedgerEntry> Entries { get; }
    /// <summary>Projects left out, as “name（reason）”.</summary>
    public IReadOnlyList<string> Excluded { get; }
    public IReadOnlyCollection<string> MissingRates { get; }

    internal sealed record ProjectFacts(Guid Id, string Name, Guid? LeadDepartmentId, string Industry, ProjectType Type, decimal PlannedDomesticYuan,
        List<(Guid UserId, decimal Weight)> Contributors, List<string?> InvestorOrigins, bool Fortune500Investor, bool IsKey);

    /// <summary>Every credit of every entry, to departments (招引单位 and ancestors) and people (by weight).</summary>
    internal IEnumerable<LedgerCredit> Credits(Func<Guid, IEnumerable<Guid>> departmentAndAncestors) => Credits(Entries, departmentAndAncestors);

    internal IEnumerable<LedgerCredit> Credits(IEnumerable<LedgerEntry> entries, Func<Guid, IEnumerable<Guid>> departmentAndAncestors)
    {
        foreach (var entry in entries)
        {
            if (entry.Kind == EvidenceKind.Activity)
            {
                if (_activityDepartment.GetValueOrDefault(entry.RecordId) is { } department)
                    foreach (var unit in departmentAndAncestors(department))
                        yield return new LedgerCredit(AppraisalSubject.Department, unit, entry, 1m);
                foreach (var person in _activityPeople.GetValueOrDefault(entry.RecordId) ?? [])
                    yield return new LedgerCredit(AppraisalSubject.Person, person, entry, 1m);
                continue;
            }
            var project = _projects[entry.ProjectId!.Value];
            if (project.LeadDepartmentId is { } lead)
                foreach (var unit in departmentAndAncestors(lead))
                    yield return new LedgerCredit(AppraisalSubject.Department, unit, entry, entry.Amount);
            if (project.Contributors.Count == 0)
                continue;
            var decimals = entry.Metric switch
            {
                AppraisalMetric.DomesticFunds => YiDecimals,
                AppraisalMetric.ForeignFunds => WanDecimals,
                _ => CountDecimals,
            };
            // A person listed twice (two roles) receives the sum of both weights.
            var weights = project.Contributors.GroupBy(c => c.UserId).Select(g => (g.Key, g.Sum(c => c.Weight))).ToList();
            foreach (var (person, share) in CreditSplit.Split(entry.Amount, weights, decimals))
                yield return new LedgerCredit(AppraisalSubject.Person, person, entry, share);
        }
    }

    /// <summary>Projects whose verified 内资 of the year reaches <paramref name="thresholdYi"/> 亿元, as one entry each (the 大项目 bonus).</summary>
    internal IEnumerable<LedgerEntry> LargeProjects(decimal thresholdYi) =>
        Entries.Where(e => e.Metric == AppraisalMetric.DomesticFunds)
            .GroupBy(e => e.ProjectId!.Value)
            .Where(g => g.Sum(e => e.Amount) >= thresholdYi)
            .Select(g => new LedgerEntry(AppraisalMetric.LargeProject, EvidenceKind.Project, g.Key, g.Key, _projects[g.Key].Name, 1m,
                $"本年到位内资 {g.Sum(e => e.Amount):0.####} 亿元 ≥ {thresholdYi:0.##} 亿元"));

    /// <summary>
    /// The year's ledger for the whole district: it reads unscoped (the appraisal scores every department and person
    /// alike, whoever runs it); what a reader then sees of it is filtered by subject.
    /// </summary>
    public static async Task<CreditLedger> BuildAsync(ICrmDbContext db, int year, DateOnly asOf, AppraisalRuleSet? exclusions, FigureRules figureRules, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var cut = asOf < end ? asOf : end;

        var tranches = await db.Unscoped.FundsTranches.AsNoTracking()
            .Where(t => t.Verification == VerificationStatus.Verified && t.ArrivedOn >= start && t.ArrivedOn <= cut)
            // Funds the assessor excluded on review (referred by a blacklisted intermediary) count for nobody.
            .Where(t => !db.FundsReviews.Any(r => r.Year == year && r.TrancheId == t.Id && !r.Included))
            .Select(t => new { t.Id, t.ProjectId, t.Source, t.Amount.Currency, t.Amount.Amount, t.ArrivedOn })
            .ToListAsync(ct);
        var rejected = await db.Unscoped.FundsTranches.AsNoTracking()
            .Where(t => t.Verification == VerificationStatus.Rejected && t.VerifiedOn >= start && t.VerifiedOn <= cut)
            .Select(t => new { t.Id, t.ProjectId, t.Amount.Currency, t.Amount.Amount, t.ArrivedOn, t.VerificationNote })
            .ToListAsync(ct);
        var entered = await db.ProjectStageTransitions.AsNoTracking()
            .Where(t => (t.ToStage == ProjectStage.Signed || t.ToStage == ProjectStage.Landed) && t.EffectiveDate >= start && t.EffectiveDate <= cut)
            .GroupBy(t => new { t.ProjectId, t.ToStage })
            .Select(g => new { g.Key.ProjectId, g.Key.ToStage, On = g.Min(t => t.EffectiveDate) })
            .ToListAsync(ct);
        var threshold = figureRules.KeyProjectThresholdYuan;
        var notStarted = await db.ProjectMilestones.AsNoTracking()
            .Where(m => m.Phase == DispatchPhase.Construction && m.PlannedDate >= start && m.PlannedDate < cut && (m.ActualDate == null || m.ActualDate > cut))
            .Where(m => db.Unscoped.Projects.Any(p => p.Id == m.ProjectId && (p.PlannedDomestic.Amount >= threshold || p.YearFlags.Any(f => f.Year == year && f.IsKeyProject))))
            .GroupBy(m => m.ProjectId)
            .Select(g => new { ProjectId = g.Key, Planned = g.Min(m => m.PlannedDate) })
            .ToListAsync(ct);
        var activities = await db.Unscoped.Activities.AsNoTracking()
            .Where(a => a.Date >= start && a.Date <= cut && a.Type != ActivityType.PhoneCall)
            .Select(a => new { a.Id, a.Date, a.Type, a.Summary, a.ProjectId, a.OwnerDepartmentId, a.CreatedBy, People = a.Participants.Select(p => p.UserId).ToList() })
            .ToListAsync(ct);

        var projectIds = tranches.Select(t => t.ProjectId).Concat(rejected.Select(r => r.ProjectId)).Concat(entered.Select(e => e.ProjectId))
            .Concat(notStarted.Select(n => n.ProjectId)).Distinct().ToList();
        var projects = await LoadProjectsAsync(db, projectIds, year, threshold, ct);

        var rates = await ExchangeRateTable.LoadAsync(db, ct);
        var entries = new List<LedgerEntry>();
        foreach (var t in tranches.Where(t => projects.ContainsKey(t.ProjectId)).OrderBy(t => t.ArrivedOn))
        {
            var name = projects[t.ProjectId].Name;
            if (t.Source == CapitalSource.Domestic)
            {
                entries.Add(new LedgerEntry(AppraisalMetric.DomesticFunds, EvidenceKind.Tranche, t.Id, t.ProjectId, name, t.Amount / YuanPerYi,
                    $"{t.ArrivedOn:yyyy-MM-dd} 到位 {t.Amount / 10_000m:0.##} 万元"));
                continue;
            }
            if (rates.UsdPerUnit(t.Currency, t.ArrivedOn.Year, t.ArrivedOn.Month) is { } usdPerUnit)
                entries.Add(new LedgerEntry(AppraisalMetric.ForeignFunds, EvidenceKind.Tranche, t.Id, t.ProjectId, name, Math.Round(t.Amount * usdPerUnit, 2) / UsdPerWan,
                    $"{t.ArrivedOn:yyyy-MM-dd} 到位 {t.Amount:0.##} {t.Currency}" + (t.Currency == Money.Usd ? "" : $"，按 {t.ArrivedOn:yyyy年M月} 汇率 {usdPerUnit:0.######} 折美元")));
        }
        foreach (var e in entered.Where(e => projects.ContainsKey(e.ProjectId)).OrderBy(e => e.On))
        {
            var signed = e.ToStage == ProjectStage.Signed;
            entries.Add(new LedgerEntry(signed ? AppraisalMetric.SignedCount : AppraisalMetric.LandedCount, EvidenceKind.Project, e.ProjectId, e.ProjectId,
                projects[e.ProjectId].Name, 1m, $"{e.On:yyyy-MM-dd} {(signed ? "签约" : "落位")}"));
            if (signed && projects[e.ProjectId].Fortune500Investor)
                entries.Add(new LedgerEntry(AppraisalMetric.Fortune500Investor, EvidenceKind.Project, e.ProjectId, e.ProjectId, projects[e.ProjectId].Name, 1m,
                    $"{e.On:yyyy-MM-dd} 签约，投资方为世界500强"));
        }
        foreach (var n in notStarted.Where(n => projects.ContainsKey(n.ProjectId)))
            entries.Add(new LedgerEntry(AppraisalMetric.KeyProjectNotStarted, EvidenceKind.Project, n.ProjectId, n.ProjectId, projects[n.ProjectId].Name, 1m,
                $"计划 {n.Planned:yyyy-MM-dd} 开工，截至 {cut:yyyy-MM-dd} 未开工"));
        foreach (var r in rejected.Where(r => projects.ContainsKey(r.ProjectId)))
            entries.Add(new LedgerEntry(AppraisalMetric.RejectedTranche, EvidenceKind.Tranche, r.Id, r.ProjectId, projects[r.ProjectId].Name, 1m,
                $"{r.ArrivedOn:yyyy-MM-dd} 申报 {r.Amount:0.##} {r.Currency}，不予认定：{r.VerificationNote}"));
        foreach (var a in activities.OrderBy(a => a.Date))
            entries.Add(new LedgerEntry(AppraisalMetric.VisitCount, EvidenceKind.Activity, a.Id, a.ProjectId, a.Summary.Length > 60 ? a.Summary[..60] + "…" : a.Summary, 1m,
                $"{a.Date:yyyy-MM-dd} {a.Type.ToDisplay()}"));

        // 不予认定: drop every entry of an excluded project (activities stay: they are work, not investment).
        var excluded = new List<string>();
        if (exclusions is not null)
        {
            var reasons = projects.Values.Select(p => (p, Reason: ExclusionReason(p, exclusions))).Where(x => x.Reason is not null).ToList();
            var ids = reasons.Select(x => x.p.Id).ToHashSet();
            entries.RemoveAll(e => e.Kind != EvidenceKind.Activity && e.ProjectId is { } id && ids.Contains(id));
            excluded.AddRange(reasons.OrderBy(x => x.p.Name, StringComparer.Ordinal).Select(x => $"{x.p.Name}（{x.Reason}）"));
        }

        var activityPeople = activities.ToDictionary(a => a.Id, a => a.People.Append(a.CreatedBy ?? Guid.Empty).Where(u => u != Guid.Empty).Distinct().ToList());
        var activityDepartment = activities.ToDictionary(a => a.Id, a => a.OwnerDepartmentId);
        return new CreditLedger(entries, projects, excluded, rates.Missing.ToList(), activityPeople, activityDepartment);
    }

    private static string? ExclusionReason(ProjectFacts project, AppraisalRuleSet rules)
    {
        if (rules.ExcludedIndustryWords.FirstOrDefault(w => project.Industry.Contains(w, StringComparison.Ordinal)) is { } word)
            return $"行业含“{word}”";
        if (rules.ExcludeGovernmentInvestment && project.Type == ProjectType.GovernmentInvestment)
            return "财政投资项目";
        if (rules.MinimumProjectYi is { } minimum && project.PlannedDomesticYuan < minimum * YuanPerYi)
            return $"计划内资低于 {minimum:0.##} 亿元";
        if (rules.LocalOrigin is { } local && project.InvestorOrigins.Count > 0 && project.InvestorOrigins.All(o => o is not null && o.Contains(local, StringComparison.Ordinal)))
            return $"投资方均来自{local}（完全本地投资）";
        return null;
    }

    private static async Task<Dictionary<Guid, ProjectFacts>> LoadProjectsAsync(ICrmDbContext db, List<Guid> ids, int year, decimal keyThreshold, CancellationToken ct)
    {
        var rows = await db.Unscoped.Projects.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.LeadDepartmentId, p.Industry, p.Type, Planned = p.PlannedDomestic.Amount,
                Contributors = p.Contributors.Select(c => new { c.UserId, c.WeightPercent }).ToList(),
                Investors = db.ProjectCompanies.Where(pc => pc.ProjectId == p.Id && pc.Role == ProjectCompanyRole.Investor)
                    .Join(db.Unscoped.Companies, pc => pc.CompanyId, c => c.Id, (pc, c) => new { c.Origin, c.Tags })
                    .ToList(),
                IsKey = p.YearFlags.Any(f => f.Year == year && f.IsKeyProject),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(p => p.Id, p => new ProjectFacts(p.Id, p.Name, p.LeadDepartmentId, p.Industry, p.Type, p.Planned,
            p.Contributors.Select(c => (c.UserId, c.WeightPercent)).ToList(),
            p.Investors.Select(i => i.Origin).ToList(),
            p.Investors.Any(i => i.Tags != null && i.Tags.Contains("世界500强")),
            p.IsKey || p.Planned >= keyThreshold));
    }
}
