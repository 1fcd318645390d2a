using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Organization;

/// <summary>
/// 接口令牌: what a named integration (a city platform, a 大数据局 exchange) presents as <c>Authorization: Bearer …</c>
/// on <c>/api/v1</c> (docs/api.md). It acts as its integration account — a user without a password holding one business
/// role in one department — so role, data scope and audit apply as to a person. Only the token's hash is kept; the
/// token itself is shown once, when issued.
/// </summary>
public class ApiToken : Entity
{
    /// <summary>Longest validity an issue may ask for (docs/security.md, "Integration tokens").</summary>
    public const int MaxValidityDays = 366;
    public const int MaxPermitsPerMinute = 6000;
    /// <summary>How stale the recorded last use may get before a call writes it again (one write a minute, not one a call).</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private ApiToken() { }

    private ApiToken(Guid accountId, string prefix, string hash, DateOnly expiresOn, int permitsPerMinute, DateTime createdAt, Guid? createdBy)
    {
        (AccountId, Prefix, Hash, ExpiresOn, PermitsPerMinute, CreatedAt, CreatedBy) = (accountId, prefix, hash, expiresOn, permitsPerMinute, createdAt, createdBy);
    }

    /// <summary>The integration account (a user flagged as an integration) the token acts as.</summary>
    public Guid AccountId { get; private set; }
    /// <summary>The token's first characters, to tell tokens apart in lists and logs.</summary>
    public string Prefix { get; private set; } = "";
    /// <summary>SHA-256 of the token, hex.</summary>
    public string Hash { get; private set; } = "";
    /// <summary>Last day (Beijing date) the token is accepted.</summary>
    public DateOnly ExpiresOn { get; private set; }
    /// <summary>The token's own rate limit.</summary>
    public int PermitsPerMinute { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public string? LastUsedFrom { get; private set; }

    /// <summary>Checks what the 系统管理员 asked for; the refusals name the field.</summary>
    public static ApiToken Issue(Guid accountId, string prefix, string hash, DateOnly expiresOn, int permitsPerMinute, DateOnly today, DateTime now, Guid? by)
    {
        if (expiresOn < today)
            throw new DomainException("有效期至：不能早于今天。");
        if (expiresOn.DayNumber - today.DayNumber > MaxValidityDays)
            throw new DomainException($"有效期至：令牌最长有效 {MaxValidityDays} 天，到期前请签发新令牌。");
        if (permitsPerMinute is < 1 or > MaxPermitsPerMinute)
            throw new DomainException($"每分钟调用上限：请填写 1 至 {MaxPermitsPerMinute} 之间的整数。");
        return new ApiToken(accountId, prefix, hash, expiresOn, permitsPerMinute, now, by);
    }

    /// <summary>A business role only: the 三员 act in person, with a password and a second person's confirmation (docs/security.md).</summary>
    public static void EnsureBindable(string role)
    {
        if (Roles.Administrators.Contains(role))
            throw new DomainException("角色：接口令牌只能绑定业务角色，系统、审计、安全管理员须本人登录操作。");
        if (!Roles.Business.Contains(role))
            throw new DomainException("角色：请选择一个业务角色。");
    }

    public ApiTokenStatus StatusOn(DateOnly today) =>
        RevokedAt is not null ? ApiTokenStatus.Revoked
        : today > ExpiresOn ? ApiTokenStatus.Expired
        : ApiTokenStatus.Active;

    public void Revoke(DateTime at, Guid? by)
    {
        if (RevokedAt is not null)
            throw new DomainException("该令牌已吊销。");
        (RevokedAt, RevokedBy) = (at, by);
    }

    /// <summary>Whether a call at <paramref name="now"/> should record itself as the last use.</summary>
    public bool IsLastUseStale(DateTime now) => LastUsedAt is not { } last || now - last >= LastUseResolution;
}

public enum ApiTokenStatus
{
    [Display(Name = "有效")]
    Active = 1,
    [Display(Name = "已过期")]
    Expired = 2,
    [Display(Name = "已吊销")]
    Revoked = 3,
}
