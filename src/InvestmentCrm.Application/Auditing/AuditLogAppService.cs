using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Auditing;

public sealed record AuditQuery(string? User = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditLogDto(DateTime At, string? UserName, string EntityType, string EntityId, AuditAction Action, string Changes, string? IpAddress, string? RequestId)
{
    /// <summary>The changes as (field, old, new) for reading; <see cref="Changes"/> keeps the exact JSON.</summary>
    public IReadOnlyList<(string Field, string? Old, string? New)> ChangeList
    {
        get
        {
            using var json = System.Text.Json.JsonDocument.Parse(Changes);
            return json.RootElement.EnumerateObject()
                .Select(p => (p.Name, Text(p.Value[0]), Text(p.Value[1])))
                .ToList();
        }
    }

    private static string? Text(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.ToString();
}

public sealed record SecurityLogDto(DateTime At, SecurityEvent Kind, string? UserName, string? Detail, string? IpAddress);

/// <summary>
/// The audit administrator's view of the logs: filter, page, export; and the retention purge, which is the
/// only way rows leave the logs (the database refuses anything younger than 180 days) and is itself logged.
/// </summary>
public sealed class AuditLogAppService(ICrmDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public const int MinimumRetentionDays = 180;

    public async Task<PagedResult<AuditLogDto>> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var rows = Filter(query);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<AuditLogDto>(items.Select(ToDto).ToList(), total, page, pageSize);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default) =>
        await db.AuditLogs.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    public async Task ExportAsync(AuditQuery query, Stream output, CancellationToken ct = default)
    {
        var rows = new List<object?[]>();
        await foreach (var a in Filter(query).OrderByDescending(a => a.At).AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var dto = ToDto(a);
            rows.Add([dto.At, dto.UserName, dto.EntityType, dto.EntityId, dto.Action, dto.Changes, dto.IpAddress, dto.RequestId]);
        }
        await ExcelWriter.WriteAsync(output, ct, new ExcelWriter.Sheet("审计日志", ["时间（UTC）", "用户", "对象", "主键", "操作", "变更内容", "IP", "请求编号"], rows));
    }

    public async Task<PagedResult<SecurityLogDto>> SecurityLogAsync(string? user, DateOnly? from, DateOnly? to, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var rows = db.SecurityLogs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
            rows = rows.Where(l => l.UserName != null && l.UserName.Contains(user.Trim()));
        if (from is { } f)
            rows = rows.Where(l => l.At >= f.ToDateTime(TimeOnly.MinValue));
        if (to is { } t)
            rows = rows.Where(l => l.At < t.AddDays(1).ToDateTime(TimeOnly.MinValue));
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<SecurityLogDto>(items.Select(l => new SecurityLogDto(l.At, l.Kind, l.UserName, l.Detail, l.IpAddress)).ToList(), total, page, pageSize);
    }

    /// <summary>Deletes audit and security rows older than the retention period and logs that it did.</summary>
    public async Task<int> PurgeAsync(int retentionDays, CancellationToken ct = default)
    {
        if (retentionDays < MinimumRetentionDays)
            throw new DomainException($"审计记录保留期不能少于 {MinimumRetentionDays} 天。");
        var now = clock.UtcNow();
        var cutoff = now.AddDays(-retentionDays);
        var audit = await db.AuditLogs.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        var security = await db.SecurityLogs.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        db.SecurityLogs.Add(new SecurityLog(now, SecurityEvent.AuditPurged, currentUser.UserId, currentUser.UserName,
            $"清理 {cutoff:yyyy-MM-dd} 之前的记录：审计日志 {audit} 条，登录日志 {security} 条（保留期 {retentionDays} 天）", currentUser.IpAddress, currentUser.RequestId));
        await db.SaveChangesAsync(ct);
        return audit + security;
    }

    private IQueryable<AuditLog> Filter(AuditQuery query)
    {
        var rows = db.AuditLogs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
            rows = rows.Where(a => a.UserName != null && a.UserName.Contains(query.User.Trim()));
        if (!string.IsNullOrWhiteSpace(query.EntityType))
            rows = rows.Where(a => a.EntityType == query.EntityType);
        if (query.From is { } from)
            rows = rows.Where(a => a.At >= from.ToDateTime(TimeOnly.MinValue));
        if (query.To is { } to)
            rows = rows.Where(a => a.At < to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return rows;
    }

    private static AuditLogDto ToDto(AuditLog a) => new(a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Changes, a.IpAddress, a.RequestId);
}

/// <summary>Writes 登录日志 / security events (its own save: a failed sign-in has no business change to join).</summary>
public sealed class SecurityLogWriter(ICrmDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task WriteAsync(SecurityEvent kind, Guid? userId, string? userName, string? detail = null, CancellationToken ct = default)
    {
        db.SecurityLogs.Add(new SecurityLog(clock.UtcNow(), kind, userId, userName, detail, currentUser.IpAddress, currentUser.RequestId));
        await db.SaveChangesAsync(ct);
    }
}
