using InvestmentCrm.Auditing;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Auditing;

/// <summary>
/// Seals the audit and login rows of a save into their chains (<see cref="AuditChain"/>) on SQLite. The save's
/// transaction is an immediate one there (Microsoft.Data.Sqlite), so no other writer can add a row between reading the
/// chain's last link and writing the next. PostgreSQL protects the logs by role instead (docs/security.md).
/// </summary>
internal sealed class AuditChainInterceptor : SaveTimeWork<object>
{
    protected override async Task<object?> BeforeSaveAsync(CrmDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            return null;
        await SealAsync(db, db.AuditLogs, AuditChain.ContentOf, (row, index, hash) => row.Seal(index, hash), a => a.ChainIndex, a => a.ChainHash, ct);
        await SealAsync(db, db.SecurityLogs, AuditChain.ContentOf, (row, index, hash) => row.Seal(index, hash), a => a.ChainIndex, a => a.ChainHash, ct);
        return null;
    }

    /// <summary>Links the added rows of one log after the last sealed one, in the order they were added.</summary>
    private static async Task SealAsync<T>(CrmDbContext db, DbSet<T> log, Func<T, string> content, Action<T, long, string> seal,
        System.Linq.Expressions.Expression<Func<T, long?>> chainIndex, Func<T, string?> chainHash, CancellationToken ct) where T : class
    {
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
            return;
        // SQLite sorts NULL lowest: rows from before the chain existed never come first.
        var last = await log.AsNoTracking().OrderByDescending(chainIndex).FirstOrDefaultAsync(ct);
        var (index, hash) = (last is null ? 0 : chainIndex.Compile()(last) ?? 0, last is null ? null : chainHash(last));
        foreach (var row in added)
        {
            hash = AuditChain.Link(hash, ++index, content(row));
            seal(row, index, hash);
        }
    }
}

/// <summary>What <c>verify-audit</c> found in one log: its rows, and the first broken link or the chain's head.</summary>
public sealed record AuditChainReport(string Log, int Rows, long? BrokenAt, string? Problem, long? HeadIndex, string? HeadHash);

public static class AuditChainVerifier
{
    /// <summary>Walks both chains in order; the first row whose place or hash does not follow is reported.</summary>
    public static async Task<IReadOnlyList<AuditChainReport>> VerifyAsync(CrmDbContext db, CancellationToken ct = default) =>
    [
        Walk("审计日志", await db.AuditLogs.AsNoTracking().Where(a => a.ChainIndex != null).OrderBy(a => a.ChainIndex).ToListAsync(ct),
            a => (a.ChainIndex!.Value, a.ChainHash!, AuditChain.ContentOf(a), a.Id, a.At)),
        Walk("登录日志", await db.SecurityLogs.AsNoTracking().Where(a => a.ChainIndex != null).OrderBy(a => a.ChainIndex).ToListAsync(ct),
            a => (a.ChainIndex!.Value, a.ChainHash!, AuditChain.ContentOf(a), a.Id, a.At)),
    ];

    private static AuditChainReport Walk<T>(string log, List<T> rows, Func<T, (long Index, string Hash, string Content, Guid Id, DateTime At)> read)
    {
        string? previous = null;
        long? expected = null;
        foreach (var row in rows.Select(read))
        {
            if (expected is { } next && row.Index != next)
                return new(log, rows.Count, next, $"第 {next} 条缺失（其后为第 {row.Index} 条，{row.Id}）", null, null);
            // A chain that starts after 1 lost its oldest rows to purge-audit (logged in the login log): its first link is the start.
            var start = expected is null && row.Index > 1;
            if (!start && AuditChain.Link(previous, row.Index, row.Content) != row.Hash)
                return new(log, rows.Count, row.Index, $"第 {row.Index} 条（{row.Id}，{row.At:yyyy-MM-dd HH:mm:ss} UTC）内容与哈希不符", null, null);
            (previous, expected) = (row.Hash, row.Index + 1);
        }
        return new(log, rows.Count, null, null, expected - 1, previous);
    }
}
