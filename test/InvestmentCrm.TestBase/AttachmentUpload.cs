using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using InvestmentCrm.Projects;

namespace InvestmentCrm.TestBase;

/// <summary>Uploads a file through the project page's attachment form (its antiforgery token included), and small valid files to upload.</summary>
public static class AttachmentUpload
{
    /// <summary>A minimal PDF: header, a body, the end-of-file marker.</summary>
    public static readonly byte[] Pdf = [.. "%PDF-1.4\n% 南关区 测试合同扫描件\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray()];

    /// <summary>A PNG signature, a header chunk and the closing IEND chunk.</summary>
    public static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE,
        0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid project, string fileName, byte[] bytes)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/projects/{project}"));
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(nameof(AttachmentCategory.Contract)), "category" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await client.PostAsync($"/projects/{project}/attachments", content);
    }
}
