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
    /// <summary>Two-level industry “一级/二级” from domain-brief §5.1.</summary>
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
    public Guid? ParentCompanyId { get; set; }
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

    /// <summary>The department that registered the company; data scope reads it.</summary>
    public Guid? OwnerDepartmentId { get; set; }

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    public void Rename(string name) =>
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("企业名称不能为空。") : name.Trim();

    public void AddContact(string name, string? title, string? phone, string? email) =>
        _contacts.Add(new CompanyContact(name, title, phone, email));

    /// <summary>Only intermediaries can be blacklisted; a blacklisted one cannot refer new projects.</summary>
    public void Blacklist(string reason, DateOnly on)
    {
        if (Kind != CompanyKind.Intermediary)
            throw new DomainException("只有中介机构、商会或协会可以列入黑名单。");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("列入黑名单必须填写原因。");
        (IsBlacklisted, BlacklistReason, BlacklistedOn) = (true, reason.Trim(), on);
    }
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
    Enterprise = 0,
    /// <summary>中介/商会/协会.</summary>
    Intermediary = 1,
}

public enum CompanyNature
{
    CentralSoe = 1,
    LocalSoe = 2,
    Private = 3,
    Foreign = 4,
    HongKongMacaoTaiwan = 5,
    JointVenture = 6,
    Institution = 7,
}

public static class CompanyNames
{
    public static string ToDisplay(this CompanyNature nature) => nature switch
    {
        CompanyNature.CentralSoe => "央企",
        CompanyNature.LocalSoe => "地方国企",
        CompanyNature.Private => "民企",
        CompanyNature.Foreign => "外企",
        CompanyNature.HongKongMacaoTaiwan => "港澳台",
        CompanyNature.JointVenture => "合资",
        CompanyNature.Institution => "机构/社团",
        _ => nature.ToString(),
    };
}
