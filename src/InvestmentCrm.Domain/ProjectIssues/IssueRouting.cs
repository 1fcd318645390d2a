using InvestmentCrm.Common;

namespace InvestmentCrm.ProjectIssues;

/// <summary>
/// How one category of problems is routed in this installation (docs/domain.md, "项目问题"): to its 保障专班 (none: the
/// raiser names a 职能部门), the days promised for the first response and for solving it, and after how many overdue
/// days the daily check takes it up to the 指挥部.
/// </summary>
public class IssueCategoryRoute : Entity
{
    public const int DefaultResponseDays = 2;
    public const int DefaultDueDays = 15;
    public const int DefaultEscalateAfterDays = 7;

    private IssueCategoryRoute() { }

    public IssueCategoryRoute(IssueCategory category, Guid? taskForceDepartmentId, int responseDays = DefaultResponseDays,
        int dueDays = DefaultDueDays, int escalateAfterDays = DefaultEscalateAfterDays)
    {
        Category = category;
        Change(taskForceDepartmentId, responseDays, dueDays, escalateAfterDays);
    }

    public IssueCategory Category { get; private set; }
    public Guid? TaskForceDepartmentId { get; private set; }
    public int ResponseDays { get; private set; }
    public int DueDays { get; private set; }
    public int EscalateAfterDays { get; private set; }

    public void Change(Guid? taskForceDepartmentId, int responseDays, int dueDays, int escalateAfterDays)
    {
        if (responseDays is < 0 or > 90)
            throw new DomainException("受理时限应在 0 到 90 天之间。");
        if (dueDays is < 1 or > 365)
            throw new DomainException("办结时限应在 1 到 365 天之间。");
        if (responseDays > dueDays)
            throw new DomainException("受理时限不能长于办结时限。");
        if (escalateAfterDays is < 0 or > 365)
            throw new DomainException("自动上提天数应在 0 到 365 天之间。");
        (TaskForceDepartmentId, ResponseDays, DueDays, EscalateAfterDays) = (taskForceDepartmentId, responseDays, dueDays, escalateAfterDays);
    }

    /// <summary>A category nobody configured: no 专班, the default days.</summary>
    public static IssueCategoryRoute Default(IssueCategory category) => new(category, null);
}

/// <summary>A word that suggests a category when it appears in a problem's title or description (土地划转 → 手续).</summary>
public class IssueKeyword : Entity
{
    private IssueKeyword() { Keyword = ""; }

    public IssueKeyword(string keyword, IssueCategory category)
    {
        if (string.IsNullOrWhiteSpace(keyword))
            throw new DomainException("请填写关键词。");
        Keyword = keyword.Trim();
        Category = category;
    }

    public string Keyword { get; private set; }
    public IssueCategory Category { get; private set; }
}

/// <summary>Where a problem goes and by when: the unit, the first-response day and the 办结时限.</summary>
public readonly record struct IssueRoute(Guid DepartmentId, DateOnly ResponseDueOn, DateOnly DueOn);

/// <summary>The routing rules of docs/domain.md, "项目问题".</summary>
public static class IssueRouting
{
    /// <summary>The keywords a new installation starts with (editable afterwards).</summary>
    public static readonly IReadOnlyList<(string Keyword, IssueCategory Category)> DefaultKeywords =
    [
        ("征收", IssueCategory.Expropriation), ("拆迁", IssueCategory.Expropriation), ("动迁", IssueCategory.Expropriation),
        ("补偿安置", IssueCategory.Expropriation), ("腾退", IssueCategory.Expropriation), ("棚改", IssueCategory.Expropriation),
        ("土地划转", IssueCategory.Procedures), ("农转征", IssueCategory.Procedures), ("农转用", IssueCategory.Procedures),
        ("规划许可", IssueCategory.Procedures), ("施工许可", IssueCategory.Procedures), ("方案设计", IssueCategory.Procedures),
        ("立项", IssueCategory.Procedures), ("环评", IssueCategory.Procedures), ("用地手续", IssueCategory.Procedures),
        ("不动产登记", IssueCategory.Procedures), ("审批", IssueCategory.Procedures), ("手续", IssueCategory.Procedures),
        ("诉讼", IssueCategory.Legal), ("仲裁", IssueCategory.Legal), ("纠纷", IssueCategory.Legal), ("违约", IssueCategory.Legal),
        ("查封", IssueCategory.Legal), ("法律", IssueCategory.Legal),
        ("政策兑现", IssueCategory.Policy), ("奖励", IssueCategory.Policy), ("补贴", IssueCategory.Policy), ("扶持资金", IssueCategory.Policy),
        ("税收", IssueCategory.Policy), ("减免", IssueCategory.Policy),
        ("用电", IssueCategory.Factors), ("供电", IssueCategory.Factors), ("用水", IssueCategory.Factors), ("供水", IssueCategory.Factors),
        ("供热", IssueCategory.Factors), ("燃气", IssueCategory.Factors), ("管网", IssueCategory.Factors), ("市政配套", IssueCategory.Factors),
        ("临舍", IssueCategory.Factors), ("用工", IssueCategory.Factors), ("道路", IssueCategory.Factors),
    ];

    /// <summary>
    /// The category the text suggests: the category whose keywords cover the most characters of the text (a longer word
    /// says more than a shorter one: 政策兑现 over 兑现); null when no keyword appears. The user confirms or changes it.
    /// </summary>
    public static IssueCategory? Suggest(string? text, IEnumerable<(string Keyword, IssueCategory Category)> keywords)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var scores = keywords.Where(k => k.Keyword.Length > 0 && text.Contains(k.Keyword, StringComparison.Ordinal))
            .GroupBy(k => k.Category)
            .Select(g => (Category: g.Key, Score: g.Sum(k => k.Keyword.Length)))
            .OrderByDescending(g => g.Score).ThenBy(g => g.Category)
            .ToList();
        return scores.Count == 0 ? null : scores[0].Category;
    }

    /// <summary>
    /// The unit and dates of a problem raised (or re-routed) on <paramref name="on"/>: the named 职能部门 if one is named,
    /// else the category's 专班 — a category without a 专班 needs a named department. The 办结时限 is the one given, else
    /// the category's days.
    /// </summary>
    public static IssueRoute Route(IssueCategory category, IssueCategoryRoute rule, Guid? namedDepartmentId, DateOnly on, DateOnly? dueOn)
    {
        var department = namedDepartmentId ?? rule.TaskForceDepartmentId
            ?? throw new DomainException($"“{category.ToDisplay()}”类问题没有对应的保障专班，请指定责任职能部门。");
        var due = dueOn ?? on.AddDays(rule.DueDays);
        if (due < on)
            throw new DomainException($"办结时限 {due:yyyy-MM-dd} 早于提出日期 {on:yyyy-MM-dd}。");
        var response = on.AddDays(rule.ResponseDays);
        return new IssueRoute(department, response < due ? response : due, due);
    }

    /// <summary>Overdue long enough for the daily check to take it up to the 指挥部.</summary>
    public static bool DueForEscalation(ProjectIssue issue, IssueCategoryRoute rule, DateOnly today) =>
        issue.EscalatedTo is null && issue.IsOverdue(today) && issue.OverdueDays(today) >= Math.Max(1, rule.EscalateAfterDays);
}
