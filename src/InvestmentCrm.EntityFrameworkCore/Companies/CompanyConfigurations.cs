using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static InvestmentCrm.EntityFrameworkCore.Common.ModelBuilderExtensions;

namespace InvestmentCrm.EntityFrameworkCore.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> entity)
    {
        entity.ToTable("Companies");
        entity.HasSoftDelete();
        entity.Property(c => c.Name).HasMaxLength(NameLength);
        entity.Property(c => c.Aliases).HasMaxLength(500);
        entity.Property(c => c.CreditCode)
            .HasMaxLength(18)
            .HasConversion(code => code!.Value, value => CreditCode.Parse(value));
        entity.Property(c => c.Tags).HasMaxLength(500);
        entity.Property(c => c.Industry).HasMaxLength(ShortLength);
        entity.Property(c => c.Origin).HasMaxLength(ShortLength);
        entity.Property(c => c.RegisteredCapitalAmount).HasPrecision(20, 2);
        entity.Property(c => c.RegisteredCapitalCurrency).HasMaxLength(3);
        entity.Ignore(c => c.RegisteredCapital);
        entity.Property(c => c.LegalPerson).HasMaxLength(ShortLength);
        entity.Property(c => c.Address).HasMaxLength(NameLength);
        entity.Property(c => c.BusinessScope).HasMaxLength(TextLength);
        entity.Property(c => c.Notes).HasMaxLength(TextLength);
        entity.Property(c => c.BlacklistReason).HasMaxLength(500);
        // Index terms of the searchable text (Domain SearchTerms), written with every save of the company;
        // the search adapters index this column (PostgreSQL) or copy it into FTS5 (SQLite) in the same transaction.
        entity.Property<string>(CompanySearchIndex.TermsColumn);
        entity.HasIndex(c => c.CreditCode).IsUnique();
        entity.HasIndex(c => c.Name);
        entity.HasIndex(c => c.OwnerDepartmentId);
        // With the owner department, where a narrow data scope's companies are found (DataScope.CompaniesAsync).
        entity.HasIndex(c => c.CreatedBy);
        // The 中介/商会/协会 list (a project's referrer) in name order, without reading a million enterprises.
        entity.HasIndex(c => new { c.Kind, c.Name });
        entity.HasOne<InvestmentCrm.Organization.Department>().WithMany().HasForeignKey(c => c.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Company>().WithMany().HasForeignKey(c => c.ParentCompanyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyContactConfiguration : IEntityTypeConfiguration<CompanyContact>
{
    public void Configure(EntityTypeBuilder<CompanyContact> entity)
    {
        entity.ToTable("CompanyContacts");
        entity.Property(c => c.Name).HasMaxLength(ShortLength);
        entity.Property(c => c.Title).HasMaxLength(ShortLength);
        entity.Property(c => c.Phone).HasMaxLength(32);
        entity.Property(c => c.Email).HasMaxLength(128);
    }
}
