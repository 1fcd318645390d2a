using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Appraisal;

/// <summary>
/// 考核口径 of one year: scoring items for departments and people, bonuses, deductions and the projects that
/// are not credited (不予认定). Drafts are edited freely; a published version is immutable — a change of rules
/// is a new version that supersedes it when published, so every run names the exact rules it applied.
/// </summary>
public class AppraisalRuleSet : AggregateRoot
{
    private readonly List<AppraisalItem> _items = [];

    private AppraisalRuleSet() { }

    public AppraisalRuleSet(int year, string name, int version = 1)
    {
        if (year is < 2000 or > 2100) throw new DomainException("考核年度无效。");
        Year = year;
        Version = version;
        Name = RequireName(name);
    }

    public int Year { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; } = "";
    public RuleSetStatus Status { get; private set; } = RuleSetStatus.Draft;
    public DateTime? PublishedAt { get; private set; }
    public Guid? PublishedBy { get; private set; }

    // 不予认定: projects these match earn no credit, bonus or deduction in a run of this rule set.
    /// <summary>Industry words separated by “、” (e.g. 房地产): a project whose industry contains one is excluded.</summary>
    public string? ExcludedIndustries { get; private set; }
    /// <summary>财政投资 (project type 政府投资) is excluded.</summary>
    public bool ExcludeGovernmentInvestment { get; private set; }
    /// <summary>Projects whose planned 内资 is below this many 亿元 are excluded.</summary>
    public decimal? MinimumProjectYi { get; private set; }
    /// <summary>完全本地投资: a project whose every investor's origin contains this place name (e.g. 长春) is excluded.</summary>
    public string? LocalOrigin { get; private set; }

    public IReadOnlyList<AppraisalItem> Items => _items;

    public bool IsEditable => Status == RuleSetStatus.Draft;

    public void Rename(string name)
    {
        EnsureDraft();
        Name = RequireName(name);
    }

    public void SetExclusions(string? industries, bool governmentInvestment, decimal? minimumProjectYi, string? localOrigin)
    {
        EnsureDraft();
        if (minimumProjectYi is < 0) throw new DomainException("不予认定的项目规模下限不能为负数。");
        var words = (industries ?? "").Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        ExcludedIndustries = words.Length == 0 ? null : string.Join("、", words.Distinct());
        ExcludeGovernmentInvestment = governmentInvestment;
        MinimumProjectYi = minimumProjectYi is 0 ? null : minimumProjectYi;
        LocalOrigin = string.IsNullOrWhiteSpace(localOrigin) ? null : localOrigin.Trim();
    }

    public IReadOnlyList<string> ExcludedIndustryWords => ExcludedIndustries?.Split('、') ?? [];

    public AppraisalItem AddItem(AppraisalItemSpec spec)
    {
        EnsureDraft();
        var item = new AppraisalItem(Id, spec, _items.Count == 0 ? 1 : _items.Max(i => i.SortOrder) + 1);
        _items.Add(item);
        return item;
    }

    public void UpdateItem(Guid itemId, AppraisalItemSpec spec)
    {
        EnsureDraft();
        Item(itemId).Apply(spec);
    }

    public void RemoveItem(Guid itemId)
    {
        EnsureDraft();
        _items.Remove(Item(itemId));
    }

    public void Publish(Guid by, DateTime at)
    {
        EnsureDraft();
        if (_items.Count == 0) throw new DomainException("考核口径没有任何评分项，不能发布。");
        (Status, PublishedBy, PublishedAt) = (RuleSetStatus.Published, by, at);
    }

    /// <summary>A newer version of the same year was published; this one stays readable for the runs made with it.</summary>
    public void Supersede()
    {
        if (Status != RuleSetStatus.Published) throw new DomainException("只有已发布的考核口径可以被新版本取代。");
        Status = RuleSetStatus.Superseded;
    }

    /// <summary>A draft copy with the next version number, to change published rules the only allowed way.</summary>
    public AppraisalRuleSet NewVersion(int version)
    {
        if (Status == RuleSetStatus.Draft) throw new DomainException("草稿可以直接修改，无需新建版本。");
        var copy = new AppraisalRuleSet(Year, Name, version)
        {
            ExcludedIndustries = ExcludedIndustries,
            ExcludeGovernmentInvestment = ExcludeGovernmentInvestment,
            MinimumProjectYi = MinimumProjectYi,
            LocalOrigin = LocalOrigin,
        };
        foreach (var item in _items.OrderBy(i => i.SortOrder))
            copy.AddItem(item.ToSpec());
        return copy;
    }

    private AppraisalItem Item(Guid itemId) => _items.FirstOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("评分项不存在。");

    private void EnsureDraft()
    {
        if (Status != RuleSetStatus.Draft)
            throw new DomainException($"考核口径“{Name}”第 {Version} 版已{Status.ToDisplay()}，不能修改；请新建版本。");
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new DomainException("请填写考核口径名称。")
        : name.Trim().Length > 100 ? throw new DomainException("考核口径名称不能超过 100 个字。") : name.Trim();
}

public enum RuleSetStatus
{
    [Display(Name = "草稿")]
    Draft = 0,
    [Display(Name = "发布")]
    Published = 1,
    [Display(Name = "被新版本取代")]
    Superseded = 2,
}

public static class AppraisalNames
{
    public static AppraisalItemKind KindOf(this AppraisalMetric metric) => metric switch
    {
        AppraisalMetric.LargeProject or AppraisalMetric.Fortune500Investor => AppraisalItemKind.Bonus,
        AppraisalMetric.KeyProjectNotStarted or AppraisalMetric.RejectedTranche => AppraisalItemKind.Deduction,
        _ => AppraisalItemKind.Score,
    };

    public static bool IsRate(this AppraisalMetric metric) => metric is AppraisalMetric.FulfilmentRate or AppraisalMetric.ArrivalRate;
}
