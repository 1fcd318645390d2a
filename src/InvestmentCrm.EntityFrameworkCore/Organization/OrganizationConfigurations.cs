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

internal sealed class AdministratorAccountChangeConfiguration : IEntityTypeConfiguration<AdministratorAccountChange>
{
    public void Configure(EntityTypeBuilder<AdministratorAccountChange> entity)
    {
        entity.ToTable("AdministratorAccountChanges");
        entity.Property(c => c.UserName).HasMaxLength(256);
        entity.Property(c => c.DisplayName).HasMaxLength(ShortLength);
        entity.Property(c => c.Title).HasMaxLength(ShortLength);
        entity.Property(c => c.Roles).HasMaxLength(NameLength);
        entity.Property(c => c.RejectionReason).HasMaxLength(NameLength);
        entity.Ignore(c => c.RoleList);
        entity.HasIndex(c => c.Status);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> entity)
    {
        entity.ToTable("UserSessions");
        entity.Property(s => s.IpAddress).HasMaxLength(ShortLength);
        entity.HasIndex(s => s.UserId);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> entity)
    {
        entity.ToTable("ApiTokens");
        entity.Property(t => t.Prefix).HasMaxLength(32);
        entity.Property(t => t.Hash).HasMaxLength(64);
        entity.Property(t => t.LastUsedFrom).HasMaxLength(ShortLength);
        // Every bearer call looks its token up by hash.
        entity.HasIndex(t => t.Hash).IsUnique();
        entity.HasIndex(t => t.AccountId);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> entity)
    {
        entity.ToTable("PasswordHistory");
        entity.Property(h => h.PasswordHash).HasMaxLength(NameLength);
        entity.HasIndex(h => new { h.UserId, h.Generation }).IsUnique();
        entity.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
