using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Organization;

/// <summary>部门/单位 — a node of the district's organisation tree. Every user belongs to one.</summary>
public class Department : AggregateRoot
{
    private Department() { Name = ""; Code = ""; }

    public Department(string code, string name, DepartmentKind kind, Department? parent = null, int sortOrder = 0)
    {
        Code = code;
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("部门名称不能为空。") : name.Trim();
        Kind = kind;
        ParentId = parent?.Id;
        SortOrder = sortOrder;
    }

    /// <summary>Stable short code (e.g. NG-SWJ) used by imports and URLs.</summary>
    public string Code { get; private set; }
    public string Name { get; private set; }
    public DepartmentKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    public void Rename(string name) =>
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("部门名称不能为空。") : name.Trim();

    /// <summary>Moves under a new parent; <paramref name="descendantsOfThis"/> guards against making a cycle.</summary>
    public void MoveTo(Department? parent, IReadOnlyCollection<Guid> descendantsOfThis)
    {
        if (parent is not null && (parent.Id == Id || descendantsOfThis.Contains(parent.Id)))
            throw new DomainException("不能把部门移动到它自己或它的下级部门之下。");
        if (parent is null && Kind != DepartmentKind.District)
            throw new DomainException("只有区级单位可以作为顶级部门。");
        ParentId = parent?.Id;
    }

    public void SetActive(bool active) => IsActive = active;
}

public enum DepartmentKind
{
    /// <summary>区政府/区委 — the root.</summary>
    [Display(Name = "区")]
    District = 0,
    /// <summary>领导小组/指挥部.</summary>
    [Display(Name = "领导小组/指挥部")]
    LeadingGroup = 1,
    /// <summary>职能部门 (局、办).</summary>
    [Display(Name = "职能部门")]
    Functional = 2,
    /// <summary>街道/乡.</summary>
    [Display(Name = "街乡")]
    SubDistrict = 3,
    /// <summary>开发区.</summary>
    [Display(Name = "开发区")]
    DevelopmentZone = 4,
    /// <summary>专班 (保障专班、项目专班).</summary>
    [Display(Name = "专班")]
    TaskForce = 5,
}

