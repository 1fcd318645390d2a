using InvestmentCrm.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static InvestmentCrm.EntityFrameworkCore.Common.ModelBuilderExtensions;

namespace InvestmentCrm.EntityFrameworkCore.Organization;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> entity)
    {
        entity.ToTable("Departments");
        entity.Property(d => d.Code).HasMaxLength(ShortLength);
        entity.Property(d => d.Name).HasMaxLength(NameLength);
        entity.HasIndex(d => d.Code).IsUnique();
        entity.HasIndex(d => d.ParentId);
        entity.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> entity)
    {
        entity.Property(u => u.DisplayName).HasMaxLength(ShortLength);
        entity.Property(u => u.Title).HasMaxLength(ShortLength);
        entity.HasIndex(u => u.DepartmentId);
        entity.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> entity)
    {
        entity.Property(r => r.DisplayName).HasMaxLength(ShortLength);
    }
}
