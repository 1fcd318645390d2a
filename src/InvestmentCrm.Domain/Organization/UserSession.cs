using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Organization;

/// <summary>
/// 会话: one signed-in browser (docs/security.md, "Sessions"). The cookie names it; every request checks that it has not
/// ended, so signing out, a password change or a role change ends it on the server at once — a copied cookie is refused.
/// </summary>
public class UserSession : Entity
{
    private UserSession() { }

    public UserSession(Guid userId, DateTime startedAt, string? ipAddress)
    {
        UserId = userId;
        StartedAt = startedAt;
        IpAddress = ipAddress;
    }

    public Guid UserId { get; private set; }
    public DateTime StartedAt { get; private set; }
    public string? IpAddress { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public SessionEndReason? EndReason { get; private set; }
}

public enum SessionEndReason
{
    [Display(Name = "退出登录")]
    Logout = 1,
    [Display(Name = "修改密码")]
    PasswordChanged = 2,
    [Display(Name = "账号变更")]
    AccountChanged = 3,
}

/// <summary>An earlier password hash of a user, so that none of the last five is chosen again (<see cref="PasswordPolicy"/>).</summary>
public class PasswordHistoryEntry : Entity
{
    private PasswordHistoryEntry() { }

    public PasswordHistoryEntry(Guid userId, int generation, string passwordHash, DateTime replacedAt)
    {
        UserId = userId;
        Generation = generation;
        PasswordHash = passwordHash;
        ReplacedAt = replacedAt;
    }

    public Guid UserId { get; private set; }
    /// <summary>1 for the user's first replaced password, then 2, 3 …: the order, even when two changes share a clock tick.</summary>
    public int Generation { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public DateTime ReplacedAt { get; private set; }
}
