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
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
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
}

public enum SecurityEvent
{
    LoginSucceeded = 1,
    LoginFailed = 2,
    LockedOut = 3,
    Logout = 4,
    AccessDenied = 5,
    PasswordChanged = 6,
    AuditPurged = 7,
}

public static class AuditNames
{
    public static string ToDisplay(this AuditAction action) => action switch
    {
        AuditAction.Created => "新增",
        AuditAction.Updated => "修改",
        AuditAction.Deleted => "删除",
        _ => action.ToString(),
    };

    public static string ToDisplay(this SecurityEvent kind) => kind switch
    {
        SecurityEvent.LoginSucceeded => "登录成功",
        SecurityEvent.LoginFailed => "登录失败",
        SecurityEvent.LockedOut => "账号锁定",
        SecurityEvent.Logout => "退出登录",
        SecurityEvent.AccessDenied => "越权访问被拒绝",
        SecurityEvent.PasswordChanged => "修改密码",
        SecurityEvent.AuditPurged => "清理过期审计记录",
        _ => kind.ToString(),
    };
}
