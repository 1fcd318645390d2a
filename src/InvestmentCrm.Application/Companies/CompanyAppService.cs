using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Companies;

/// <summary>The editable fields of a company profile; registered capital in the currency's base unit (元, 美元 …).</summary>
public sealed record CompanyInput(
    string Name,
    string? CreditCode,
    CompanyNature Nature,
    CompanyKind Kind,
    string? Industry,
    string? Origin,
    string? Tags,
    bool IsStrategicInvestor,
    string? Aliases = null,
    string? LegalPerson = null,
    string? Address = null,
    decimal? RegisteredCapital = null,
    string? RegisteredCapitalCurrency = null,
    Guid? ParentCompanyId = null,
    string? BusinessScope = null,
    string? Notes = null,
    /// <summary>The user has seen the similar names and says this is another company.</summary>
    bool ConfirmNotDuplicate = false,
    Guid? ConcurrencyStamp = null);

public sealed record CompanyContactDto(Guid Id, string Name, string? Title, string? MaskedPhone, string? Email);

/// <summary>A project the company is linked to, with its roles there, or as the project's referrer.</summary>
public sealed record CompanyProjectLink(Guid Id, string Name, ProjectStage Stage, IReadOnlyList<ProjectCompanyRole> Roles, bool IsReferrer);

public sealed record CompanyActivityLink(Guid Id, DateOnly Date, ActivityType Type, string Summary, Guid? ProjectId);

public sealed record CompanyProfileDto(
    Guid Id,
    CompanyInput Input,
    bool IsBlacklisted,
    string? BlacklistReason,
    DateOnly? BlacklistedOn,
    string? ParentName,
    string? OwnerDepartment,
    IReadOnlyList<CompanyContactDto> Contacts,
    IReadOnlyList<CompanyProjectLink> Projects,
    IReadOnlyList<CompanyActivityLink> Activities,
    IReadOnlyList<(Guid Id, string Name)> Subsidiaries,
    IReadOnlyList<string> MergedNames);

/// <summary>An existing company in the reader's scope whose name looks like the one being registered.</summary>
public sealed record SimilarCompany(Guid Id, string Name, string? CreditCode);

/// <summary>
/// The companies whose names look alike: those the reader may see, and how many others exist — never their ids, names,
/// codes or departments (docs/security.md, "side doors"), only whom to ask.
/// </summary>
public sealed record SimilarCompanies(IReadOnlyList<SimilarCompany> InScope, int OutOfScope)
{
    public static readonly SimilarCompanies None = new([], 0);

    public int Count => InScope.Count + OutOfScope;

    public string? OutOfScopeNote => OutOfScope == 0 ? null : $"另有 {OutOfScope} 家名称相近的企业不在您的数据范围内，如需核实请联系调度办。";
}

/// <summary>Registering a company without a credit code whose name is like existing ones: shown before saving.</summary>
public sealed class PossibleDuplicatesException(SimilarCompanies similar)
    : DomainException(string.Join("", (similar.InScope.Count > 0 ? $"已有相似名称的企业：{string.Join("、", similar.InScope.Take(5).Select(s => s.Name))}。" : "")
        + similar.OutOfScopeNote) + "如确认不是同一企业，请勾选“确认不是同一企业”后再登记。")
{
    public SimilarCompanies Similar { get; } = similar;
}

/// <summary>
/// Company profiles (docs/domain.md, issue 6): create with the credit-code and similar-name checks, edit with optimistic
/// concurrency, contacts, blacklist, soft delete, and merging two records of the same company. Reads are limited to
/// the user's data scope; the uniqueness checks look at every company of the district.
/// </summary>
public sealed class CompanyAppService(ICrmDbContext db, DataScope scope, ICompanySearch search, TimeProvider clock)
{
    public async Task<CompanyProfileDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var c = await (await scope.CompaniesAsync(ct)).AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null)
            return null;
        var projects = await (await scope.ProjectsAsync(ct)).Where(p => p.Companies.Any(pc => pc.CompanyId == id))
            .OrderBy(p => p.Name).Take(200)
            .Select(p => new { p.Id, p.Name, p.Stage, Roles = p.Companies.Where(pc => pc.CompanyId == id).Select(pc => pc.Role).ToList() })
            .ToListAsync(ct);
        var referred = await (await scope.ProjectsAsync(ct)).Where(p => p.ReferrerCompanyId == id)
            .Select(p => new { p.Id, p.Name, p.Stage }).OrderBy(p => p.Name).Take(200).ToListAsync(ct);
        var activities = await (await scope.ActivitiesAsync(ct)).Where(a => a.CompanyId == id).OrderByDescending(a => a.Date).Take(100)
            .Select(a => new { a.Id, a.Date, a.Type, a.Summary, a.ProjectId }).ToListAsync(ct);
        var parent = c.ParentCompanyId is { } parentId ? await db.Companies.Where(p => p.Id == parentId).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var subsidiaries = await (await scope.CompaniesAsync(ct)).Where(s => s.ParentCompanyId == id).OrderBy(s => s.Name).Take(100)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var merged = await db.Companies.IgnoreQueryFilters().Where(m => m.MergedIntoId == id).Select(m => m.Name).ToListAsync(ct);
        var owner = c.OwnerDepartmentId is { } ownerId ? await db.Departments.Where(d => d.Id == ownerId).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        return new CompanyProfileDto(
            c.Id, c.ToInput(),
            c.IsBlacklisted, c.BlacklistReason, c.BlacklistedOn, parent, owner,
            c.Contacts.OrderBy(x => x.Name).Select(x => new CompanyContactDto(x.Id, x.Name, x.Title, CompanyContact.MaskPhone(x.Phone), x.Email)).ToList(),
            projects.Select(p => new CompanyProjectLink(p.Id, p.Name, p.Stage, p.Roles.Order().ToList(), false))
                .Concat(referred.Select(p => new CompanyProjectLink(p.Id, p.Name, p.Stage, [], true))).ToList(),
            activities.Select(a => new CompanyActivityLink(a.Id, a.Date, a.Type, a.Summary, a.ProjectId)).ToList(),
            subsidiaries.Select(s => (s.Id, s.Name)).ToList(),
            merged);
    }

    /// <summary>The survivor a merged-away company now lives in, when the reader may see it (old links keep working).</summary>
    public async Task<(Guid Id, string Name)?> MergedIntoAsync(Guid id, CancellationToken ct = default)
    {
        var target = await db.Companies.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.MergedIntoId).FirstOrDefaultAsync(ct);
        if (target is null)
            return null;
        var survivor = await (await scope.CompaniesAsync(ct)).Where(c => c.Id == target).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        return survivor is null ? null : (survivor.Id, survivor.Name);
    }

    public async Task<Guid> CreateAsync(CompanyInput input, CancellationToken ct = default)
    {
        var code = await CheckAsync(input, null, ct);
        if (code is null && !input.ConfirmNotDuplicate)
        {
            var similar = await FindSimilarAsync(input.Name, null, ct);
            if (similar.Count > 0)
                throw new PossibleDuplicatesException(similar);
        }
        var company = new Company(input.Name, input.Nature, code, input.Kind);
        await ApplyAsync(company, input, ct);
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return company.Id;
    }

    public async Task<bool> UpdateAsync(Guid id, CompanyInput input, CancellationToken ct = default)
    {
        var company = await FindAsync(id, ct);
        if (company is null)
            return false;
        if (input.ConcurrencyStamp is not { } stamp || stamp == Guid.Empty)
            throw new StampRequiredException();
        db.Entry(company).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;
        company.CreditCode = await CheckAsync(input, id, ct);
        company.Rename(input.Name);
        company.Nature = input.Nature;
        company.ChangeKind(input.Kind);
        await ApplyAsync(company, input, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Existing companies of the whole district whose names share the core (legal-form suffixes and bracketed places
    /// removed), e.g. 华为终端（长春）有限公司 for 华为终端有限公司. Names outside the reader's scope are shown
    /// without a link, so that nobody registers a duplicate because another department owns the original.
    /// </summary>
    public async Task<SimilarCompanies> FindSimilarAsync(string name, Guid? exclude, CancellationToken ct = default)
    {
        var core = CompanyNameNormalizer.Normalize(name);
        if (CompanyQuery.Length(core) < 2)
            return SimilarCompanies.None;
        var ids = (await search.CandidatesAsync(core, 50, ct)).Where(id => id != exclude).ToList();
        // Unscoped: the duplicate check looks at the whole district; only the link below depends on the scope.
        var candidates = await db.Unscoped.Companies.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Aliases, c.CreditCode })
            .ToListAsync(ct);
        var similar = candidates.Where(c => CompanyNameNormalizer.AreSimilar(name, c.Name)
                || (c.Aliases ?? "").Split('、').Any(a => CompanyNameNormalizer.AreSimilar(name, a)))
            .Take(10).ToList();
        if (similar.Count == 0)
            return SimilarCompanies.None;
        var similarIds = similar.Select(s => s.Id).ToList();
        var visible = await (await scope.CompaniesAsync(ct)).Where(c => similarIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return new SimilarCompanies(
            similar.Where(s => visible.Contains(s.Id)).Select(s => new SimilarCompany(s.Id, s.Name, s.CreditCode?.Value)).ToList(),
            similar.Count(s => !visible.Contains(s.Id)));
    }

    public async Task<Guid?> AddContactAsync(Guid companyId, string name, string? title, string? phone, string? email, CancellationToken ct = default)
    {
        var company = await FindAsync(companyId, ct);
        if (company is null)
            return null;
        if (phone.NullIfBlank() is { } p && !p.All(ch => char.IsDigit(ch) || ch is '-' or '+' or ' '))
            throw new DomainException("联系电话只能包含数字、空格、“-”和“+”。");
        if (email.NullIfBlank() is { } e && !e.Contains('@'))
            throw new DomainException("电子邮箱格式不正确。");
        var contact = company.AddContact(name, title.NullIfBlank(), phone.NullIfBlank(), email.NullIfBlank());
        db.Entry(contact).State = EntityState.Added;
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }

    public async Task<bool> RemoveContactAsync(Guid companyId, Guid contactId, CancellationToken ct = default)
    {
        var company = await FindAsync(companyId, ct);
        if (company is null)
            return false;
        company.RemoveContact(contactId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Puts an intermediary on the blacklist: it can no longer be chosen as the referrer of a project.</summary>
    public async Task<bool> BlacklistAsync(Guid id, string reason, CancellationToken ct = default)
    {
        var company = await FindAsync(id, ct);
        if (company is null)
            return false;
        company.Blacklist(reason, clock.Today());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RemoveFromBlacklistAsync(Guid id, CancellationToken ct = default)
    {
        var company = await FindAsync(id, ct);
        if (company is null)
            return false;
        company.RemoveFromBlacklist();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Soft delete; a company that projects still name is kept (merge a duplicate instead).</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var company = await FindAsync(id, ct);
        if (company is null)
            return false;
        // Unscoped: a link from any project of the district, seen by this reader or not, keeps the company.
        var linked = await db.Unscoped.Projects.CountAsync(p => p.Companies.Any(pc => pc.CompanyId == id) || p.ReferrerCompanyId == id, ct);
        if (linked > 0)
            throw new DomainException($"“{company.Name}”关联着 {linked} 个项目，不能删除；如为重复登记，请把它合并到正确的企业。");
        db.Companies.Remove(company);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Merges the duplicate into the survivor in one transaction: names become aliases, a missing credit code and the
    /// contacts move over, project links, referrals, visits and subsidiaries point to the survivor, and the duplicate
    /// is deleted (soft) remembering the survivor. Both audit trails stay.
    /// </summary>
    public async Task<bool> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken ct = default)
    {
        var companies = await scope.CompaniesAsync(ct);
        var survivor = await companies.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == survivorId, ct);
        var duplicate = await companies.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == duplicateId, ct);
        if (survivor is null || duplicate is null)
            return false;
        survivor.Absorb(duplicate);
        foreach (var contact in survivor.Contacts.Where(c => db.Entry(c).State == EntityState.Detached))
            db.Entry(contact).State = EntityState.Added;

        var projects = await db.Projects.IgnoreQueryFilters().Include(p => p.Companies)
            .Where(p => p.Companies.Any(pc => pc.CompanyId == duplicateId) || p.ReferrerCompanyId == duplicateId).ToListAsync(ct);
        foreach (var project in projects)
            project.ReplaceCompany(duplicateId, survivorId);
        foreach (var activity in await db.Activities.IgnoreQueryFilters().Where(a => a.CompanyId == duplicateId).ToListAsync(ct))
            activity.MoveToCompany(survivorId);
        foreach (var child in await db.Companies.IgnoreQueryFilters().Where(c => c.ParentCompanyId == duplicateId && c.Id != survivorId).ToListAsync(ct))
            child.SetParent(survivorId);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var code = survivor.CreditCode is null ? duplicate.TakeCreditCode() : null;
        db.Companies.Remove(duplicate);
        await db.SaveChangesAsync(ct);
        if (code is not null)
        {
            // The unique code is freed by the first save and given to the survivor by the second.
            survivor.CreditCode = code;
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<Company?> FindAsync(Guid id, CancellationToken ct) =>
        await (await scope.CompaniesAsync(ct)).Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, ct);

    private async Task<CreditCode?> CheckAsync(CompanyInput input, Guid? self, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
            throw new DomainException("企业名称不能为空。");
        if (input.Name.Trim().Length > 200)
            throw new DomainException("企业名称不能超过 200 个字符。");
        if (string.IsNullOrWhiteSpace(input.CreditCode))
            return null;
        var code = CreditCode.Parse(input.CreditCode);
        // Across all companies, not only those in scope: the code identifies the company in the whole district.
        var holder = await db.Companies.IgnoreQueryFilters().Where(c => c.CreditCode == code && c.Id != self)
            .Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (holder is null)
            return code;
        // Who holds the code is told only to a reader who may see that company (docs/security.md, "side doors").
        var inScope = await (await scope.CompaniesAsync(ct)).AnyAsync(c => c.Id == holder.Id, ct);
        throw inScope ? new DuplicateCompanyException(holder.Id, holder.Name, code.Value) : DuplicateCompanyException.OutOfScope(code.Value);
    }

    private async Task ApplyAsync(Company company, CompanyInput input, CancellationToken ct)
    {
        company.SetAliases((input.Aliases ?? "").Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries));
        company.Industry = Limit(input.Industry, 64, "产业");
        company.Origin = Limit(input.Origin, 64, "来源地");
        company.Tags = Limit(string.Join("、", (input.Tags ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()), 500, "标签");
        company.LegalPerson = Limit(input.LegalPerson, 64, "法定代表人");
        company.Address = Limit(input.Address, 200, "地址");
        company.BusinessScope = Limit(input.BusinessScope, 2000, "经营范围");
        company.Notes = Limit(input.Notes, 2000, "备注");
        company.IsStrategicInvestor = input.IsStrategicInvestor;
        if (input.RegisteredCapital is < 0)
            throw new DomainException("注册资本不能为负数。");
        if (input.RegisteredCapital is not null && input.RegisteredCapitalCurrency.NullIfBlank() is { } currency && !Currencies.IsKnown(currency))
            throw new DomainException($"不支持的币种“{currency}”。");
        company.RegisteredCapital = input.RegisteredCapital is { } capital ? new Money(capital, input.RegisteredCapitalCurrency.NullIfBlank() ?? Money.Cny) : null;
        if (input.ParentCompanyId is { } parentId && !await (await scope.CompaniesAsync(ct)).AnyAsync(c => c.Id == parentId, ct))
            throw new DomainException("所选上级/集团企业不存在。");
        company.SetParent(input.ParentCompanyId);
    }

    private static string? Limit(string? text, int max, string field) =>
        text.NullIfBlank() is { } value && value.Length > max ? throw new DomainException($"{field}不能超过 {max} 个字符。") : text.NullIfBlank();

}
