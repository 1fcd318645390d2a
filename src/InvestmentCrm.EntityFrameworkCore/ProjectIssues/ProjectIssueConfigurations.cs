using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static InvestmentCrm.EntityFrameworkCore.Common.ModelBuilderExtensions;

namespace InvestmentCrm.EntityFrameworkCore.ProjectIssues;

internal sealed class ProjectIssueConfiguration : IEntityTypeConfiguration<ProjectIssue>
{
    public void Configure(EntityTypeBuilder<ProjectIssue> entity)
    {
        entity.ToTable("ProjectIssues");
        entity.Property(i => i.Title).HasMaxLength(NameLength);
        entity.Property(i => i.Description).HasMaxLength(InvestmentCrm.Common.TextRules.Text);
        entity.Property(i => i.Solution).HasMaxLength(InvestmentCrm.Common.TextRules.Text);
        entity.Property(i => i.CoordinationParties).HasMaxLength(InvestmentCrm.Common.TextRules.Long);
        entity.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Department>().WithMany().HasForeignKey(i => i.AssignedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(i => i.RaisedBy).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.ProjectIssueId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(i => i.Steps).AutoInclude();
        entity.HasIndex(i => i.ProjectId);
        entity.HasIndex(i => new { i.AssignedDepartmentId, i.Status });
        entity.HasIndex(i => new { i.Status, i.DueOn });
        entity.HasIndex(i => i.RaisedOn);
    }
}

internal sealed class ProjectIssueStepConfiguration : IEntityTypeConfiguration<ProjectIssueStep>
{
    public void Configure(EntityTypeBuilder<ProjectIssueStep> entity)
    {
        entity.ToTable("ProjectIssueSteps");
        entity.Property(s => s.Note).HasMaxLength(InvestmentCrm.Common.TextRules.Text);
        entity.HasIndex(s => new { s.ProjectIssueId, s.Sequence }).IsUnique();
    }
}

internal sealed class IssueCategoryRouteConfiguration : IEntityTypeConfiguration<IssueCategoryRoute>
{
    public void Configure(EntityTypeBuilder<IssueCategoryRoute> entity)
    {
        entity.ToTable("IssueCategoryRoutes");
        entity.HasIndex(r => r.Category).IsUnique();
        entity.HasOne<Department>().WithMany().HasForeignKey(r => r.TaskForceDepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IssueKeywordConfiguration : IEntityTypeConfiguration<IssueKeyword>
{
    public void Configure(EntityTypeBuilder<IssueKeyword> entity)
    {
        entity.ToTable("IssueKeywords");
        entity.Property(k => k.Keyword).HasMaxLength(ShortLength);
        entity.HasIndex(k => k.Keyword).IsUnique();
    }
}

internal sealed class GreenChannelServiceConfiguration : IEntityTypeConfiguration<GreenChannelService>
{
    public void Configure(EntityTypeBuilder<GreenChannelService> entity)
    {
        entity.ToTable("GreenChannelServices");
        entity.HasSoftDelete();
        entity.Property(s => s.Detail).HasMaxLength(NameLength);
        entity.Property(s => s.ReliefYuan).HasPrecision(20, 2);
        entity.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Department>().WithMany().HasForeignKey(s => s.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(s => new { s.ProjectId, s.RequestedOn });
    }
}
