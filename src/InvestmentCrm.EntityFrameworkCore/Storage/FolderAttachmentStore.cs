using InvestmentCrm.Projects;

namespace InvestmentCrm.EntityFrameworkCore.Storage;

/// <summary>Attachments in a folder (shared between nodes, like the key folder). Names are generated, never user input.</summary>
public sealed class FolderAttachmentStore(string folder) : IAttachmentStore
{
    public async Task SaveAsync(string storedName, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        await using var file = new FileStream(PathOf(storedName), FileMode.CreateNew, FileAccess.Write);
        await content.CopyToAsync(file, ct);
    }

    public Stream? Open(string storedName) => File.Exists(PathOf(storedName)) ? File.OpenRead(PathOf(storedName)) : null;

    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    /// <summary>Stored names are 32 hex characters plus an extension; anything else is refused outright.</summary>
    private string PathOf(string storedName) =>
        storedName.Length <= 40 && storedName.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') && !storedName.StartsWith('.')
            ? Path.Combine(folder, storedName)
            : throw new ArgumentException("无效的附件存储名。", nameof(storedName));
}
