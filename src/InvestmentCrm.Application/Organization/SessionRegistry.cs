using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Organization;

/// <summary>
/// The server's record of signed-in sessions (docs/security.md, "Sessions"): a cookie is honoured only while its session
/// has not ended, so signing out, a password change and an account change take effect at once, not when a cookie expires.
/// </summary>
public sealed class SessionRegistry(ICrmDbContext db, TimeProvider clock)
{
    public async Task<Guid> StartAsync(Guid userId, string? ipAddress, CancellationToken ct = default)
    {
        var session = new UserSession(userId, clock.UtcNow(), ipAddress);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public Task<bool> IsLiveAsync(Guid sessionId, Guid userId, CancellationToken ct = default) =>
        db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null, ct);

    public Task EndAsync(Guid sessionId, SessionEndReason reason, CancellationToken ct = default) =>
        End(db.UserSessions.Where(s => s.Id == sessionId), reason, ct);

    /// <summary>Ends every open session of the user, except <paramref name="keep"/> (the one that changed its own password).</summary>
    public Task EndAllAsync(Guid userId, SessionEndReason reason, Guid? keep = null, CancellationToken ct = default) =>
        End(db.UserSessions.Where(s => s.UserId == userId && s.Id != keep), reason, ct);

    private Task<int> End(IQueryable<UserSession> sessions, SessionEndReason reason, CancellationToken ct)
    {
        var now = clock.UtcNow();
        return sessions.Where(s => s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
    }
}
