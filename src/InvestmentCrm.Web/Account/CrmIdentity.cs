using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Account;

/// <summary>
/// Identity's user manager with lockout on <see cref="TimeProvider"/> (the framework reads the system clock
/// directly), so that "locked for 15 minutes" is testable with a fake clock.
/// </summary>
public sealed class CrmUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger, TimeProvider clock, CrmDbContext db)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        if (!await GetLockoutEnabledAsync(user))
            return false;
        var end = await GetLockoutEndDateAsync(user);
        return end is { } until && until >= clock.GetUtcNow();
    }

    /// <summary>
    /// Counts a failed attempt in one UPDATE in the database, so that parallel wrong guesses all count (Identity's
    /// read-modify-write loses those that race: a concurrency failure it ignores) and the lock is set by the one that
    /// crosses the threshold.
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var row = db.Users.Where(u => u.Id == user.Id);
        await row.ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), CancellationToken);
        var count = await row.Select(u => u.AccessFailedCount).SingleAsync(CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            var until = clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan);
            await row.ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until).SetProperty(u => u.AccessFailedCount, 0), CancellationToken);
        }
        await db.Entry(user).ReloadAsync(CancellationToken);
        return IdentityResult.Success;
    }
}

/// <summary>A disabled (停用) user cannot sign in, whatever the password.</summary>
public sealed class CrmSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);
}

/// <summary>
/// The password rule of <see cref="PasswordPolicy"/>, plus: none of the last five passwords again (the current hash and
/// the history kept by <c>PasswordHistoryRecorder</c>).
/// </summary>
public sealed class CrmPasswordValidator(CrmDbContext db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = PasswordPolicy.Problems(password, user.UserName)
            .Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToList();
        if (errors.Count == 0 && password is not null && await WasUsedAsync(manager, user, password))
            errors.Add(new IdentityError { Code = "PasswordReused", Description = $"不能使用最近 {PasswordPolicy.RememberedPasswords} 次用过的密码。" });
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<bool> WasUsedAsync(UserManager<AppUser> manager, AppUser user, string password)
    {
        var hashes = await db.PasswordHistory.Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.Generation).Take(PasswordPolicy.RememberedPasswords - 1).Select(h => h.PasswordHash).ToListAsync();
        if (user.PasswordHash is { } current)
            hashes.Insert(0, current);
        return hashes.Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
    }
}

/// <summary>Identity's messages in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码长度至少 {length} 位。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确。" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用。" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效：只能使用字母、数字和 -._@+。" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败。" };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "该用户未启用锁定。" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含 {uniqueChars} 个不同字符。" };
}

/// <summary>A real hash to check passwords against when there is no account to check them with, so that the answer takes as long.</summary>
public static class UnknownUserHash
{
    private static readonly AppUser Nobody = new() { UserName = "" };
    private static readonly Lazy<string> Hash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public static void Verify(IPasswordHasher<AppUser> hasher, string password) => hasher.VerifyHashedPassword(Nobody, Hash.Value, password);
}
