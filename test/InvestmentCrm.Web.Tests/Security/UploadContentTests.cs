using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Issue 16 (point 9): uploads are checked inside — a polyglot, a zip bomb and a program in an Office file are refused; a real file passes.</summary>
public class UploadContentTests
{
    private static byte[] Docx(Action<ZipArchive>? extra = null)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                writer.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
                writer.Write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            extra?.Invoke(zip);
        }
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string?> Files()
    {
        var exe = "MZ"u8.ToArray().Concat(new byte[58]).Concat("This program cannot be run in DOS mode.\r\n"u8.ToArray()).ToArray();
        return new()
        {
            { "合同.docx", Docx(), null },
            { "合同.pdf", AttachmentUpload.Pdf, null },
            // A PDF header in front of a Windows program, the PDF end marker behind it.
            { "伪装合同.pdf", [.. "%PDF-1.4\n"u8.ToArray(), .. exe, .. "\n%%EOF\n"u8.ToArray()], "夹带可执行程序" },
            { "截断.pdf", "%PDF-1.4\n1 0 obj << >> endobj\n"u8.ToArray(), "PDF 文件不完整" },
            // 150 MB of zeros inflate from a few hundred kilobytes.
            { "炸弹.docx", Docx(zip =>
                {
                    using var stream = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
                    var zeros = new byte[1024 * 1024];
                    for (var i = 0; i < 150; i++)
                        stream.Write(zeros);
                }), "解压后过大" },
            { "带程序.docx", Docx(zip => { using var s = zip.CreateEntry("word/embeddings/setup.exe").Open(); s.Write(exe); }), "夹带程序或宏" },
            { "宏.docx", Docx(zip => { using var s = zip.CreateEntry("word/vbaProject.bin").Open(); s.Write([1, 2, 3]); }), "夹带程序或宏" },
            { "坏.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8], "已损坏" },
        };
    }

    [Theory, MemberData(nameof(Files))]
    public async Task Uploads_are_checked_inside_not_only_by_their_first_bytes(string fileName, byte[] bytes, string? refusal)
    {
        await using var factory = new CrmWebApplicationFactory(await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.DemoData),
            new Dictionary<string, string> { ["Attachments:Folder"] = Path.Combine(Path.GetTempPath(), "crm-upload-" + Guid.NewGuid().ToString("N")) });
        var officer = await factory.SignInAsync("officer");
        Guid project;
        await using (var db = factory.Database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "华润中心").Select(p => p.Id).SingleAsync();

        var response = await AttachmentUpload.PostAsync(officer, project, fileName, bytes);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync(response.Headers.Location!.OriginalString));
        await using var check = factory.Database.CreateContext();
        if (refusal is null)
            (await check.Attachments.CountAsync()).ShouldBe(1);
        else
        {
            page.QuerySelector("[data-testid=attachment-error]")!.TextContent.ShouldContain(refusal);
            (await check.Attachments.CountAsync()).ShouldBe(0);
        }
    }
}
