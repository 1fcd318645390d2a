using InvestmentCrm.Auditing;
using InvestmentCrm.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentCrm.EntityFrameworkCore.Auditing;

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> entity)
    {
        entity.ToTable("AuditLogs");
        entity.Property(a => a.UserName).HasMaxLength(256);
        entity.Property(a => a.EntityType).HasMaxLength(128);
        entity.Property(a => a.EntityId).HasMaxLength(128);
        entity.Property(a => a.IpAddress).HasMaxLength(64);
        entity.Property(a => a.RequestId).HasMaxLength(128);
        entity.HasIndex(a => a.At);
        entity.HasIndex(a => new { a.EntityType, a.EntityId });
        entity.HasIndex(a => a.UserId);
        entity.Property(a => a.ChainHash).HasMaxLength(64);
        entity.HasIndex(a => a.ChainIndex);
    }
}

internal sealed class SecurityLogConfiguration : IEntityTypeConfiguration<SecurityLog>
{
    public void Configure(EntityTypeBuilder<SecurityLog> entity)
    {
        entity.ToTable("SecurityLogs");
        entity.Property(a => a.UserName).HasMaxLength(256);
        entity.Property(a => a.Detail).HasMaxLength(1000);
        entity.Property(a => a.IpAddress).HasMaxLength(64);
        entity.Property(a => a.RequestId).HasMaxLength(128);
        entity.HasIndex(a => a.At);
        entity.HasIndex(a => a.UserId);
        entity.Property(a => a.ChainHash).HasMaxLength(64);
        entity.HasIndex(a => a.ChainIndex);
    }
}

internal sealed class RoleDepartmentConfiguration : IEntityTypeConfiguration<RoleDepartment>
{
    public void Configure(EntityTypeBuilder<RoleDepartment> entity)
    {
        entity.ToTable("RoleDepartments");
        entity.HasKey(r => new { r.RoleId, r.DepartmentId });
        entity.HasIndex(r => r.DepartmentId);
        entity.HasOne<AppRole>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
