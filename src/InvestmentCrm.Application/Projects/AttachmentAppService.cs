using System.Security.Cryptography;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

/// <summary>Where attachment bytes live (a folder today; an S3-compatible store later, docs/architecture.md).</summary>
public interface IAttachmentStore
{
    Task SaveAsync(string storedName, Stream content, CancellationToken ct);
    Stream? Open(string storedName);
    void Delete(string storedName);
}

/// <summary>The <c>Attachments</c> settings: size limit and accepted types.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
    public string? Folder { get; set; }
}

public sealed record AttachmentDto(Guid Id, string FileName, AttachmentCategory Category, long SizeBytes, DateTime UploadedAt, Guid? ProjectIssueId = null);

/// <summary>
/// Project attachments: size and type limits (checked on the bytes, not only the name), stored under a
/// generated name, read back only for a project in the caller's data scope.
/// </summary>
public sealed class AttachmentAppService(ICrmDbContext db, DataScope scope, IAttachmentStore store, AttachmentOptions options)
{
    /// <summary>Accepted extensions and the bytes their files start with.</summary>
    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
    };

    public static string AcceptedTypes => string.Join("、", Types.Keys);

    public async Task<IReadOnlyList<AttachmentDto>?> ListAsync(Guid projectId, CancellationToken ct = default)
    {
        if (!await (await scope.ProjectsAsync(ct)).AnyAsync(p => p.Id == projectId, ct))
            return null;
        var rows = await db.Attachments.Where(a => a.ProjectId == projectId).OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        return rows.Select(a => new AttachmentDto(a.Id, a.FileName, a.Category, a.SizeBytes, a.CreatedAt, a.ProjectIssueId)).ToList();
    }

    /// <summary>The materials of a problem the reader may see (null when not), newest first.</summary>
    public async Task<IReadOnlyList<AttachmentDto>?> ListForIssueAsync(Guid issueId, CancellationToken ct = default)
    {
        await scope.GetRulesAsync(ct);
        if (!await db.ProjectIssues.AnyAsync(i => i.Id == issueId, ct))
            return null;
        var rows = await db.Attachments.Where(a => a.ProjectIssueId == issueId).OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        return rows.Select(a => new AttachmentDto(a.Id, a.FileName, a.Category, a.SizeBytes, a.CreatedAt, a.ProjectIssueId)).ToList();
    }

    /// <summary>Stores a file for a project in scope (null when not in scope); refuses what is too large or not an accepted type.</summary>
    public async Task<Guid?> UploadAsync(Guid projectId, AttachmentCategory category, string fileName, long length, Stream content,
        Guid? projectIssueId = null, CancellationToken ct = default)
    {
        if (!await (await scope.ProjectsAsync(ct)).AnyAsync(p => p.Id == projectId, ct))
            return null;
        if (projectIssueId is { } issue && !await db.ProjectIssues.AnyAsync(i => i.Id == issue && i.ProjectId == projectId, ct))
            throw new NotFoundException("问题不存在或您无权查看。");
        if (length <= 0)
            throw new DomainException("附件是空文件。");
        if (length > options.MaxBytes)
            throw new DomainException($"附件不能超过 {options.MaxBytes / 1024 / 1024} MB（当前 {length / 1024.0 / 1024.0:0.#} MB）。");
        var extension = Path.GetExtension(fileName ?? "");
        if (!Types.TryGetValue(extension, out var type))
            throw new DomainException($"不支持的附件类型“{extension}”。可上传：{AcceptedTypes}。");

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.LongLength > options.MaxBytes)
            throw new DomainException($"附件不能超过 {options.MaxBytes / 1024 / 1024} MB。");
        if (!type.Signatures.Any(signature => bytes.AsSpan().StartsWith(signature)))
            throw new DomainException($"文件内容与扩展名“{extension}”不符，未保存。");
        if (AttachmentContent.Problem(extension, bytes) is { } problem)
            throw new DomainException(problem);

        var storedName = Guid.NewGuid().ToString("N") + extension.ToLowerInvariant();
        var attachment = new Attachment(projectId, category, fileName!, type.ContentType, bytes.LongLength, storedName, Convert.ToHexStringLower(SHA256.HashData(bytes)), projectIssueId);
        await store.SaveAsync(storedName, new MemoryStream(bytes), ct);
        try
        {
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(storedName); // no orphan file when the record could not be saved
            throw;
        }
        return attachment.Id;
    }

    /// <summary>The file of an attachment whose project is in scope; null otherwise (as if it did not exist).</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenAsync(Guid attachmentId, CancellationToken ct = default)
    {
        // The data scope is the query filter's: the project's readers, and for a problem's materials the unit it is routed to.
        await scope.GetRulesAsync(ct);
        var attachment = await db.Attachments.Where(a => a.Id == attachmentId).FirstOrDefaultAsync(ct);
        if (attachment is null || store.Open(attachment.StoredName) is not { } content)
            return null;
        return (content, attachment.FileName, attachment.ContentType);
    }
}
