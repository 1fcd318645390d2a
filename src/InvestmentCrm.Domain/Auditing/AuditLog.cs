using System.ComponentModel.DataAnnotations;
namespace InvestmentCrm.Auditing;

/// <summary>
/// One change of a business record, written in the same transaction as the change. Append-only: the
/// database refuses updates, and deletes of rows younger than the retention period (≥ 180 days).
/// </summary>
public class AuditLog
{
    private AuditLog() { EntityType = ""; EntityId = ""; Changes = ""; }

    public AuditLog(DateTime at, Guid? userId, string? userName, string entityType, string entityId, AuditAction action, string changes, string? ipAddress, string? requestId)
    {
        (At, UserId, UserName, EntityType, EntityId, Action, Changes, IpAddress, RequestId) =
            (at, userId, userName, entityType, entityId, action, changes, ipAddress, requestId);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>UTC.</summary>
    public DateTime At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public AuditAction Action { get; private set; }
    /// <summary>JSON object: field → [old, new].</summary>
    public string Changes { get; private set; }
    public string? IpAddress { get; private set; }
    public string? RequestId { get; private set; }
    /// <summary>Place and hash in the chain (<see cref="AuditChain"/>; SQLite only).</summary>
    public long? ChainIndex { get; private set; }
    public string? ChainHash { get; private set; }

    public void Seal(long index, string hash) => (ChainIndex, ChainHash) = (index, hash);
}

public enum AuditAction
{
    [Display(Name = "新增")]
    Created = 1,
    [Display(Name = "修改")]
    Updated = 2,
    [Display(Name = "删除")]
    Deleted = 3,
}

/// <summary>登录日志 and security events: sign-ins, lockouts, sign-outs, authorisation denials, purges.</summary>
public class SecurityLog
{
    private SecurityLog() { }

    public SecurityLog(DateTime at, SecurityEvent kind, Guid? userId, string? userName, string? detail, string? ipAddress, string? requestId)
    {
        (At, Kind, UserId, UserName, Detail, IpAddress, RequestId) = (at, kind, userId, userName, detail, ipAddress, requestId);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime At { get; private set; }
    public SecurityEvent Kind { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? Detail { get; private set; }
    public string? IpAddress { get; private set; }
    public string? RequestId { get; private set; }
    /// <summary>Place and hash in the chain (<see cref="AuditChain"/>; SQLite only).</summary>
    public long? ChainIndex { get; private set; }
    public string? ChainHash { get; private set; }

    public void Seal(long index, string hash) => (ChainIndex, ChainHash) = (index, hash);
}

public enum SecurityEvent
{
    [Display(Name = "登录成功")]
    LoginSucceeded = 1,
    [Display(Name = "登录失败")]
    LoginFailed = 2,
    [Display(Name = "账号锁定")]
    LockedOut = 3,
    [Display(Name = "退出登录")]
    Logout = 4,
    [Display(Name = "越权访问被拒绝")]
    AccessDenied = 5,
    [Display(Name = "修改密码")]
    PasswordChanged = 6,
    [Display(Name = "清理过期审计记录")]
    AuditPurged = 7,
    [Display(Name = "修改密码失败")]
    PasswordChangeFailed = 8,
    [Display(Name = "导出数据")]
    DataExported = 9,
    [Display(Name = "下载附件")]
    AttachmentDownloaded = 10,
    [Display(Name = "查看日志")]
    LogViewed = 11,
    [Display(Name = "接口调用")]
    ApiCall = 12,
}

