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
