using System.Security.Cryptography;
using System.Text;
using InvestmentCrm.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Organization;

/// <summary>What the 系统管理员 fills in to issue a token: the integration's name, the department and role it acts in, expiry and rate limit.</summary>
public sealed record ApiTokenInput(string Name, Guid DepartmentId, string Role, DateOnly ExpiresOn, int PermitsPerMinute);

/// <summary>The token, shown once.</summary>
public sealed record IssuedApiToken(Guid Id, string Token, string Prefix, DateOnly ExpiresOn);

public sealed record ApiTokenListItemDto(Guid Id, string Name, string Department, string Role, string Prefix, DateOnly ExpiresOn,
    int PermitsPerMinute, ApiTokenStatus Status, DateTime CreatedAt, string? CreatedBy, DateTime? LastUsedAt, string? LastUsedFrom, DateTime? RevokedAt);

/// <summary>Who a valid bearer token acts as.</summary>
public sealed record ApiTokenCaller(Guid AccountId, Guid TokenId, string Prefix, int PermitsPerMinute);

/// <summary>
/// 接口令牌 (issue 20, docs/api.md): issued by the 系统管理员 to a named integration, bound to one business role in one
/// department through its own integration account, with expiry, revocation, last use and its own rate limit.
/// </summary>
public sealed class IntegrationAppService(ICrmDbContext db, UserManager<AppUser> users, TimeProvider clock, ICurrentUser currentUser)
{
    /// <summary>Every token presented starts so; the rest is 32 random bytes, base64url.</summary>
    public const string TokenStart = "crm_";
    private const int PrefixLength = 12;

    public async Task<IReadOnlyList<ApiTokenListItemDto>> ListAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var rows = await db.ApiTokens.AsNoTracking()
            .Join(db.Users, t => t.AccountId, u => u.Id, (t, u) => new { Token = t, u.DisplayName, u.DepartmentId, AccountId = u.Id })
            .Select(r => new
            {
                r.Token,
                r.DisplayName,
                Department = db.Departments.Where(d => d.Id == r.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Role = db.UserRoles.Where(ur => ur.UserId == r.AccountId).Join(db.Roles, ur => ur.RoleId, x => x.Id, (ur, x) => x.DisplayName).FirstOrDefault(),
                CreatedBy = db.Users.Where(u => u.Id == r.Token.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new ApiTokenListItemDto(r.Token.Id, r.DisplayName, r.Department ?? "—", r.Role ?? "—", r.Token.Prefix, r.Token.ExpiresOn,
                r.Token.PermitsPerMinute, r.Token.StatusOn(today), r.Token.CreatedAt, r.CreatedBy, r.Token.LastUsedAt, r.Token.LastUsedFrom, r.Token.RevokedAt))
            .OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt)];
    }

    /// <summary>Creates the integration's account (no password, one role, one department) and its token; the token is returned once.</summary>
    public async Task<IssuedApiToken> IssueAsync(ApiTokenInput input, CancellationToken ct = default)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            throw new DomainException("集成名称：请填写调用方的名称，例如“市大数据局数据交换平台”。");
        if (name.Length > 64)
            throw new DomainException("集成名称：最多 64 个字。");
        ApiToken.EnsureBindable(input.Role);
        if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId && d.IsActive, ct))
            throw new DomainException("所属部门：请选择一个启用的部门。");

        var secret = TokenStart + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var account = new AppUser
        {
            UserName = "integration-" + Guid.NewGuid().ToString("N")[..12],
            DisplayName = name,
            DepartmentId = input.DepartmentId,
            Title = "接口集成",
            CreatedAt = clock.UtcNow(),
            IsIntegration = true,
            LockoutEnabled = false,
        };
        // The checks first, then the account: a refused issue leaves nothing behind.
        var token = ApiToken.Issue(account.Id, secret[..PrefixLength], HashOf(secret), input.ExpiresOn, input.PermitsPerMinute, clock.Today(), clock.UtcNow(), currentUser.UserId);
        (await users.CreateAsync(account)).ThrowIfFailed();
        (await users.AddToRoleAsync(account, input.Role)).ThrowIfFailed();
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedApiToken(token.Id, secret, token.Prefix, token.ExpiresOn);
    }

    /// <summary>吊销: the token and its account stop at once (the next call is refused).</summary>
    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("令牌不存在。");
        token.Revoke(clock.UtcNow(), currentUser.UserId);
        var account = await users.FindByIdAsync(token.AccountId.ToString());
        if (account is not null)
        {
            account.IsActive = false;
            (await users.UpdateAsync(account)).ThrowIfFailed();
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The caller a presented token stands for, if it is known, unexpired, unrevoked and its account active; records its use.</summary>
    public async Task<ApiTokenCaller?> AuthenticateAsync(string presented, string? from, CancellationToken ct = default)
    {
        if (!presented.StartsWith(TokenStart, StringComparison.Ordinal) || presented.Length > 128)
            return null;
        var hash = HashOf(presented);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new { Token = t, Active = db.Users.Any(u => u.Id == t.AccountId && u.IsActive && u.IsIntegration) })
            .FirstOrDefaultAsync(ct);
        if (found is null || !found.Active || found.Token.StatusOn(clock.Today()) != ApiTokenStatus.Active)
            return null;
        var now = clock.UtcNow();
        if (found.Token.IsLastUseStale(now))
            // A direct update: the last use is bookkeeping, not a change to audit (the call itself is in the security log).
            await db.ApiTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now).SetProperty(t => t.LastUsedFrom, from), ct);
        return new ApiTokenCaller(found.Token.AccountId, found.Token.Id, found.Token.Prefix, found.Token.PermitsPerMinute);
    }

    private static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

}
