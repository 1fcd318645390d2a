using InvestmentCrm.Appraisal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentCrm.EntityFrameworkCore.Appraisal;

internal sealed class AppraisalRuleSetConfiguration : IEntityTypeConfiguration<AppraisalRuleSet>
{
    public void Configure(EntityTypeBuilder<AppraisalRuleSet> entity)
    {
        entity.ToTable("AppraisalRuleSets");
        entity.Property(r => r.Name).HasMaxLength(100);
        entity.Property(r => r.ExcludedIndustries).HasMaxLength(500);
        entity.Property(r => r.MinimumProjectYi).HasPrecision(12, 4);
        entity.Property(r => r.LocalOrigin).HasMaxLength(50);
        entity.Ignore(r => r.IsEditable);
        entity.Ignore(r => r.ExcludedIndustryWords);
        entity.HasIndex(r => new { r.Year, r.Version }).IsUnique();
        entity.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RuleSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppraisalItemConfiguration : IEntityTypeConfiguration<AppraisalItem>
{
    public void Configure(EntityTypeBuilder<AppraisalItem> entity)
    {
        entity.ToTable("AppraisalItems");
        entity.Property(i => i.Name).HasMaxLength(100);
        entity.Property(i => i.Points).HasPrecision(9, 2);
        entity.Property(i => i.CapPercent).HasPrecision(7, 2);
        entity.Property(i => i.FloorPercent).HasPrecision(7, 2);
        entity.Property(i => i.ThresholdPercent).HasPrecision(7, 2);
        entity.Property(i => i.FixedTarget).HasPrecision(20, 4);
        entity.Property(i => i.Parameter).HasPrecision(20, 4);
        entity.Property(i => i.MaxPoints).HasPrecision(9, 2);
    }
}

internal sealed class AppraisalRunConfiguration : IEntityTypeConfiguration<AppraisalRun>
{
    public void Configure(EntityTypeBuilder<AppraisalRun> entity)
    {
        entity.ToTable("AppraisalRuns");
        entity.Property(r => r.RuleSetName).HasMaxLength(100);
        entity.Property(r => r.Exclusions).HasMaxLength(4000);
        entity.HasIndex(r => r.Year);
        entity.HasIndex(r => r.RuleSetId);
        entity.HasOne<AppraisalRuleSet>().WithMany().HasForeignKey(r => r.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppraisalScoreConfiguration : IEntityTypeConfiguration<AppraisalScore>
{
    public void Configure(EntityTypeBuilder<AppraisalScore> entity)
    {
        entity.ToTable("AppraisalScores");
        entity.Property(s => s.Name).HasMaxLength(100);
        entity.Property(s => s.Total).HasPrecision(12, 2);
        entity.HasIndex(s => new { s.RunId, s.Subject, s.SubjectId }).IsUnique();
    }
}

internal sealed class AppraisalLineConfiguration : IEntityTypeConfiguration<AppraisalLine>
{
    public void Configure(EntityTypeBuilder<AppraisalLine> entity)
    {
        entity.ToTable("AppraisalLines");
        entity.Property(l => l.ItemName).HasMaxLength(100);
        entity.Property(l => l.Value).HasPrecision(24, 10);
        entity.Property(l => l.Target).HasPrecision(20, 4);
        entity.Property(l => l.Inputs).HasMaxLength(1000);
        entity.Property(l => l.Formula).HasMaxLength(500);
        entity.Property(l => l.Points).HasPrecision(12, 2);
        entity.HasIndex(l => new { l.RunId, l.Subject, l.SubjectId });
    }
}

internal sealed class AppraisalEvidenceConfiguration : IEntityTypeConfiguration<AppraisalEvidence>
{
    public void Configure(EntityTypeBuilder<AppraisalEvidence> entity)
    {
        entity.ToTable("AppraisalEvidence");
        entity.Property(e => e.Title).HasMaxLength(200);
        entity.Property(e => e.Note).HasMaxLength(500);
        entity.Property(e => e.Credit).HasPrecision(24, 10);
        entity.HasIndex(e => new { e.RunId, e.Subject, e.SubjectId });
    }
}

internal sealed class FundsReviewConfiguration : IEntityTypeConfiguration<FundsReview>
{
    public void Configure(EntityTypeBuilder<FundsReview> entity)
    {
        entity.ToTable("FundsReviews");
        entity.Property(r => r.Reason).HasMaxLength(500);
        entity.HasIndex(r => new { r.Year, r.TrancheId }).IsUnique();
    }
}
