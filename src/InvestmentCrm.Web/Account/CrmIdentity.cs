using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InvestmentCrm.Web.Account;

/// <summary>
/// Identity's user manager with lockout on <see cref="TimeProvider"/> (the framework reads the system clock
/// directly), so that "locked for 15 minutes" is testable with a fake clock.
/// </summary>
public sealed class CrmUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger, TimeProvider clock)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        if (!await GetLockoutEnabledAsync(user))
            return false;
        var end = await GetLockoutEndDateAsync(user);
        return end is { } until && until >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var store = (IUserLockoutStore<AppUser>)Store;
        var count = await store.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts)
            return await UpdateUserAsync(user);
        await store.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await store.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
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
/// The 等保 password rule: at least 10 characters (Identity's length option), 3 of the 4 character classes,
/// and not one of the passwords every attacker tries first.
/// </summary>
public sealed class CrmPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Password123!", "Password@123", "P@ssw0rd123", "P@ssword123", "Passw0rd!23", "Admin@12345", "Admin@123456", "admin123456",
        "Aa123456789", "Aa1234567890", "Abc@123456", "Abcd@12345", "Abc123456!", "Qwer@12345", "Qwerty@123", "Qwerty12345!",
        "1qaz@WSX3edc", "1qaz2wsx3edc", "1QAZ2wsx#EDC", "Zxcv@12345", "Asdf@12345", "Woaini@1314", "woaini1314520",
        "Welcome@123", "Welcome123!", "Changeme123!", "Test@123456", "Root@123456", "Huawei@123", "Huawei@1234",
        "Nanguan@123", "Changchun@123", "Jilin@12345", "Sys@123456", "System@123", "Gov@123456", "Zhengfu@123",
        "Aa@123456789", "Aa123456!@#", "a123456789!", "Qq123456789", "ABCabc123!", "12345678Aa", "123456789Aa!",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        var classes = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(x => x);
        if (classes < 3)
            errors.Add(new IdentityError { Code = "PasswordClasses", Description = "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类。" });
        if (Common.Contains(password))
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "该密码过于常见，容易被猜中，请换一个。" });
        if (user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名。" });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
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
