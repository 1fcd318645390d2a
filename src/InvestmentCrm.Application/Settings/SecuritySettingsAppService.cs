using System.Globalization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Settings;

/// <summary>The password policy the 安全管理员 sets: expiry (0 = never) and how many days before it the user is reminded.</summary>
public sealed record SecuritySettingsDto(int PasswordExpiryDays, int PasswordReminderDays);

public sealed class SecuritySettingsAppService(ICrmDbContext db)
{
    public const string ExpiryKey = "Security.PasswordExpiryDays";
    public const string ReminderKey = "Security.PasswordReminderDays";
    public static readonly SecuritySettingsDto Defaults = new(90, 7);

    public async Task<SecuritySettingsDto> GetAsync(CancellationToken ct = default)
    {
        var values = await db.SystemSettings.Where(s => s.Key == ExpiryKey || s.Key == ReminderKey).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new SecuritySettingsDto(
            values.TryGetValue(ExpiryKey, out var expiry) ? int.Parse(expiry, CultureInfo.InvariantCulture) : Defaults.PasswordExpiryDays,
            values.TryGetValue(ReminderKey, out var reminder) ? int.Parse(reminder, CultureInfo.InvariantCulture) : Defaults.PasswordReminderDays);
    }

    public async Task SaveAsync(SecuritySettingsDto settings, CancellationToken ct = default)
    {
        if (settings.PasswordExpiryDays is < 0 or > 3650)
            throw new DomainException("密码有效期应在 0（不过期）到 3650 天之间。");
        if (settings.PasswordReminderDays < 0 || (settings.PasswordExpiryDays > 0 && settings.PasswordReminderDays >= settings.PasswordExpiryDays))
            throw new DomainException("到期提醒天数不能为负数，且须小于密码有效期。");
        await SetAsync(ExpiryKey, settings.PasswordExpiryDays, ct);
        await SetAsync(ReminderKey, settings.PasswordReminderDays, ct);
        await db.SaveChangesAsync(ct);
    }

    private Task SetAsync(string key, int value, CancellationToken ct) =>
        db.SetSettingAsync(key, value.ToString(CultureInfo.InvariantCulture), ct);
}
