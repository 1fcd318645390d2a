using InvestmentCrm.Organization;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static InvestmentCrm.EntityFrameworkCore.Common.ModelBuilderExtensions;

namespace InvestmentCrm.EntityFrameworkCore.Targets;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> entity)
    {
        entity.ToTable("Targets");
        entity.Property(t => t.Value).HasPrecision(20, 4);
        entity.Property(t => t.Unit).HasMaxLength(16);
        entity.HasIndex(t => new { t.Metric, t.PeriodStart });
        entity.HasIndex(t => t.DepartmentId);
        entity.HasIndex(t => t.UserId);
        entity.HasIndex(t => t.CampaignId);
        entity.HasIndex(t => t.ParentTargetId);
        entity.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Target>().WithMany().HasForeignKey(t => t.ParentTargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> entity)
    {
        entity.ToTable("Campaigns");
        entity.Property(c => c.Name).HasMaxLength(NameLength);
    }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> entity)
    {
        entity.ToTable("ExchangeRates");
        entity.Property(r => r.Currency).HasMaxLength(3);
        entity.Property(r => r.ToCny).HasPrecision(18, 6);
        entity.Property(r => r.ToUsd).HasPrecision(18, 6);
        entity.HasIndex(r => new { r.Year, r.Month, r.Currency }).IsUnique();
    }
}

internal sealed class FigureRulesConfiguration : IEntityTypeConfiguration<InvestmentCrm.Figures.FigureRules>
{
    public void Configure(EntityTypeBuilder<InvestmentCrm.Figures.FigureRules> entity)
    {
        entity.ToTable("FigureRules");
        entity.Property(r => r.KeyProjectThresholdYuan).HasPrecision(20, 2);
        entity.Property(r => r.GreenFromPoints).HasPrecision(7, 2);
        entity.Property(r => r.YellowFromPoints).HasPrecision(7, 2);
        entity.HasIndex(r => r.Year).IsUnique();
    }
}

/// <summary>Summary rows of the figures engine; written only by <see cref="Figures.FigureSummaryMaintenance"/>.</summary>
internal sealed class FundsMonthTotalConfiguration : IEntityTypeConfiguration<InvestmentCrm.Figures.FundsMonthTotal>
{
    public void Configure(EntityTypeBuilder<InvestmentCrm.Figures.FundsMonthTotal> entity)
    {
        entity.ToTable("FundsMonthTotals");
        entity.HasKey(t => new { t.Year, t.Month, t.DepartmentId, t.Source, t.Currency });
        entity.Property(t => t.Currency).HasMaxLength(3);
    }
}

internal sealed class StageMonthCountConfiguration : IEntityTypeConfiguration<InvestmentCrm.Figures.StageMonthCount>
{
    public void Configure(EntityTypeBuilder<InvestmentCrm.Figures.StageMonthCount> entity)
    {
        entity.ToTable("StageMonthCounts");
        entity.HasKey(c => new { c.Year, c.Month, c.DepartmentId, c.Stage });
    }
}

internal sealed class ProjectFigureFactsConfiguration : IEntityTypeConfiguration<InvestmentCrm.Figures.ProjectFigureFacts>
{
    public void Configure(EntityTypeBuilder<InvestmentCrm.Figures.ProjectFigureFacts> entity)
    {
        entity.ToTable("ProjectFigureFacts");
        entity.HasKey(f => f.ProjectId);
    }
}

internal sealed class CohortMonthTotalConfiguration : IEntityTypeConfiguration<InvestmentCrm.Figures.CohortMonthTotal>
{
    public void Configure(EntityTypeBuilder<InvestmentCrm.Figures.CohortMonthTotal> entity)
    {
        entity.ToTable("CohortMonthTotals");
        // A read takes one kind of one cohort over a range of months: the key leads with them.
        entity.HasKey(t => new { t.Kind, t.CohortYear, t.Year, t.Month, t.CohortMonth, t.DepartmentId, t.Source, t.Currency });
        entity.Property(t => t.Currency).HasMaxLength(3);
    }
}

internal sealed class ProjectSigningConfiguration : IEntityTypeConfiguration<InvestmentCrm.Figures.ProjectSigning>
{
    public void Configure(EntityTypeBuilder<InvestmentCrm.Figures.ProjectSigning> entity)
    {
        entity.ToTable("ProjectSignings");
        entity.HasKey(s => new { s.ProjectId, s.Year });
        // A year's cohort up to a cut, and the few who signed after the cut in its month.
        entity.HasIndex(s => new { s.Year, s.SignedOn });
    }
}

internal sealed class PlanBaselineConfiguration : IEntityTypeConfiguration<PlanBaseline>
{
    public void Configure(EntityTypeBuilder<PlanBaseline> entity)
    {
        entity.ToTable("PlanBaselines");
        entity.Property(b => b.Value).HasPrecision(20, 4);
        entity.Property(b => b.Unit).HasMaxLength(20);
        entity.Property(b => b.Source).HasMaxLength(200);
        entity.HasIndex(b => new { b.FirstYear, b.Metric }).IsUnique();
    }
}
