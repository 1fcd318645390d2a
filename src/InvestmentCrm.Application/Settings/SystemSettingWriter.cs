using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Settings;

public static class SystemSettingWriter
{
    /// <summary>Sets an installation setting (added if it is not there yet); saved with the caller's next save.</summary>
    public static async Task SetSettingAsync(this ICrmDbContext db, string key, string value, CancellationToken ct)
    {
        var setting = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
            db.SystemSettings.Add(new SystemSetting(key, value));
        else
            setting.Value = value;
    }
}
