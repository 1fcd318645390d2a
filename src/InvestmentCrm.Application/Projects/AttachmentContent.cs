using System.IO.Compression;
using System.Text;
using InvestmentCrm.Common;

namespace InvestmentCrm.Projects;

/// <summary>
/// What an uploaded file must look like inside, beyond its first bytes (docs/security.md, "Uploads"): a PDF ends with its
/// end-of-file marker, a PNG with IEND, a JPEG with its end marker; none carries an executable (a PDF/exe polyglot starts
/// like a PDF); an Office file is a zip opened with limits on entry count and uncompressed size (a zip bomb is refused
/// before it is inflated), holds its own parts and no program or macro.
/// </summary>
public static class AttachmentContent
{
    public const int MaxZipEntries = 1000;
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    private static readonly string[] ProgramExtensions =
        [".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".js", ".jse", ".wsf", ".hta", ".jar", ".sh", ".elf", ".bin"];

    /// <summary>Markers of an executable anywhere in a file: the DOS stub every Windows program carries, and ELF's header.</summary>
    private static readonly byte[][] ExecutableMarkers =
    [
        "This program cannot be run in DOS mode"u8.ToArray(),
        "This program must be run under Win32"u8.ToArray(),
        [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01],
        [0x7F, 0x45, 0x4C, 0x46, 0x01, 0x01, 0x01],
    ];

    /// <summary>Why the file is refused, or null when its content is what its extension says.</summary>
    public static string? Problem(string extension, byte[] bytes)
    {
        if (ExecutableMarkers.Any(marker => bytes.AsSpan().IndexOf(marker) >= 0))
            return "文件中夹带可执行程序，未保存。";
        return extension.ToLowerInvariant() switch
        {
            ".pdf" => Tail(bytes, 1024).IndexOf("%%EOF"u8) >= 0 ? null : "PDF 文件不完整（缺少文件结束标记），未保存。",
            ".png" => Tail(bytes, 12).IndexOf("IEND"u8) >= 0 ? null : "PNG 图片不完整，未保存。",
            ".jpg" or ".jpeg" => Tail(bytes, 64).IndexOf([(byte)0xFF, (byte)0xD9]) >= 0 ? null : "JPEG 图片不完整，未保存。",
            ".docx" => OfficeProblem(bytes, "word/document.xml"),
            ".xlsx" => OfficeProblem(bytes, "xl/workbook.xml"),
            _ => null,
        };
    }

    private static ReadOnlySpan<byte> Tail(byte[] bytes, int length) => bytes.AsSpan(Math.Max(0, bytes.Length - length));

    private static string? OfficeProblem(byte[] bytes, string mainPart)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries)
                return $"Office 文件包含的部件过多（{zip.Entries.Count} 个，上限 {MaxZipEntries}），未保存。";
            if (zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
                return $"Office 文件解压后过大（超过 {MaxUncompressedBytes / 1024 / 1024} MB），未保存。";
            if (zip.Entries.FirstOrDefault(e => ProgramExtensions.Contains(Path.GetExtension(e.FullName), StringComparer.OrdinalIgnoreCase)
                    || e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)) is { } program)
                return $"Office 文件中夹带程序或宏（{program.FullName}），未保存。";
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry(mainPart) is null)
                return "Office 文件结构不完整，未保存。";
            // The sizes in the directory can lie: inflate with a budget, never more than the limit.
            var budget = MaxUncompressedBytes;
            var chunk = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    budget -= read;
                    if (budget < 0)
                        return $"Office 文件解压后过大（超过 {MaxUncompressedBytes / 1024 / 1024} MB），未保存。";
                    if (chunk.AsSpan(0, read).IndexOf(ExecutableMarkers[0]) >= 0)
                        return "文件中夹带可执行程序，未保存。";
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return "Office 文件已损坏，无法打开，未保存。";
        }
    }
}
