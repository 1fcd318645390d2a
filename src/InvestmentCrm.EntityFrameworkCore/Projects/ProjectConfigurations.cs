using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static InvestmentCrm.EntityFrameworkCore.Common.ModelBuilderExtensions;

namespace InvestmentCrm.EntityFrameworkCore.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> entity)
    {
        entity.ToTable("Projects");
        entity.HasSoftDelete();
        entity.Property(p => p.Name).HasMaxLength(NameLength);
        entity.Property(p => p.Aliases).HasMaxLength(500);
        entity.Property(p => p.Industry).HasMaxLength(ShortLength);
        entity.Property(p => p.TargetLocation).HasMaxLength(NameLength);
        entity.Property(p => p.SourceChannel).HasMaxLength(ShortLength);
        entity.Property(p => p.ReferrerName).HasMaxLength(ShortLength);
        entity.HasMoney(p => p.PlannedDomestic, "PlannedDomestic");
        entity.HasMoney(p => p.PlannedForeign, "PlannedForeign");
        entity.HasIndex(p => p.Stage);
        entity.HasIndex(p => p.LeadDepartmentId);
        entity.HasIndex(p => p.ResponsibleLeaderId);
        // Each user clause of the data-scope filter has its index, so a narrow scope's projects are gathered by a BitmapOr
        // of index scans instead of a scan of every project (docs/architecture.md, "Authorisation").
        entity.HasIndex(p => p.CreatedBy);
        entity.HasOne<Department>().WithMany().HasForeignKey(p => p.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ResponsibleLeaderId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(p => p.DepartmentSecretaryId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(p => p.LocalSecretaryId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Company>().WithMany().HasForeignKey(p => p.ReferrerCompanyId).OnDelete(DeleteBehavior.Restrict);

        entity.HasMany(p => p.StageTransitions).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.Contributors).WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.Companies).WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.YearFlags).WithOne().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.LandingEvidence).WithOne().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.ConstructionEvents).WithOne().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.PhaseTransitions).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.ApprovalItems).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.Investments).WithOne().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectInvestmentConfiguration : IEntityTypeConfiguration<ProjectInvestment>
{
    public void Configure(EntityTypeBuilder<ProjectInvestment> entity)
    {
        entity.ToTable("ProjectInvestments");
        entity.Property(i => i.CompletedYuan).HasPrecision(20, 2);
        entity.Property(i => i.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.HasIndex(i => new { i.ProjectId, i.Year, i.Month }).IsUnique();
        entity.HasIndex(i => new { i.Year, i.Month });
    }
}

internal sealed class ConstructionEventConfiguration : IEntityTypeConfiguration<ConstructionEvent>
{
    public void Configure(EntityTypeBuilder<ConstructionEvent> entity)
    {
        entity.ToTable("ConstructionEvents");
        entity.HasSoftDelete();
        entity.Property(e => e.Evidence).HasMaxLength(NameLength);
        entity.Property(e => e.Reason).HasMaxLength(500);
        entity.Property(e => e.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.HasIndex(e => new { e.ProjectId, e.EffectiveDate });
    }
}

internal sealed class DispatchPhaseTransitionConfiguration : IEntityTypeConfiguration<DispatchPhaseTransition>
{
    public void Configure(EntityTypeBuilder<DispatchPhaseTransition> entity)
    {
        entity.ToTable("DispatchPhaseTransitions");
        entity.Property(t => t.Reason).HasMaxLength(500);
        entity.HasIndex(t => t.ProjectId);
    }
}

internal sealed class ApprovalItemConfiguration : IEntityTypeConfiguration<ApprovalItem>
{
    public void Configure(EntityTypeBuilder<ApprovalItem> entity)
    {
        entity.ToTable("ApprovalItems");
        entity.HasSoftDelete();
        entity.Property(a => a.Name).HasMaxLength(ShortLength);
        entity.Property(a => a.DocumentNumber).HasMaxLength(ShortLength);
        entity.Property(a => a.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.HasIndex(a => a.ProjectId);
    }
}

internal sealed class ProjectStageTransitionConfiguration : IEntityTypeConfiguration<ProjectStageTransition>
{
    public void Configure(EntityTypeBuilder<ProjectStageTransition> entity)
    {
        entity.ToTable("ProjectStageTransitions");
        entity.Property(t => t.Reason).HasMaxLength(500);
        // Figures select transitions into a stage by effective date; with the project in the key these reads are index-only scans.
        entity.HasIndex(t => new { t.ToStage, t.EffectiveDate, t.ProjectId });
        // A project's own transitions, and "did it enter this stage in that range" as one index-only lookup.
        entity.HasIndex(t => new { t.ProjectId, t.ToStage, t.EffectiveDate });
    }
}

internal sealed class ProjectContributorConfiguration : IEntityTypeConfiguration<ProjectContributor>
{
    public void Configure(EntityTypeBuilder<ProjectContributor> entity)
    {
        entity.ToTable("ProjectContributors");
        entity.Property(c => c.WeightPercent).HasPrecision(5, 2);
        entity.HasIndex(c => new { c.ProjectId, c.UserId, c.Role }).IsUnique();
        entity.HasIndex(c => c.UserId);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectCompanyConfiguration : IEntityTypeConfiguration<ProjectCompany>
{
    public void Configure(EntityTypeBuilder<ProjectCompany> entity)
    {
        entity.ToTable("ProjectCompanies");
        entity.HasIndex(c => new { c.ProjectId, c.CompanyId, c.Role }).IsUnique();
        entity.HasIndex(c => c.CompanyId);
        entity.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectYearFlagConfiguration : IEntityTypeConfiguration<ProjectYearFlag>
{
    public void Configure(EntityTypeBuilder<ProjectYearFlag> entity)
    {
        entity.ToTable("ProjectYearFlags");
        entity.HasIndex(f => new { f.ProjectId, f.Year }).IsUnique();
        entity.Property(f => f.PlannedTotalYuan).HasPrecision(20, 2);
        entity.Property(f => f.PlannedYearYuan).HasPrecision(20, 2);
        entity.HasIndex(f => new { f.Year, f.IsKeyProject });
    }
}

internal sealed class LandingEvidenceConfiguration : IEntityTypeConfiguration<LandingEvidence>
{
    public void Configure(EntityTypeBuilder<LandingEvidence> entity)
    {
        entity.ToTable("LandingEvidence");
        entity.HasSoftDelete();
        entity.Property(e => e.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.Property(e => e.DocumentNumber).HasMaxLength(ShortLength);
        entity.Property(e => e.Note).HasMaxLength(500);
        entity.HasIndex(e => e.ProjectId);
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> entity)
    {
        entity.ToTable("Contracts");
        entity.Property(e => e.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.HasSoftDelete();
        entity.Property(c => c.Number).HasMaxLength(ShortLength);
        entity.Property(c => c.Occasion).HasMaxLength(NameLength);
        entity.Property(c => c.Parties).HasMaxLength(500);
        entity.Property(c => c.FundingSchedule).HasMaxLength(TextLength);
        entity.HasMoney(c => c.ContractedDomestic, "ContractedDomestic");
        entity.HasMoney(c => c.ContractedForeign, "ContractedForeign");
        // A contract number is unique within its project (docs/domain.md): two parallel posts create one contract.
        // Withdrawn contracts keep their number without blocking a corrected entry.
        entity.HasIndex(c => new { c.ProjectId, c.Number }).IsUnique().HasFilter("NOT \"IsDeleted\"").HasDatabaseName(UniqueIndexes.ContractNumber);
        entity.HasIndex(c => new { c.Kind, c.SignedOn });
        // Contracts past their agreed landing date (the cockpit's late key projects) are few: found by index, not by a scan.
        entity.HasIndex(c => new { c.Kind, c.AgreedLandingDate });
        entity.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundsTrancheConfiguration : IEntityTypeConfiguration<FundsTranche>
{
    public void Configure(EntityTypeBuilder<FundsTranche> entity)
    {
        entity.ToTable("FundsTranches");
        entity.Property(e => e.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.HasSoftDelete();
        entity.HasMoney(t => t.Amount, "Amount");
        entity.Property(t => t.Evidence).HasMaxLength(500);
        entity.Property(t => t.VerificationNote).HasMaxLength(500);
        // 履约 asks per project whether a verified tranche arrived by a date: answered from this index alone.
        entity.HasIndex(t => new { t.ProjectId, t.Verification, t.ArrivedOn });
        entity.HasIndex(t => new { t.Verification, t.ArrivedOn });
        // The 资金台账 in its order (newest first; the queue oldest first): a page of a narrow scope's tranches is read along
        // this index until it is full, not by sorting all 700,000 (docs/benchmarks/load.md: 112 ms → 9 ms).
        entity.HasIndex(t => new { t.ArrivedOn, t.CreatedAt });
        entity.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(t => t.VerifiedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> entity)
    {
        entity.ToTable("Activities");
        entity.Property(e => e.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.HasSoftDelete();
        entity.Property(a => a.Carrier).HasMaxLength(NameLength);
        entity.Property(a => a.Summary).HasMaxLength(TextLength);
        entity.Property(a => a.Outcome).HasMaxLength(TextLength);
        entity.Property(a => a.NextStep).HasMaxLength(500);
        entity.Property(a => a.FollowUpOutcome).HasMaxLength(TextLength);
        entity.Property(a => a.ExternalParticipants).HasMaxLength(500);
        entity.HasIndex(a => a.Date);
        entity.HasIndex(a => a.ProjectId);
        entity.HasIndex(a => a.CompanyId);
        entity.HasIndex(a => a.OwnerDepartmentId);
        entity.HasOne<Department>().WithMany().HasForeignKey(a => a.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> entity)
    {
        entity.ToTable("ActivityParticipants");
        entity.HasIndex(p => new { p.ActivityId, p.UserId }).IsUnique();
        entity.HasIndex(p => p.UserId);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> entity)
    {
        entity.ToTable("ProjectMilestones");
        entity.HasSoftDelete();
        entity.Property(m => m.CorrectionNote).HasMaxLength(InvestmentCrm.Common.Corrections.ReasonMaxLength + 10);
        entity.Property(m => m.Title).HasMaxLength(NameLength);
        entity.HasIndex(m => m.ProjectId);
        entity.HasIndex(m => m.PlannedDate);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> entity)
    {
        entity.ToTable("Attachments");
        entity.HasSoftDelete();
        entity.Property(a => a.FileName).HasMaxLength(NameLength);
        entity.Property(a => a.ContentType).HasMaxLength(128);
        entity.Property(a => a.StoredName).HasMaxLength(64);
        entity.Property(a => a.Sha256).HasMaxLength(64);
        entity.HasIndex(a => a.ProjectId);
        entity.HasIndex(a => a.ProjectIssueId);
        entity.HasOne<InvestmentCrm.ProjectIssues.ProjectIssue>().WithMany().HasForeignKey(a => a.ProjectIssueId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(a => a.StoredName).IsUnique();
        entity.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
