using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Companies;

public sealed record CompanyInput(string Name, string? CreditCode, CompanyNature Nature, CompanyKind Kind, string? Industry, string? Origin, string? Tags, bool IsStrategicInvestor);

public sealed record CompanyListItemDto(Guid Id, string Name, string? CreditCode, string Nature, string? Industry, string? Tags, bool IsStrategicInvestor, bool IsIntermediary, bool IsBlacklisted);

/// <summary>
/// Companies, basic (issue 4): create, edit and pick them for projects. The 统一社会信用代码 is checked by its
/// check digit and is unique; full profiles, search and duplicate detection by name come with the company issue.
/// </summary>
public sealed class CompanyAppService(ICrmDbContext db, DataScope scope, TimeProvider clock)
{
    public async Task<IReadOnlyList<CompanyListItemDto>> ListAsync(string? search, CancellationToken ct = default)
    {
        var companies = await scope.CompaniesAsync(ct);
        if (!string.IsNullOrWhiteSpace(search))
            companies = companies.Where(c => c.Name.Contains(search.Trim()) || (c.Aliases != null && c.Aliases.Contains(search.Trim())));
        var rows = await companies.OrderBy(c => c.Name).Take(200).ToListAsync(ct);
        return rows.Select(c => new CompanyListItemDto(c.Id, c.Name, c.CreditCode?.Value, c.Nature.ToDisplay(), c.Industry, c.Tags, c.IsStrategicInvestor,
            c.Kind == CompanyKind.Intermediary, c.IsBlacklisted)).ToList();
    }

    /// <summary>A company in scope as its editable fields; null when not found in scope.</summary>
    public async Task<(CompanyInput Input, bool IsBlacklisted, string? BlacklistReason)?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var c = await (await scope.CompaniesAsync(ct)).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return c is null ? null : (new CompanyInput(c.Name, c.CreditCode?.Value, c.Nature, c.Kind, c.Industry, c.Origin, c.Tags, c.IsStrategicInvestor), c.IsBlacklisted, c.BlacklistReason);
    }

    public async Task<Guid> CreateAsync(CompanyInput input, CancellationToken ct = default)
    {
        var code = await CheckAsync(input, null, ct);
        var company = new Company(input.Name, input.Nature, code, input.Kind);
        Apply(company, input);
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return company.Id;
    }

    public async Task<bool> UpdateAsync(Guid id, CompanyInput input, CancellationToken ct = default)
    {
        var company = await (await scope.CompaniesAsync(ct)).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (company is null)
            return false;
        company.CreditCode = await CheckAsync(input, id, ct);
        company.Rename(input.Name);
        company.Nature = input.Nature;
        Apply(company, input);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Puts an intermediary on the blacklist: it can no longer be chosen as the referrer of a project.</summary>
    public async Task<bool> BlacklistAsync(Guid id, string reason, CancellationToken ct = default)
    {
        var company = await (await scope.CompaniesAsync(ct)).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (company is null)
            return false;
        company.Blacklist(reason, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<CreditCode?> CheckAsync(CompanyInput input, Guid? self, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
            throw new DomainException("企业名称不能为空。");
        if (string.IsNullOrWhiteSpace(input.CreditCode))
            return null;
        var code = CreditCode.Parse(input.CreditCode);
        // Across all companies, not only those in scope: the code identifies the company in the whole district.
        var holder = await db.Companies.IgnoreQueryFilters().Where(c => c.CreditCode == code && c.Id != self).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (holder is not null)
            throw new DomainException($"统一社会信用代码 {code.Value} 已属于“{holder}”，同一企业不能重复登记。");
        return code;
    }

    private static void Apply(Company company, CompanyInput input)
    {
        company.Industry = input.Industry.NullIfBlank();
        company.Origin = input.Origin.NullIfBlank();
        company.Tags = input.Tags.NullIfBlank();
        company.IsStrategicInvestor = input.IsStrategicInvestor;
    }

}
