using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Companies;

/// <summary>企业/投资方 — an investor, a partner or an intermediary (中介/商会/协会).</summary>
public class Company : AggregateRoot, ISoftDelete, IDepartmentOwned
{
    private readonly List<CompanyContact> _contacts = [];

    private Company() { Name = ""; }

    public Company(string name, CompanyNature nature, CreditCode? creditCode = null, CompanyKind kind = CompanyKind.Enterprise)
    {
        Name = "";
        Rename(name);
        Nature = nature;
        CreditCode = creditCode;
        Kind = kind;
    }

    public string Name { get; private set; }
    /// <summary>曾用名/简称, separated by “、”.</summary>
    public string? Aliases { get; set; }
    /// <summary>统一社会信用代码; unique when known.</summary>
    public CreditCode? CreditCode { get; set; }
    public CompanyKind Kind { get; private set; }
    public CompanyNature Nature { get; set; }
    /// <summary>世界500强、中国500强、上市、专精特新、总部类型 …, separated by “、”.</summary>
    public string? Tags { get; set; }
    /// <summary>Two-level industry “一级/二级” from docs/domain.md.</summary>
    public string? Industry { get; set; }
    /// <summary>省/市 for domestic investors, country or region for foreign ones.</summary>
    public string? Origin { get; set; }
    /// <summary>注册资本 in the currency's base unit.</summary>
    public decimal? RegisteredCapitalAmount { get; private set; }
    public string? RegisteredCapitalCurrency { get; private set; }
    public Money? RegisteredCapital
    {
        get => RegisteredCapitalAmount is { } amount ? new Money(amount, RegisteredCapitalCurrency ?? Money.Cny) : null;
        set => (RegisteredCapitalAmount, RegisteredCapitalCurrency) = (value?.Amount, value?.Currency);
    }
    public Guid? ParentCompanyId { get; private set; }
    public string? LegalPerson { get; set; }
    public string? Address { get; set; }
    public string? BusinessScope { get; set; }
    public string? Notes { get; set; }
    /// <summary>战略投资者.</summary>
    public bool IsStrategicInvestor { get; set; }
    public bool IsBlacklisted { get; private set; }
    public string? BlacklistReason { get; private set; }
    public DateOnly? BlacklistedOn { get; private set; }

    public IReadOnlyCollection<CompanyContact> Contacts => _contacts;

    /// <summary>Set when this record was merged into another one (it is then deleted; links point to the survivor).</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>The department that registered the company; data scope reads it.</summary>
    public Guid? OwnerDepartmentId { get; set; }

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    public void Rename(string name) =>
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("企业名称不能为空。") : name.Trim();

    public CompanyContact AddContact(string name, string? title, string? phone, string? email)
    {
        var contact = new CompanyContact(name, title, phone, email);
        _contacts.Add(contact);
        return contact;
    }

    public void RemoveContact(Guid contactId)
    {
        var contact = _contacts.FirstOrDefault(c => c.Id == contactId) ?? throw new NotFoundException("联系人不存在。");
        _contacts.Remove(contact);
    }

    public void ChangeKind(CompanyKind kind)
    {
        if (kind != CompanyKind.Intermediary && IsBlacklisted)
            throw new DomainException("黑名单中介不能改为企业；请先移出黑名单。");
        Kind = kind;
    }

    /// <summary>The parent/group company; a company cannot be its own parent.</summary>
    public void SetParent(Guid? parentId) =>
        ParentCompanyId = parentId == Id ? throw new DomainException("上级/集团企业不能是企业本身。") : parentId;

    /// <summary>Names by which the company is also known (曾用名/简称), without duplicates or the name itself.</summary>
    public IReadOnlyList<string> AliasList =>
        (Aliases ?? "").Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public void SetAliases(IEnumerable<string> aliases)
    {
        var list = aliases.Select(a => a.Trim()).Where(a => a.Length > 0 && a != Name).Distinct().ToList();
        var joined = string.Join("、", list);
        if (joined.Length > 500)
            throw new DomainException("曾用名/简称合计不能超过 500 个字符。");
        Aliases = joined.Length == 0 ? null : joined;
    }

    /// <summary>
    /// Takes over what the duplicate <paramref name="other"/> knows (its name and aliases as aliases, a missing credit
    /// code, contacts, notes, flags) and marks it as merged into this one. Links of projects and activities are moved
    /// by the application service; the duplicate is then deleted (soft), its audit trail stays.
    /// </summary>
    public void Absorb(Company other)
    {
        if (other.Id == Id)
            throw new DomainException("不能把企业合并到它自己。");
        if (other.MergedIntoId is not null || other.IsDeleted)
            throw new DomainException($"“{other.Name}”已被合并或删除。");
        if (CreditCode is not null && other.CreditCode is not null && CreditCode != other.CreditCode)
            throw new DomainException($"两家企业的统一社会信用代码不同（{CreditCode.Value} 与 {other.CreditCode.Value}），不是同一企业，不能合并。");
        SetAliases(AliasList.Append(other.Name).Concat(other.AliasList));
        foreach (var contact in other.Contacts)
            AddContact(contact.Name, contact.Title, contact.Phone, contact.Email);
        var tags = string.Join("、", (Tags ?? "").Split('、').Concat((other.Tags ?? "").Split('、')).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct());
        Tags = tags.Length == 0 ? null : tags;
        Notes = string.IsNullOrWhiteSpace(other.Notes) ? Notes : string.IsNullOrWhiteSpace(Notes) ? other.Notes : $"{Notes}\n（合并自“{other.Name}”）{other.Notes}";
        Industry ??= other.Industry;
        Origin ??= other.Origin;
        LegalPerson ??= other.LegalPerson;
        Address ??= other.Address;
        BusinessScope ??= other.BusinessScope;
        RegisteredCapital ??= other.RegisteredCapital;
        ParentCompanyId ??= other.ParentCompanyId == Id ? null : other.ParentCompanyId;
        IsStrategicInvestor |= other.IsStrategicInvestor;
        if (other.IsBlacklisted && !IsBlacklisted && Kind == CompanyKind.Intermediary)
            (IsBlacklisted, BlacklistReason, BlacklistedOn) = (true, other.BlacklistReason, other.BlacklistedOn);
        other.MergedIntoId = Id;
    }

    /// <summary>The code moves from the merged-away duplicate to the survivor when the survivor has none.</summary>
    public CreditCode? TakeCreditCode()
    {
        var code = CreditCode;
        CreditCode = null;
        return code;
    }

    /// <summary>Only intermediaries can be blacklisted; a blacklisted one cannot refer new projects.</summary>
    public void Blacklist(string reason, DateOnly on)
    {
        if (Kind != CompanyKind.Intermediary)
            throw new DomainException("只有中介机构、商会或协会可以列入黑名单。");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("列入黑名单必须填写原因。");
        (IsBlacklisted, BlacklistReason, BlacklistedOn) = (true, reason.Trim(), on);
    }

    public void RemoveFromBlacklist() => (IsBlacklisted, BlacklistReason, BlacklistedOn) = (false, null, null);
}

/// <summary>A contact person at a company. Personal data: phone numbers are masked in lists.</summary>
public class CompanyContact : Entity
{
    private CompanyContact() { Name = ""; }

    public CompanyContact(string name, string? title, string? phone, string? email)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("联系人姓名不能为空。") : name.Trim();
        (Title, Phone, Email) = (title, phone, email);
    }

    public Guid CompanyId { get; private set; }
    public string Name { get; private set; }
    public string? Title { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    /// <summary>138****5678 — the form shown in lists.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is { Length: >= 7 } ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : phone;
}

public enum CompanyKind
{
    [Display(Name = "企业")]
    Enterprise = 0,
    /// <summary>中介/商会/协会.</summary>
    [Display(Name = "中介/商会/协会")]
    Intermediary = 1,
}

public enum CompanyNature
{
    [Display(Name = "央企")]
    CentralSoe = 1,
    [Display(Name = "地方国企")]
    LocalSoe = 2,
    [Display(Name = "民企")]
    Private = 3,
    [Display(Name = "外企")]
    Foreign = 4,
    [Display(Name = "港澳台")]
    HongKongMacaoTaiwan = 5,
    [Display(Name = "合资")]
    JointVenture = 6,
    [Display(Name = "机构/社团")]
    Institution = 7,
}

/// <summary>The tags officers filter by (docs/domain.md); others may be typed freely.</summary>
public static class CompanyTags
{
    public static readonly IReadOnlyList<string> Known =
    [
        "世界500强", "中国500强", "大型民企", "上市", "新三板挂牌", "专精特新", "国家高新技术企业", "科技小巨人", "瞪羚",
        "全国总部", "区域总部", "地区总部", "功能性机构", "老字号",
    ];

    public static IReadOnlyList<string> Split(string? tags) =>
        (tags ?? "").Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A credit code already registered: the message names the holder, the id lets the UI link to it.</summary>
public sealed class DuplicateCompanyException : ConflictException
{
    public DuplicateCompanyException(Guid existingId, string existingName, string code)
        : base($"统一社会信用代码 {code} 已属于“{existingName}”，同一企业不能重复登记。") => (ExistingId, ExistingName) = (existingId, existingName);

    private DuplicateCompanyException(string message) : base(message) { }

    /// <summary>The holder is outside the reader's scope: that it exists and whom to ask, nothing more.</summary>
    public static DuplicateCompanyException OutOfScope(string code) =>
        new($"统一社会信用代码 {code} 已有企业登记（不在您的数据范围内），同一企业不能重复登记。如需在该企业名下开展工作，请联系调度办协调。");

    /// <summary>The existing company, when the reader may see it.</summary>
    public Guid? ExistingId { get; }
    public string? ExistingName { get; }
}
