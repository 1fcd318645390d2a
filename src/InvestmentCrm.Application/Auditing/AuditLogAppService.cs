using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Auditing;

public sealed record AuditQuery(string? User = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

/// <summary>One changed field as the forms show it: its name, and the old and new values in words (null: no value).</summary>
public sealed record AuditChangeDto(string Field, string? Old, string? New);

/// <summary>
/// One audit row for reading: Beijing time, the person by name, the record type and record in Chinese, every changed
/// field named as the forms name it with its values as they show them (ids as names, enums as labels, 是/否).
/// </summary>
public sealed record AuditLogDto(DateTime At, string Who, string? UserName, string EntityType, string Entity, string EntityId, string Record,
    AuditAction Action, IReadOnlyList<AuditChangeDto> Changes, string? IpAddress, string? RequestId);

public sealed record SecurityLogDto(DateTime At, SecurityEvent Kind, string? UserName, string? Detail, string? IpAddress);

/// <summary>
/// The audit administrator's view of the logs: filter, page, export; and the retention purge, which is the
/// only way rows leave the logs (the database refuses anything younger than 180 days) and is itself logged.
/// </summary>
public sealed class AuditLogAppService(ICrmDbContext db, ICurrentUser currentUser, TimeProvider clock, AuditLogReader reader)
{
    public const int MinimumRetentionDays = 180;

    public async Task<PagedResult<AuditLogDto>> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        var paging = Paging.Of(query.Page, query.PageSize, 200);
        var (page, pageSize) = paging;
        var rows = Filter(query);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(pageSize).ToListAsync(ct);
        await NoteViewingAsync($"审计日志（用户：{query.User ?? "全部"}，对象：{query.EntityType ?? "全部"}，日期：{query.From}–{query.To}，第 {page} 页）", ct);
        return new PagedResult<AuditLogDto>(await reader.ReadAsync(items, ct), total, page, pageSize);
    }

    /// <summary>The record types present in the log, as (stored type, Chinese name).</summary>
    public async Task<IReadOnlyList<(string Type, string Label)>> EntityTypesAsync(CancellationToken ct = default) =>
        (await db.AuditLogs.Select(a => a.EntityType).Distinct().ToListAsync(ct))
            .Select(t => (t, AuditVocabulary.EntityLabel(t))).OrderBy(t => t.Item2, StringComparer.Ordinal).ToList();

    public async Task ExportAsync(AuditQuery query, Stream output, CancellationToken ct = default)
    {
        var rows = new List<object?[]>();
        // In batches: names are looked up once per batch, not once per row.
        foreach (var batch in (await Filter(query).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct)).Chunk(500))
            foreach (var dto in await reader.ReadAsync(batch, ct))
                rows.Add([dto.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), dto.Who, dto.Entity, dto.Record,
                    dto.Action.ToDisplay(), string.Join("；", dto.Changes.Select(AuditLogReader.Describe)), dto.IpAddress, dto.RequestId]);
        await ExcelWriter.WriteAsync(output, ct, new ExcelWriter.Sheet("审计日志", ["时间（北京时间）", "用户", "对象", "记录", "操作", "变更内容", "IP", "请求编号"], rows));
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
        var logPaging = Paging.Of(page, pageSize, 200);
        (page, pageSize) = logPaging;
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Skip(logPaging.Skip).Take(pageSize).ToListAsync(ct);
        await NoteViewingAsync($"登录日志（用户：{user ?? "全部"}，日期：{from}–{to}，第 {page} 页）", ct);
        return new PagedResult<SecurityLogDto>(items.Select(l => new SecurityLogDto(l.At, l.Kind, l.UserName, l.Detail, l.IpAddress)).ToList(), total, page, pageSize);
    }

    /// <summary>The audit administrator's own reading is logged too (docs/security.md, "Audit"): who looked at which part of the logs.</summary>
    private async Task NoteViewingAsync(string detail, CancellationToken ct)
    {
        db.SecurityLogs.Add(new SecurityLog(clock.UtcNow(), SecurityEvent.LogViewed, currentUser.UserId, currentUser.UserName, detail, currentUser.IpAddress, currentUser.RequestId));
        await db.SaveChangesAsync(ct);
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
