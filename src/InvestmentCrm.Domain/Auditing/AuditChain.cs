using System.Security.Cryptography;
using System.Text;

namespace InvestmentCrm.Auditing;

/// <summary>
/// The hash chain over the audit and login logs on SQLite (docs/security.md): each row's hash covers its content, its
/// place in the chain and the previous row's hash, so a row changed or removed with a database tool breaks the chain from
/// there on — unless every later hash is recomputed too; the chain head the verify-audit verb prints is what an operator
/// records elsewhere to catch that.
/// </summary>
public static class AuditChain
{
    public static string Link(string? previousHash, long index, string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previousHash}\u001E{index}\u001E{content}")));

    public static string ContentOf(AuditLog row) =>
        string.Join('\u001F', row.Id, row.At.Ticks, row.UserId, row.UserName, row.EntityType, row.EntityId, (int)row.Action, row.Changes, row.IpAddress, row.RequestId);

    public static string ContentOf(SecurityLog row) =>
        string.Join('\u001F', row.Id, row.At.Ticks, (int)row.Kind, row.UserId, row.UserName, row.Detail, row.IpAddress, row.RequestId);
}
