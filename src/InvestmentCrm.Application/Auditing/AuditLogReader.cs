using System.Globalization;
using System.Reflection;
using System.Text.Json;
using InvestmentCrm.Common;
using InvestmentCrm.Organization;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Auditing;

/// <summary>
/// Turns stored audit rows (UTC, user id, type name, JSON of field → [old, new] in stored form) into what the audit
/// administrator reads: Beijing time, names instead of ids, Chinese field names and values (<see cref="AuditVocabulary"/>).
/// The stored row stays exactly as written; only its reading is translated.
/// </summary>
public sealed class AuditLogReader(ICrmDbContext db, TimeProvider clock)
{
    private static readonly string? SystemUserName = new SystemUser().UserName;
    private static readonly Assembly[] RecordAssemblies = [typeof(Projects.Project).Assembly, typeof(AppUser).Assembly];

    public async Task<List<AuditLogDto>> ReadAsync(IReadOnlyCollection<AuditLog> rows, CancellationToken ct = default)
    {
        var parsed = rows.Select(r => (Row: r, Changes: Parse(r.Changes))).ToList();
        var names = await NamesAsync(parsed, ct);
        return parsed.Select(p =>
            {
                var (row, changes) = p;
                var who = row.UserId is { } id && names.TryGetValue((AuditReference.User, id), out var person) ? person
                    : row.UserId is null && (row.UserName is null || row.UserName == SystemUserName) ? "系统" : row.UserName!;
                // The key is the row's own record (EntityId): not repeated as a change; a new record lists what it was given.
                var described = changes.Where(c => c.Field != "Id" && (row.Action != AuditAction.Created || c.New.ValueKind != JsonValueKind.Null))
                    .Select(c => new AuditChangeDto(
                        AuditVocabulary.FieldLabel(row.EntityType, c.Field) ?? c.Field,
                        Value(row.EntityType, c.Field, c.Old, names),
                        Value(row.EntityType, c.Field, c.New, names)))
                    .ToList();
                return new AuditLogDto(clock.ToBusinessTime(row.At), who, row.UserName == SystemUserName ? null : row.UserName, row.EntityType, AuditVocabulary.EntityLabel(row.EntityType),
                    row.EntityId, RecordName(row, changes, names), row.Action, described, row.IpAddress, row.RequestId);
            })
            .ToList();
    }

    /// <summary>One change as a sentence: 阶段：在谈 → 签约.</summary>
    public static string Describe(AuditChangeDto change) => change switch
    {
        { Old: not null, New: not null } => $"{change.Field}：{change.Old} → {change.New}",
        _ => $"{change.Field}：{change.New ?? change.Old ?? "（空）"}",
    };

    private sealed record Change(string Field, JsonElement Old, JsonElement New);

    private static List<Change> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => new Change(p.Name, p.Value[0].Clone(), p.Value[1].Clone()))
            .ToList();
    }

    /// <summary>The record itself by name where it has one (project, company, department, person, role), else its project's name.</summary>
    private static string RecordName(AuditLog row, List<Change> changes, Dictionary<(AuditReference, Guid), string> names)
    {
        var kind = row.EntityType switch
        {
            "Project" => AuditReference.Project,
            "Company" => AuditReference.Company,
            "Department" => AuditReference.Department,
            "AppUser" => AuditReference.User,
            "AppRole" => AuditReference.Role,
            _ => AuditReference.None,
        };
        if (kind != AuditReference.None && Guid.TryParse(row.EntityId, out var id) && names.TryGetValue((kind, id), out var name))
            return name;
        var project = changes.FirstOrDefault(c => c.Field == "ProjectId");
        if (project is not null && IdOf(project.New.ValueKind == JsonValueKind.Null ? project.Old : project.New) is { } projectId
            && names.TryGetValue((AuditReference.Project, projectId), out var projectName))
            return $"{projectName}";
        return row.EntityId.Length > 8 ? $"编号 {row.EntityId[..8]}…" : $"编号 {row.EntityId}";
    }

    private static Guid? IdOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) ? id : null;

    /// <summary>Looks up, in one query per kind, every person, department, company, project and role the rows name.</summary>
    private async Task<Dictionary<(AuditReference, Guid), string>> NamesAsync(List<(AuditLog Row, List<Change> Changes)> rows, CancellationToken ct)
    {
        var wanted = new HashSet<(AuditReference Kind, Guid Id)>();
        foreach (var (row, changes) in rows)
        {
            if (row.UserId is { } user)
                wanted.Add((AuditReference.User, user));
            if (Guid.TryParse(row.EntityId, out var recordId))
                foreach (var kind in new[] { AuditReference.Project, AuditReference.Company, AuditReference.Department, AuditReference.User, AuditReference.Role })
                    wanted.Add((kind, recordId));
            foreach (var change in changes)
                if (AuditVocabulary.ReferenceOf(change.Field) is var reference and not AuditReference.None)
                    foreach (var id in new[] { IdOf(change.Old), IdOf(change.New) }.OfType<Guid>())
                        wanted.Add((reference, id));
        }
        List<Guid> Ids(AuditReference kind) => wanted.Where(w => w.Kind == kind).Select(w => w.Id).ToList();

        var names = new Dictionary<(AuditReference, Guid), string>();
        void Add(AuditReference kind, IEnumerable<(Guid Id, string Name)> found)
        {
            foreach (var (id, name) in found)
                names[(kind, id)] = name;
        }
        var users = Ids(AuditReference.User);
        Add(AuditReference.User, (await db.Users.Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)));
        var departments = Ids(AuditReference.Department);
        Add(AuditReference.Department, (await db.Departments.Where(d => departments.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)));
        var campaigns = Ids(AuditReference.Campaign);
        Add(AuditReference.Campaign, (await db.Campaigns.Where(c => campaigns.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)));
        var ruleSets = Ids(AuditReference.RuleSet);
        Add(AuditReference.RuleSet, (await db.AppraisalRuleSets.Where(r => ruleSets.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.Version }).ToListAsync(ct))
            .Select(r => (r.Id, $"{r.Name}（第 {r.Version} 版）")));
        var roles = Ids(AuditReference.Role);
        Add(AuditReference.Role, (await db.Roles.Where(r => roles.Contains(r.Id)).Select(r => new { r.Id, r.DisplayName }).ToListAsync(ct)).Select(r => (r.Id, r.DisplayName)));
        // Unscoped, deleted included: the log names what it recorded; the audit administrator reads no business data beyond these names.
        var projects = Ids(AuditReference.Project);
        Add(AuditReference.Project, (await db.Unscoped.ProjectsEverRecorded.Where(p => projects.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)));
        var companies = Ids(AuditReference.Company);
        Add(AuditReference.Company, (await db.Unscoped.CompaniesEverRecorded.Where(c => companies.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)));
        return names;
    }

    /// <summary>A stored value as the forms show it.</summary>
    private string? Value(string entityType, string field, JsonElement value, Dictionary<(AuditReference, Guid), string> names)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return null;
        if (AuditVocabulary.ReferenceOf(field) is var reference and not AuditReference.None && IdOf(value) is { } id)
            return names.GetValueOrDefault((reference, id)) ?? "（已不存在的记录）";
        var type = PropertyType(entityType, field);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return "是";
            case JsonValueKind.False:
                return "否";
            case JsonValueKind.Number when type is { IsEnum: true } && value.TryGetInt64(out var number):
                return Enum.IsDefined(type, Enum.ToObject(type, number)) ? EnumLabels.Label((Enum)Enum.ToObject(type, number)) : number.ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.Number:
                return value.GetDecimal().ToString("#,0.######", CultureInfo.InvariantCulture);
            case JsonValueKind.String when (type == typeof(DateTime) || type == typeof(DateTimeOffset)) && value.TryGetDateTimeOffset(out var at):
                return clock.ToBusinessTime(at.UtcDateTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case JsonValueKind.String when IdOf(value) is { } other:
                // An id the vocabulary does not name (a run, an item, an activity): short, for matching rows by eye.
                return $"编号 {other.ToString()[..8]}…";
            case JsonValueKind.String when field.EndsWith("Currency", StringComparison.Ordinal):
                return Currencies.NameOf(value.GetString() ?? "");
            case JsonValueKind.String:
                return value.GetString();
            default:
                return value.ToString();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), Type?> Types = new();

    /// <summary>The CLR type of a stored field ("Amount.Amount" for a part of a complex property), or null if unknown.</summary>
    private static Type? PropertyType(string entityType, string field) => Types.GetOrAdd((entityType, field), key => FindPropertyType(key.Item1, key.Item2));

    private static Type? FindPropertyType(string entityType, string field)
    {
        var type = RecordAssemblies.SelectMany(a => a.GetTypes()).FirstOrDefault(t => t.Name == entityType && t is { IsClass: true });
        foreach (var part in field.Split('.'))
            type = type?.GetProperty(part, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.PropertyType;
        return type;
    }
}
