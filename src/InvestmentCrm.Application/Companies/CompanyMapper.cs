using InvestmentCrm.Common;
using Riok.Mapperly.Abstractions;

namespace InvestmentCrm.Companies;

/// <summary>Mappings of companies to the DTOs that mirror them (compile-time, Riok.Mapperly).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CompanyMapper
{
    /// <summary>The company as its edit form holds it (with the stamp that guards the edit).</summary>
    [MapProperty(nameof(Company.RegisteredCapitalAmount), nameof(CompanyInput.RegisteredCapital))]
    [MapperIgnoreTarget(nameof(CompanyInput.ConfirmNotDuplicate))]
    public static partial CompanyInput ToInput(this Company company);

    private static string? Code(CreditCode? code) => code?.Value;
}
