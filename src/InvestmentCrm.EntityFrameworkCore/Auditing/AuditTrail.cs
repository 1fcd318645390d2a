using System.Globalization;
using System.Text.Json;
using InvestmentCrm.Auditing;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InvestmentCrm.EntityFrameworkCore.Auditing;

/// <summary>
/// Turns the tracked changes of one save into audit rows: entity and key, and for an update exactly the
/// fields whose value changed, old → new. Secrets (password hashes, stamps) are never written.
/// </summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> NotAudited =
    [
        nameof(AggregateRoot.ConcurrencyStamp), nameof(IAuditedEntity.CreatedAt), nameof(IAuditedEntity.CreatedBy),
        nameof(IAuditedEntity.UpdatedAt), nameof(IAuditedEntity.UpdatedBy), "PasswordHash", "SecurityStamp",
        // An API token's hash is as secret as a password hash; its prefix names it in the log.
        nameof(InvestmentCrm.Organization.ApiToken.Hash),
    ];

    // The figure summaries are derived from audited records in the same save (docs/architecture.md): logging them too
    // would only repeat those changes as sums.
    private static readonly HashSet<string> NotAuditedEntities =
    [
        nameof(AuditLog), nameof(SecurityLog), nameof(DataVersion), "IdentityUserToken`1", "IdentityUserLogin`1",
        // Sessions and earlier password hashes: the login log records sign-ins and password changes; hashes are never logged.
        nameof(InvestmentCrm.Organization.UserSession), nameof(InvestmentCrm.Organization.PasswordHistoryEntry),
        // The 快报 documents as sent: the meeting's own change to 快报已发 (recipients, date) is what the log keeps.
        nameof(InvestmentCrm.Meetings.MeetingBulletin),
        nameof(InvestmentCrm.Figures.FundsMonthTotal), nameof(InvestmentCrm.Figures.StageMonthCount), nameof(InvestmentCrm.Figures.ProjectFigureFacts),
        nameof(InvestmentCrm.Figures.CohortMonthTotal), nameof(InvestmentCrm.Figures.ProjectSigning),
    ];

    public static List<AuditLog> Collect(ChangeTracker tracker, DateTime now, ICurrentUser user)
    {
        var rows = new List<AuditLog>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || NotAuditedEntities.Contains(entry.Metadata.ClrType.Name))
                continue;

            var values = Values(entry).Where(v => !NotAudited.Contains(v.Name)).ToList();
            var softDeleted = entry is { State: EntityState.Modified, Entity: ISoftDelete { IsDeleted: true } }
                && values.Any(v => v.Name == nameof(ISoftDelete.IsDeleted) && v.IsModified);
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ when softDeleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };

            var changes = new Dictionary<string, object?[]>();
            foreach (var value in values)
            {
                if (action == AuditAction.Created)
                    changes[value.Name] = [null, value.Current];
                else if (action == AuditAction.Deleted && entry.State == EntityState.Deleted)
                    changes[value.Name] = [value.Original, null];
                else if (value.IsModified && !Equals(value.Original, value.Current))
                    changes[value.Name] = [value.Original, value.Current];
            }
            if (action == AuditAction.Updated && changes.Count == 0)
                continue;

            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
            rows.Add(new AuditLog(now, user.UserId, user.UserName, entry.Metadata.ClrType.Name, key, action,
                JsonSerializer.Serialize(changes, JsonOptions), user.IpAddress, user.RequestId));
        }
        return rows;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Value(string Name, object? Original, object? Current, bool IsModified);

    /// <summary>Scalar properties, and the parts of complex properties (Money) as "Name.Part".</summary>
    private static IEnumerable<Value> Values(EntityEntry entry)
    {
        foreach (var property in entry.Properties.Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey()))
            yield return new Value(property.Metadata.Name, property.OriginalValue, property.CurrentValue, property.IsModified);
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
                yield return new Value($"{complex.Metadata.Name}.{property.Metadata.Name}", property.OriginalValue, property.CurrentValue, property.IsModified);
        }
    }
}
