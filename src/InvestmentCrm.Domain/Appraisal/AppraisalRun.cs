using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Appraisal;

/// <summary>
/// Scores of every department and person under one published rule set at an as-of date, stored with their line
/// items and the ledger rows behind them. The stored numbers are the result: correcting a record later changes a
/// new run, never this one. A frozen run (the year-end result) cannot be deleted or refrozen; later runs of the
/// year are compared with it.
/// </summary>
public class AppraisalRun : AggregateRoot
{
    private readonly List<AppraisalScore> _scores = [];
    private readonly List<AppraisalLine> _lines = [];
    private readonly List<AppraisalEvidence> _evidence = [];

    private AppraisalRun() { }

    public AppraisalRun(AppraisalRuleSet ruleSet, DateOnly asOf, DateTime computedAt)
    {
        if (ruleSet.Status == RuleSetStatus.Draft) throw new DomainException("考核口径尚未发布，不能用于考核。");
        if (asOf.Year < ruleSet.Year) throw new DomainException($"统计截止日期不能早于 {ruleSet.Year} 年。");
        (RuleSetId, Year, RuleSetVersion, RuleSetName, AsOf, ComputedAt) = (ruleSet.Id, ruleSet.Year, ruleSet.Version, ruleSet.Name, asOf, computedAt);
    }

    public Guid RuleSetId { get; private set; }
    public int Year { get; private set; }
    public int RuleSetVersion { get; private set; }
    public string RuleSetName { get; private set; } = "";
    public DateOnly AsOf { get; private set; }
    public DateTime ComputedAt { get; private set; }
    public bool IsFrozen { get; private set; }
    public DateTime? FrozenAt { get; private set; }
    public Guid? FrozenBy { get; private set; }
    /// <summary>The projects not credited under the rule set (不予认定), with the reason, as computed.</summary>
    public string? Exclusions { get; set; }

    public IReadOnlyList<AppraisalScore> Scores => _scores;
    public IReadOnlyList<AppraisalLine> Lines => _lines;
    public IReadOnlyList<AppraisalEvidence> Evidence => _evidence;

    public void AddScore(AppraisalSubject subject, Guid subjectId, string name, Guid? departmentId, IReadOnlyList<AppraisalLine> lines)
    {
        if (IsFrozen) throw new DomainException("已冻结的考核结果不能修改。");
        _lines.AddRange(lines);
        _scores.Add(new AppraisalScore(Id, subject, subjectId, name, departmentId, lines.Sum(l => l.Points)));
    }

    public void AddEvidence(IEnumerable<AppraisalEvidence> rows)
    {
        if (IsFrozen) throw new DomainException("已冻结的考核结果不能修改。");
        _evidence.AddRange(rows);
    }

    /// <summary>Ranks within each subject kind by total (ties share a rank; order then by name).</summary>
    public void Rank()
    {
        foreach (var group in _scores.GroupBy(s => s.Subject))
        {
            var ordered = group.OrderByDescending(s => s.Total).ToList();
            for (var i = 0; i < ordered.Count; i++)
                ordered[i].Rank = i > 0 && ordered[i].Total == ordered[i - 1].Total ? ordered[i - 1].Rank : i + 1;
        }
    }

    /// <summary>Frozen before its year is over (or with a 统计日 before 31 December): later records of the year stay out of it.</summary>
    public bool IsEarly(DateOnly today) => today <= new DateOnly(Year, 12, 31) || AsOf < new DateOnly(Year, 12, 31);

    /// <summary>Why an early freeze matters, said before the assessor confirms it.</summary>
    public string EarlyFreezeWarning =>
        $"{Year} 年尚未结束（或统计日 {AsOf:yyyy-MM-dd} 早于年末）：冻结后，此后认定的到位资金、阶段变更和里程碑都不再计入 {Year} 年度考核结果，结果也不能再更改或删除。";

    /// <param name="earlyConfirmed">The assessor confirmed freezing before the year is over (<see cref="IsEarly"/>).</param>
    public void Freeze(Guid by, DateTime at, DateOnly today, bool earlyConfirmed)
    {
        if (IsFrozen) throw new DomainException("该考核结果已冻结。");
        if (IsEarly(today) && !earlyConfirmed)
            throw new DomainException(EarlyFreezeWarning + "如确需提前冻结，请勾选“确认提前冻结”。");
        (IsFrozen, FrozenBy, FrozenAt) = (true, by, at);
    }
}

/// <summary>One subject's total in a run.</summary>
public class AppraisalScore : Entity
{
    private AppraisalScore() { }

    internal AppraisalScore(Guid runId, AppraisalSubject subject, Guid subjectId, string name, Guid? departmentId, decimal total) =>
        (RunId, Subject, SubjectId, Name, DepartmentId, Total) = (runId, subject, subjectId, name, departmentId, total);

    public Guid RunId { get; private set; }
    public AppraisalSubject Subject { get; private set; }
    public Guid SubjectId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The department itself, or the person's department (heads read their department's scores).</summary>
    public Guid? DepartmentId { get; private set; }
    public decimal Total { get; private set; }
    public int Rank { get; internal set; }
}

/// <summary>One item of one subject: the inputs, the formula in words and the points.</summary>
public class AppraisalLine : Entity
{
    private AppraisalLine() { }

    public AppraisalLine(Guid runId, AppraisalSubject subject, Guid subjectId, AppraisalItem item, decimal? value, decimal? target, string inputs, string formula, decimal points) =>
        (RunId, Subject, SubjectId, ItemId, ItemName, Kind, Metric, SortOrder, Value, Target, Inputs, Formula, Points) =
        (runId, subject, subjectId, item.Id, item.Name, item.Kind, item.Metric, item.SortOrder, value, target, inputs, formula, points);

    public Guid RunId { get; private set; }
    public AppraisalSubject Subject { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ItemId { get; private set; }
    public string ItemName { get; private set; } = "";
    public AppraisalItemKind Kind { get; private set; }
    public AppraisalMetric Metric { get; private set; }
    public int SortOrder { get; private set; }
    public decimal? Value { get; private set; }
    public decimal? Target { get; private set; }
    public string Inputs { get; private set; } = "";
    public string Formula { get; private set; } = "";
    public decimal Points { get; private set; }
}

/// <summary>
/// A ledger row behind a line — a tranche (funds), a project (counts, bonuses, deductions) or an activity (visits) —
/// with the credit this subject received from it. Kept with the run so that a frozen result stays explainable and a
/// later run can be compared with it record by record.
/// </summary>
public class AppraisalEvidence : Entity
{
    private AppraisalEvidence() { }

    public AppraisalEvidence(Guid runId, AppraisalSubject subject, Guid subjectId, AppraisalMetric metric, EvidenceKind kind, Guid recordId, Guid? projectId,
        string title, decimal credit, string note) =>
        (RunId, Subject, SubjectId, Metric, Kind, RecordId, ProjectId, Title, Credit, Note) = (runId, subject, subjectId, metric, kind, recordId, projectId, title, credit, note);

    public Guid RunId { get; private set; }
    public AppraisalSubject Subject { get; private set; }
    public Guid SubjectId { get; private set; }
    public AppraisalMetric Metric { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public Guid RecordId { get; private set; }
    public Guid? ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>亿元 (内资), 万美元 (外资) or the credited share of one project or activity, in the metric's unit.</summary>
    public decimal Credit { get; private set; }
    public string Note { get; private set; } = "";
}

public enum EvidenceKind
{
    [Display(Name = "到位资金")]
    Tranche = 1,
    [Display(Name = "项目")]
    Project = 2,
    [Display(Name = "走访洽谈")]
    Activity = 3,
}
