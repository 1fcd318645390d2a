using InvestmentCrm.Projects;
using InvestmentCrm.Organization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Appraisal;

public sealed partial class AppraisalAppService
{
    private static readonly Dictionary<AppraisalMetric, MetricCode> TargetMetric = new()
    {
        [AppraisalMetric.DomesticFunds] = MetricCode.DomesticFunds,
        [AppraisalMetric.ForeignFunds] = MetricCode.ForeignFunds,
        [AppraisalMetric.SignedCount] = MetricCode.SignedCount,
        [AppraisalMetric.LandedCount] = MetricCode.LandedCount,
        [AppraisalMetric.FulfilmentRate] = MetricCode.FulfilmentRate,
        [AppraisalMetric.ArrivalRate] = MetricCode.ArrivalRate,
    };

    public async Task<List<RunSummaryDto>> ListRunsAsync(CancellationToken ct = default) =>
        (await db.AppraisalRuns.AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.ComputedAt).ToListAsync(ct))
        .Select(Summary).ToList();

    /// <summary>Scores every department and person under a published rule set at the as-of date and stores the result.</summary>
    public async Task<Guid> CreateRunAsync(Guid ruleSetId, DateOnly? asOf, CancellationToken ct = default)
    {
        var rules = await RuleSetAsync(ruleSetId, tracked: false, ct);
        if (rules.Status != RuleSetStatus.Published)
            throw new DomainException(rules.Status == RuleSetStatus.Draft ? "考核口径尚未发布，不能用于考核。" : "该版本考核口径已被新版本取代，请用现行版本考核。");
        var date = asOf ?? Today;
        var run = new AppraisalRun(rules, date, clock.UtcNow());
        var ledger = await CreditLedger.BuildAsync(db, rules.Year, date, rules, await figures.RulesForAsync(rules.Year, ct), ct);
        // The district itself (the root) is not scored against its own departments.
        var org = await db.LoadDepartmentTreeAsync(ct);
        var credits = ledger.Credits(org.UnitAndAncestorsBelowRoot).ToList();
        var bonusEntries = rules.Items.Where(i => i.Metric == AppraisalMetric.LargeProject)
            .ToDictionary(i => i.Id, i => ledger.Credits(ledger.LargeProjects(i.Parameter!.Value), org.UnitAndAncestorsBelowRoot).ToList());
        var period = FigurePeriod.Year(rules.Year);
        var targets = await db.Targets.AsNoTracking().ForPeriod(period)
            .Where(t => t.Scope == TargetScope.Department || t.Scope == TargetScope.Person)
            .Select(t => new { t.Scope, t.DepartmentId, t.UserId, t.Metric, t.Value })
            .ToListAsync(ct);
        var targetOf = targets.GroupBy(t => (t.Scope == TargetScope.Department ? t.DepartmentId : t.UserId, t.Metric))
            .ToDictionary(g => g.Key, g => g.First().Value);

        foreach (var (subject, id, name, department) in await SubjectsAsync(rules, credits, targets.Select(t => (t.Scope, t.DepartmentId, t.UserId)), ct))
        {
            var lines = new List<AppraisalLine>();
            foreach (var item in rules.Items.Where(i => i.Subject == subject).OrderBy(i => i.SortOrder))
            {
                var rows = (item.Metric == AppraisalMetric.LargeProject ? bonusEntries[item.Id] : credits)
                    .Where(c => c.Subject == subject && c.SubjectId == id && c.Entry.Metric == item.Metric)
                    .ToList();
                var line = item.Metric.IsRate()
                    ? await RateLineAsync(run, item, subject, id, period, date, ct)
                    : item.Kind == AppraisalItemKind.Score
                        ? ScoreLine(run, item, subject, id, rows, item.FixedTarget ?? TargetOf(targetOf, id, item.Metric), ledger)
                        : CountLine(run, item, subject, id, rows);
                lines.Add(line);
                run.AddEvidence(rows.Select(r => new AppraisalEvidence(run.Id, subject, id, item.Metric, r.Entry.Kind, r.Entry.RecordId, r.Entry.ProjectId,
                    r.Entry.Title, r.Credit, r.Entry.Note)));
            }
            run.AddScore(subject, id, name, department, lines);
        }
        run.Rank();
        run.Exclusions = ledger.Excluded.Count == 0 ? null : Truncate("不予认定：" + string.Join("；", ledger.Excluded), 4000);
        db.AppraisalRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    private static decimal? TargetOf(Dictionary<(Guid?, MetricCode), decimal> targets, Guid id, AppraisalMetric metric) =>
        TargetMetric.TryGetValue(metric, out var code) && targets.TryGetValue((id, code), out var value) ? value : null;

    /// <summary>
    /// Departments below the district and active people, when the rule set has items for them: every one with a target of
    /// the year or a credit (a unit without either would only add zeros to the ranking).
    /// </summary>
    private async Task<List<(AppraisalSubject Subject, Guid Id, string Name, Guid? Department)>> SubjectsAsync(AppraisalRuleSet rules, List<LedgerCredit> credits,
        IEnumerable<(TargetScope Scope, Guid? DepartmentId, Guid? UserId)> targets, CancellationToken ct)
    {
        var result = new List<(AppraisalSubject, Guid, string, Guid?)>();
        var targeted = targets.ToList();
        if (rules.Items.Any(i => i.Subject == AppraisalSubject.Department))
        {
            var ids = credits.Where(c => c.Subject == AppraisalSubject.Department).Select(c => c.SubjectId)
                .Concat(targeted.Where(t => t.Scope == TargetScope.Department && t.DepartmentId != null).Select(t => t.DepartmentId!.Value))
                .ToHashSet();
            var departments = await db.Departments.AsNoTracking().Where(d => d.ParentId != null && d.IsActive && ids.Contains(d.Id))
                .OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
            result.AddRange(departments.Select(d => (AppraisalSubject.Department, d.Id, d.Name, (Guid?)d.Id)));
        }
        if (rules.Items.Any(i => i.Subject == AppraisalSubject.Person))
        {
            var ids = credits.Where(c => c.Subject == AppraisalSubject.Person).Select(c => c.SubjectId)
                .Concat(targeted.Where(t => t.Scope == TargetScope.Person && t.UserId != null).Select(t => t.UserId!.Value))
                .ToHashSet();
            var people = await db.Users.AsNoTracking().Where(u => u.IsActive && ids.Contains(u.Id))
                .OrderBy(u => u.UserName).Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).ToListAsync(ct);
            result.AddRange(people.Select(p => (AppraisalSubject.Person, p.Id, p.DisplayName, (Guid?)p.DepartmentId)));
        }
        return result;
    }

    private static AppraisalLine ScoreLine(AppraisalRun run, AppraisalItem item, AppraisalSubject subject, Guid id, List<LedgerCredit> rows, decimal? target, CreditLedger ledger)
    {
        var value = rows.Sum(r => r.Credit);
        var unit = Unit(item.Metric);
        var (points, formula) = item.Score(value, target);
        var source = item.FixedTarget is not null ? "考核口径规定" : $"{run.Year} 年{subject.ToDisplay()}指标";
        var inputs = $"实际 {value:0.####} {unit}（{rows.Count} 条记录）；目标 " + (target is { } t ? $"{t:0.####} {unit}（{source}）" : "未设置");
        if (item.Metric == AppraisalMetric.ForeignFunds && ledger.MissingRates.Count > 0)
            inputs += "；缺少汇率：" + string.Join("、", ledger.MissingRates) + "，相关外资未计入";
        return new AppraisalLine(run.Id, subject, id, item, value, target, inputs, formula, points);
    }

    private static AppraisalLine CountLine(AppraisalRun run, AppraisalItem item, AppraisalSubject subject, Guid id, List<LedgerCredit> rows)
    {
        var count = rows.Sum(r => r.Credit);
        var (points, formula) = item.Count(count);
        var inputs = $"{item.Metric.ToDisplay()}：{count:0.####} 个" + (subject == AppraisalSubject.Person ? "（按贡献权重计）" : "");
        return new AppraisalLine(run.Id, subject, id, item, count, null, inputs, formula, points);
    }

    /// <summary>履约率 and 到位率 come from the figures engine (docs/figures.md with the year's 口径), against the subject's target.</summary>
    private async Task<AppraisalLine> RateLineAsync(AppraisalRun run, AppraisalItem item, AppraisalSubject subject, Guid id, FigurePeriod period, DateOnly date, CancellationToken ct)
    {
        var set = await figures.ComputeAsync(subject == AppraisalSubject.Department ? FigureScope.Department(id) : FigureScope.Person(id), period, date, ct);
        var figure = set[item.Metric == AppraisalMetric.FulfilmentRate ? Figure.FulfilmentRate : Figure.DomesticArrivalRate];
        var target = item.FixedTarget ?? figure.Target;
        if (figure.Value is not { } value)
            return new AppraisalLine(run.Id, subject, id, item, null, target, figure.Unavailable ?? "无法计算", "无法计算该比率，本项不得分", 0m);
        var (points, formula) = item.Score(value, target);
        var inputs = $"{figure.Name} {value:0.##}%（{figure.Numerator:0.####} ÷ {figure.Denominator:0.####}）；目标 " + (target is { } t ? $"{t:0.##}%" : "未设置")
            + "；口径：" + figure.Footnote;
        return new AppraisalLine(run.Id, subject, id, item, value, target, Truncate(inputs, 1000), formula, points);
    }

    private static string Unit(AppraisalMetric metric) => metric switch
    {
        AppraisalMetric.DomesticFunds => "亿元",
        AppraisalMetric.ForeignFunds => "万美元",
        AppraisalMetric.VisitCount => "次",
        _ => "个",
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>Freezes the year-end result; one frozen run per year.</summary>
    /// <param name="earlyConfirmed">Needed to freeze before the year is over (docs/domain.md: the year's result).</param>
    public async Task FreezeAsync(Guid runId, bool earlyConfirmed = false, CancellationToken ct = default)
    {
        var run = await db.AppraisalRuns.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("考核结果不存在。");
        var undecided = (await FundsToReviewAsync(run.Year, ct)).Count(f => f.Included is null);
        if (undecided > 0)
            throw new DomainException($"尚有 {undecided} 笔需人工复核的到位资金（引荐中介已列入黑名单）未确认，请逐笔确认计入或不计入后重新计算，再冻结。");
        if (await db.AppraisalRuns.AnyAsync(r => r.Year == run.Year && r.IsFrozen && r.Id != runId, ct))
            throw new DomainException($"{run.Year} 年已有冻结的考核结果，不能再冻结另一次。");
        run.Freeze(Me, clock.UtcNow(), clock.Today(), earlyConfirmed);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a run that is not frozen (a trial computation).</summary>
    public async Task DeleteRunAsync(Guid runId, CancellationToken ct = default)
    {
        var run = await db.AppraisalRuns.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("考核结果不存在。");
        if (run.IsFrozen) throw new DomainException("已冻结的考核结果不能删除。");
        await db.AppraisalLines.Where(l => l.RunId == runId).ExecuteDeleteAsync(ct);
        await db.AppraisalEvidence.Where(e => e.RunId == runId).ExecuteDeleteAsync(ct);
        await db.AppraisalScores.Where(s => s.RunId == runId).ExecuteDeleteAsync(ct);
        db.AppraisalRuns.Remove(run);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The funds of the run's year flagged for manual review, with their decisions (undecided first).</summary>
    public async Task<List<FundsReviewDto>> FundsToReviewAsync(Guid runId, CancellationToken ct = default)
    {
        var year = await db.AppraisalRuns.Where(r => r.Id == runId).Select(r => (int?)r.Year).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("考核结果不存在。");
        return await FundsToReviewAsync(year, ct);
    }

    /// <summary>确认计入 (<paramref name="include"/>) or 不计入 a flagged tranche, with the reason; a new computation then follows it.</summary>
    public async Task DecideFundsReviewAsync(Guid runId, Guid trancheId, bool include, string? reason, CancellationToken ct = default)
    {
        var run = await db.AppraisalRuns.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("考核结果不存在。");
        if (await db.AppraisalRuns.AnyAsync(r => r.Year == run.Year && r.IsFrozen, ct))
            throw new DomainException($"{run.Year} 年度考核结果已冻结，复核结论不能再更改。");
        if ((await FundsToReviewAsync(run.Year, ct)).All(f => f.TrancheId != trancheId))
            throw new NotFoundException("该笔到位资金不在本年度需复核的范围内。");
        var review = await db.FundsReviews.FirstOrDefaultAsync(r => r.Year == run.Year && r.TrancheId == trancheId, ct);
        if (review is null)
            db.FundsReviews.Add(new FundsReview(run.Year, trancheId, include, reason ?? "", Me, clock.UtcNow()));
        else
            review.Decide(include, reason ?? "", Me, clock.UtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Verified tranches arrived in the year whose project carries the 风险 mark (<see cref="ReferrerRisk"/>): the
    /// whole district's, as the appraisal scores everyone (unscoped, like the ledger).
    /// </summary>
    private async Task<List<FundsReviewDto>> FundsToReviewAsync(int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await (from t in db.Unscoped.FundsTranches
                          where t.Verification == VerificationStatus.Verified && t.ArrivedOn >= start && t.ArrivedOn <= end
                          join p in db.Unscoped.Projects on t.ProjectId equals p.Id
                          join c in db.Unscoped.Companies on p.ReferrerCompanyId equals c.Id
                          where c.IsBlacklisted
                          select new
                          {
                              t.Id, ProjectId = p.Id, p.Name, p.Stage, Intermediary = c.Name, t.ArrivedOn, t.Amount.Amount, t.Amount.Currency,
                              Review = db.FundsReviews.Where(r => r.Year == year && r.TrancheId == t.Id)
                                  .Select(r => new { r.Included, r.Reason, By = db.Users.Where(u => u.Id == r.DecidedBy).Select(u => u.DisplayName).FirstOrDefault() })
                                  .FirstOrDefault(),
                          })
            .ToListAsync(ct);
        return rows.Where(r => ReferrerRisk.For(r.Stage, referrerBlacklisted: true) is not null)
            .Select(r => new FundsReviewDto(r.Id, r.ProjectId, r.Name, r.Intermediary, r.ArrivedOn, r.Amount, r.Currency, r.Review?.Included, r.Review?.Reason, r.Review?.By))
            .OrderBy(r => r.Included is not null).ThenBy(r => r.ArrivedOn)
            .ToList();
    }

    private RunSummaryDto Summary(AppraisalRun r) =>
        new(r.Id, r.Year, r.RuleSetId, r.RuleSetName, r.RuleSetVersion, r.AsOf, r.ComputedAt, r.IsFrozen, r.FrozenAt,
            !r.IsFrozen && r.IsEarly(clock.Today()) ? r.EarlyFreezeWarning : null);
}
