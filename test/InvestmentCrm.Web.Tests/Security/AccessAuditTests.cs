using InvestmentCrm.Auditing;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Security;

/// <summary>Issue 16 (point 14): exports, attachment downloads and the audit administrator's own viewing and exporting are in the log.</summary>
public class AccessAuditTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Exports_downloads_and_the_auditors_own_reading_are_logged(string provider)
    {
        await using var factory = new CrmWebApplicationFactory(await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData),
            new Dictionary<string, string> { ["Attachments:Folder"] = Path.Combine(Path.GetTempPath(), "crm-audit-" + Guid.NewGuid().ToString("N")) });
        var head = await factory.SignInAsync("head");
        (await head.GetAsync("/api/v1/projects/export?stage=4")).EnsureSuccessStatusCode();

        var officer = await factory.SignInAsync("officer");
        Guid project, attachment;
        await using (var db = factory.Database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "华润中心").Select(p => p.Id).SingleAsync();
        await AttachmentUpload.PostAsync(officer, project, "签约合同.pdf", AttachmentUpload.Pdf);
        await using (var db = factory.Database.CreateContext())
            attachment = await db.Attachments.Select(a => a.Id).SingleAsync();
        (await officer.GetAsync($"/attachments/{attachment}")).EnsureSuccessStatusCode();

        var auditor = await factory.SignInAsync("auditor");
        (await auditor.GetAsync("/admin/audit?user=head")).EnsureSuccessStatusCode();
        (await auditor.GetAsync("/admin/security-log")).EnsureSuccessStatusCode();
        (await auditor.GetAsync("/admin/audit/export?user=head")).EnsureSuccessStatusCode();

        await using var check = factory.Database.CreateContext();
        var rows = await check.SecurityLogs.Where(l => l.Kind == SecurityEvent.DataExported || l.Kind == SecurityEvent.AttachmentDownloaded || l.Kind == SecurityEvent.LogViewed)
            .Select(l => new { l.Kind, l.UserName, l.Detail }).ToListAsync();
        rows.ShouldContain(r => r.Kind == SecurityEvent.DataExported && r.UserName == "head" && r.Detail!.Contains("/api/v1/projects/export?stage=4"));
        rows.ShouldContain(r => r.Kind == SecurityEvent.AttachmentDownloaded && r.UserName == "officer" && r.Detail!.Contains("签约合同.pdf"));
        rows.ShouldContain(r => r.Kind == SecurityEvent.LogViewed && r.UserName == "auditor" && r.Detail!.Contains("审计日志（用户：head"));
        rows.ShouldContain(r => r.Kind == SecurityEvent.LogViewed && r.UserName == "auditor" && r.Detail!.StartsWith("登录日志"));
        rows.ShouldContain(r => r.Kind == SecurityEvent.DataExported && r.UserName == "auditor" && r.Detail!.Contains("/admin/audit/export"));
    }
}
