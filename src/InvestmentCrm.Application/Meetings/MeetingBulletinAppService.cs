using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Meetings;

/// <summary>A 快报 file to download: its bytes, name and whether it is the copy as sent or a draft from today's records.</summary>
public sealed record BulletinFile(byte[] Content, string FileName, bool Sent);

/// <summary>
/// The 快报 of a meeting (docs/figures.md, "调度会"). Until it is sent it is a draft built from the records as of the meeting
/// date, by the dispatch office, whose scope is the district's. Sending records the recipients and keeps both documents as
/// they were sent (<see cref="MeetingBulletin"/>): later downloads return those bytes, whatever the records say since.
/// </summary>
public sealed class MeetingBulletinAppService(ICrmDbContext db, DataScope scope, MeetingAppService meetings, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Who the 快报 goes to by default: the 领导小组 — the district's leaders and 包保领导.</summary>
    public async Task<string> DefaultRecipientsAsync(CancellationToken ct = default)
    {
        var names = await Organization.UserQueries.UsersHolding(db, Organization.Roles.ProjectLeaders).OrderBy(u => u.DisplayName).Select(u => u.DisplayName ?? u.UserName).ToListAsync(ct);
        return names.Count == 0 ? "" : "区“项目建设年”领导小组成员：" + string.Join("、", names);
    }

    /// <summary>The .docx or .xlsx of a meeting's 快报 (null: no such meeting).</summary>
    public async Task<BulletinFile?> FileAsync(Guid meetingId, BulletinFormat format, CancellationToken ct = default)
    {
        var sent = await db.MeetingBulletins.AsNoTracking().Where(b => b.DispatchMeetingId == meetingId)
            .Select(b => new { Content = format == BulletinFormat.Document ? b.Document : b.Workbook }).FirstOrDefaultAsync(ct);
        var meeting = await db.DispatchMeetings.AsNoTracking().IgnoreAutoIncludes().Where(m => m.Id == meetingId)
            .Select(m => new { m.Title, m.Date }).FirstOrDefaultAsync(ct);
        if (meeting is null)
            return null;
        var name = $"{meeting.Title}快报{(sent is null ? "（草稿）" : "")}_{meeting.Date:yyyyMMdd}{(format == BulletinFormat.Document ? ".docx" : ".xlsx")}";
        if (sent is not null)
            return new BulletinFile(sent.Content, name, true);
        var content = await ContentAsync(meetingId, null, clock.Today(), draft: true, ct);
        return content is null ? null : new BulletinFile(format == BulletinFormat.Document
            ? MeetingBulletinDocuments.Document(content) : await MeetingBulletinDocuments.WorkbookAsync(content, ct), name, false);
    }

    /// <summary>快报已发: both documents are made from the records now, recorded as sent to the recipients today, and kept.</summary>
    public async Task<bool> SendAsync(Guid meetingId, string? recipients, CancellationToken ct = default)
    {
        var today = clock.Today();
        var content = await ContentAsync(meetingId, recipients?.Trim(), today, draft: false, ct);
        if (content is null)
            return false;
        var meeting = await db.DispatchMeetings.FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.ConcurrencyStamp != content.Meeting.ConcurrencyStamp)
            throw new DomainException("会议记录刚被修改，请刷新后重新发送快报。");
        var bulletin = meeting.SendBulletin(recipients ?? "", today, MeetingBulletinDocuments.Document(content), await MeetingBulletinDocuments.WorkbookAsync(content, ct));
        db.MeetingBulletins.Add(bulletin);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<BulletinContent?> ContentAsync(Guid meetingId, string? recipients, DateOnly issuedOn, bool draft, CancellationToken ct)
    {
        // The summary figures are the district's: only a reader who sees everything (the dispatch office) makes a 快报.
        if (!(await scope.GetRulesAsync(ct)).All)
            throw new UnauthorizedAccessException("快报由调度办按全区数据生成，您的数据范围不是全区。");
        var meeting = await meetings.GetAsync(meetingId, ct);
        if (meeting is null)
            return null;
        var summary = await meetings.SummaryAsync(meeting.Date, ct);
        var district = await db.Departments.Where(d => d.ParentId == null).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var issuer = currentUser.UserId is { } me
            ? await db.Users.Where(u => u.Id == me).Select(u => db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault()).FirstOrDefaultAsync(ct)
            : null;
        var year = meeting.Date.Year;
        var number = await db.DispatchMeetings.CountAsync(m => m.BulletinSentOn != null && m.Date.Year == year && m.Id != meetingId, ct) + 1;
        return new BulletinContent(meeting, summary, district.Replace("人民政府", ""), issuer ?? "调度办", number, issuedOn, recipients, draft);
    }
}

public enum BulletinFormat
{
    [System.ComponentModel.DataAnnotations.Display(Name = "快报（Word）")]
    Document = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "三项清单（Excel）")]
    Workbook = 2,
}
