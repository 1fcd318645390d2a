using InvestmentCrm.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentCrm.EntityFrameworkCore.Settings;

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> entity)
    {
        entity.ToTable("SystemSettings");
        entity.HasKey(s => s.Key);
        entity.Property(s => s.Key).HasMaxLength(128);
        entity.Property(s => s.Value).HasMaxLength(TextLengthForSettings);
    }

    private const int TextLengthForSettings = 2000;
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<InvestmentCrm.Common.DataVersion>
{
    public void Configure(EntityTypeBuilder<InvestmentCrm.Common.DataVersion> entity)
    {
        entity.ToTable("DataVersions");
        entity.Property(v => v.Id).ValueGeneratedNever();
        entity.HasData(new InvestmentCrm.Common.DataVersion { Id = InvestmentCrm.Common.DataVersion.SingletonId, Stamp = Guid.Empty });
    }
}
