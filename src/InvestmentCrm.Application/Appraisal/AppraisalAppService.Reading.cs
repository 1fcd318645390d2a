using InvestmentCrm.Organization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Appraisal;

public sealed partial class AppraisalAppService
{
    /// <summary>
    /// A run's ranking as the reader may see it: everything with the 全部 data scope, else the departments of the
    /// reader's scope and their people, and always the reader's own score; with the diff against the year's frozen run.
    /// </summary>
    public async Task<RunDto> GetRunAsync(Guid runId, CancellationToken ct = default)
    {
        var run = await db.AppraisalRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("考核结果不存在。");
        var visible = await VisibleAsync(ct);
        var scores = (await db.AppraisalScores.AsNoTracking().Where(s => s.RunId == runId).ToListAsync(ct)).Where(s => visible(s.Subject, s.SubjectId, s.DepartmentId)).ToList();
        var org = await db.LoadDepartmentTreeAsync(ct);
        ScoreDto Dto(AppraisalScore s) => new(s.Subject, s.SubjectId, s.Name, org.NameOf(s.DepartmentId), s.Total, s.Rank);

        RunDiffDto? diff = null;
        var frozen = run.IsFrozen ? null : await db.AppraisalRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Year == run.Year && r.IsFrozen, ct);
        if (frozen is not null)
            diff = await DiffAsync(frozen, run, visible, ct);
        return new RunDto(Summary(run),
            scores.Where(s => s.Subject == AppraisalSubject.Department).OrderBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal).Select(Dto).ToList(),
            scores.Where(s => s.Subject == AppraisalSubject.Person).OrderBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal).Select(Dto).ToList(),
            run.Exclusions, diff);
    }

    /// <summary>
    /// One subject's line items with the ledger rows behind each — the reader's own always, others' within the data scope
    /// when <paramref name="mayReadOthers"/>. A subject outside the reader's scope answers as one that is not in the run.
    /// </summary>
    public async Task<SubjectDetailDto> GetSubjectAsync(Guid runId, AppraisalSubject subject, Guid subjectId, bool mayReadOthers, CancellationToken ct = default)
    {
        var run = await db.AppraisalRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("考核结果不存在。");
        var score = await db.AppraisalScores.AsNoTracking().FirstOrDefaultAsync(s => s.RunId == runId && s.Subject == subject && s.SubjectId == subjectId, ct)
            ?? throw new NotFoundException("考核对象不存在或您无权查看。");
        var own = subject == AppraisalSubject.Person && subjectId == currentUser.UserId;
        if (!own && (!mayReadOthers || !(await VisibleAsync(ct))(subject, subjectId, score.DepartmentId)))
            throw new NotFoundException("考核对象不存在或您无权查看。");
        return await DetailAsync(run, score, ct);
    }

    private async Task<SubjectDetailDto> DetailAsync(AppraisalRun run, AppraisalScore score, CancellationToken ct)
    {
        var lines = await db.AppraisalLines.AsNoTracking().Where(l => l.RunId == run.Id && l.Subject == score.Subject && l.SubjectId == score.SubjectId)
            .OrderBy(l => l.SortOrder).ToListAsync(ct);
        var evidence = (await db.AppraisalEvidence.AsNoTracking().Where(e => e.RunId == run.Id && e.Subject == score.Subject && e.SubjectId == score.SubjectId).ToListAsync(ct))
            .ToLookup(e => e.Metric);
        var rankedOf = await db.AppraisalScores.CountAsync(s => s.RunId == run.Id && s.Subject == score.Subject, ct);
        return new SubjectDetailDto(Summary(run), score.Subject, score.SubjectId, score.Name, score.Total, score.Rank, rankedOf,
            lines.Select(l => new LineDto(l.ItemName, l.Kind, l.Kind.ToDisplay(), l.Metric, l.Metric.ToDisplay(), l.Value, l.Target, l.Inputs, l.Formula, l.Points,
                    evidence[l.Metric].Select(e => new EvidenceDto(e.Kind, e.RecordId, e.ProjectId, e.Title, e.Note, e.Credit)).ToList()))
                .ToList());
    }

    private async Task<RunDiffDto> DiffAsync(AppraisalRun frozen, AppraisalRun run, Func<AppraisalSubject, Guid, Guid?, bool> visible, CancellationToken ct)
    {
        var ids = new[] { frozen.Id, run.Id };
        var scores = (await db.AppraisalScores.AsNoTracking().Where(s => ids.Contains(s.RunId)).ToListAsync(ct))
            .Where(s => visible(s.Subject, s.SubjectId, s.DepartmentId)).ToList();
        var evidence = (await db.AppraisalEvidence.AsNoTracking().Where(e => ids.Contains(e.RunId)).ToListAsync(ct))
            .GroupBy(e => (e.Subject, e.SubjectId)).ToDictionary(g => g.Key, g => g.ToList());
        var subjects = new List<SubjectDiffDto>();
        foreach (var group in scores.GroupBy(s => (s.Subject, s.SubjectId)))
        {
            var before = group.FirstOrDefault(s => s.RunId == frozen.Id);
            var after = group.FirstOrDefault(s => s.RunId == run.Id);
            var rows = evidence.GetValueOrDefault(group.Key) ?? [];
            var records = rows.GroupBy(e => (e.Metric, e.RecordId))
                .Select(g => (Key: g.Key, Old: g.FirstOrDefault(e => e.RunId == frozen.Id), New: g.FirstOrDefault(e => e.RunId == run.Id)))
                .Where(x => x.Old?.Credit != x.New?.Credit)
                .Select(x =>
                {
                    var e = (x.New ?? x.Old)!;
                    return new RecordDiffDto(e.Metric.ToDisplay(), e.Kind, e.RecordId, e.ProjectId, e.Title, e.Note, x.Old?.Credit, x.New?.Credit);
                })
                .OrderBy(r => r.MetricName, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.Ordinal)
                .ToList();
            if ((before?.Total ?? 0) == (after?.Total ?? 0) && records.Count == 0)
                continue;
            subjects.Add(new SubjectDiffDto(group.Key.Subject, group.Key.SubjectId, (after ?? before)!.Name, before?.Total ?? 0, after?.Total ?? 0, records));
        }
        return new RunDiffDto(Summary(frozen), subjects.OrderBy(s => s.Subject).ThenByDescending(s => Math.Abs(s.After - s.Before)).ToList());
    }

    /// <summary>Which scores the reader may see: 全部, or the scope's departments and their people, and the reader's own.</summary>
    private async Task<Func<AppraisalSubject, Guid, Guid?, bool>> VisibleAsync(CancellationToken ct)
    {
        var rules = await scope.GetRulesAsync(ct);
        var departments = rules.DepartmentIds.ToHashSet();
        var me = currentUser.UserId;
        return (subject, id, department) => rules.All
            || (subject == AppraisalSubject.Person && id == me)
            || (department is { } d && departments.Contains(d));
    }

    /// <summary>我的贡献: the signed-in user's credited records of a year, live (with the year's published 不予认定 rules), and their latest line items.</summary>
    public async Task<ContributionDto> GetMyContributionAsync(int? year, CancellationToken ct = default)
    {
        var me = Me;
        var date = Today;
        var shownYear = year ?? date.Year;
        var asOf = shownYear == date.Year ? date : new DateOnly(shownYear, 12, 31);
        var rules = await db.AppraisalRuleSets.AsNoTracking().Include(r => r.Items)
            .Where(r => r.Year == shownYear && r.Status == RuleSetStatus.Published).FirstOrDefaultAsync(ct);
        var ledger = await CreditLedger.BuildAsync(db, shownYear, asOf, rules, await figures.RulesForAsync(shownYear, ct), ct);
        var mine = ledger.Credits(_ => []).Where(c => c.Subject == AppraisalSubject.Person && c.SubjectId == me).ToList();
        var totals = mine.GroupBy(c => c.Entry.Metric).OrderBy(g => g.Key)
            .Select(g => new ContributionTotalDto(g.Key, g.Key.ToDisplay(), g.Sum(c => c.Credit))).ToList();
        var rows = mine.Select(c => new ContributionRowDto(c.Entry.Metric, c.Entry.Metric.ToDisplay(), c.Entry.Kind, c.Entry.RecordId, c.Entry.ProjectId, c.Entry.Title,
            c.Entry.Note, c.Credit)).ToList();

        SubjectDetailDto? latest = null;
        var run = await db.AppraisalRuns.AsNoTracking().Where(r => r.Year == shownYear)
            .OrderByDescending(r => r.IsFrozen).ThenByDescending(r => r.ComputedAt).FirstOrDefaultAsync(ct);
        if (run is not null && await db.AppraisalScores.AsNoTracking().FirstOrDefaultAsync(s => s.RunId == run.Id && s.Subject == AppraisalSubject.Person && s.SubjectId == me, ct) is { } score)
            latest = await DetailAsync(run, score, ct);
        return new ContributionDto(shownYear, asOf, rules is null ? null : $"{rules.Name}（第 {rules.Version} 版）", totals, rows, ledger.Excluded, latest);
    }

    /// <summary>The run as an Excel workbook: 汇总 (one row per subject) and 明细 (one row per line item); numbers stay numbers.</summary>
    public async Task ExportRunAsync(Guid runId, Stream output, CancellationToken ct = default)
    {
        var run = await GetRunAsync(runId, ct);
        var shown = run.Departments.Concat(run.People).Select(s => (s.Subject, s.SubjectId)).ToHashSet();
        var lines = (await db.AppraisalLines.AsNoTracking().Where(l => l.RunId == runId).ToListAsync(ct))
            .Where(l => shown.Contains((l.Subject, l.SubjectId))).ToList();
        var names = run.Departments.Concat(run.People).ToDictionary(s => (s.Subject, s.SubjectId), s => s.Name);
        var summary = run.Departments.Concat(run.People)
            .Select(s => new object?[] { s.Subject.ToDisplay(), s.Rank, s.Name, s.DepartmentName, s.Total });
        var detail = lines.OrderBy(l => l.Subject).ThenBy(l => names[(l.Subject, l.SubjectId)], StringComparer.Ordinal).ThenBy(l => l.SortOrder)
            .Select(l => new object?[] { l.Subject.ToDisplay(), names[(l.Subject, l.SubjectId)], l.ItemName, l.Kind.ToDisplay(), l.Metric.ToDisplay(), l.Value, l.Target, l.Inputs, l.Formula, l.Points });
        await ExcelWriter.WriteAsync(output, ct,
            new ExcelWriter.Sheet("汇总", ["对象类型", "排名", "名称", "所属部门", "总分"], summary),
            new ExcelWriter.Sheet("明细", ["对象类型", "名称", "评分项", "类别", "指标", "实际值", "目标值", "计算依据", "计算过程", "得分"], detail));
    }
}
