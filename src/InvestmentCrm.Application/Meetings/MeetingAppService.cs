using InvestmentCrm.Organization;
using DataScope = InvestmentCrm.Authorization.DataScope;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Meetings;

/// <summary>序时进度清单: a milestone against its plan as of the meeting (positive days: ahead; negative: behind).</summary>
public sealed record MilestoneLineDto(string Title, DispatchPhase Phase, DateOnly PlannedDate, DateOnly? ActualDate, int? DaysLeft);

/// <summary>投资目标清单: the year's plan and what was completed by the meeting's month.</summary>
public sealed record InvestmentLineDto(int Year, decimal? PlannedYuan, decimal CompletedYuan, decimal? OfPlanPercent, decimal? AgainstSchedulePoints);

/// <summary>项目问题清单: a problem open on the meeting's date.</summary>
public sealed record IssueLineDto(Guid Id, string Title, IssueCategory Category, string Department, int AgeDays, DateOnly DueOn, bool Overdue);

/// <summary>三项清单 of one project as of a date.</summary>
public sealed record ThreeListsDto(IReadOnlyList<MilestoneLineDto> Milestones, InvestmentLineDto Investment, IReadOnlyList<IssueLineDto> Issues);

/// <summary>
/// The 调度会 (docs/domain.md, "调度会"): the monthly meeting prepared from the records — its agenda by
/// <see cref="AgendaRules"/> as of the meeting's date, and each item's 三项清单 — in the reader's scope.
/// </summary>
public sealed record MeetingItemDto(Guid Id, int Position, Guid ProjectId, string ProjectName, string? Reporter, IReadOnlyList<string> Reasons, string? Minutes,
    IReadOnlyList<MeetingDecisionDto> Decisions, ThreeListsDto Lists);

public sealed record MeetingDecisionDto(Guid Id, string Text, string? ResponsibleDepartment, DateOnly? DueOn, Guid? ProjectIssueId);

public sealed record MeetingDto(Guid Id, MeetingKind Kind, string Title, DateOnly Date, string? Place, string? Attendees, MeetingStatus Status,
    DateOnly? BulletinSentOn, string? BulletinRecipients, Guid ConcurrencyStamp, IReadOnlyList<MeetingItemDto> Items,
    Guid? ChairId = null, string? Chair = null, IReadOnlyList<Guid>? LinkedIssueIds = null, IReadOnlyList<DecisionFollowUpDto>? PreviousDecisions = null,
    IReadOnlyList<MeetingAttendeeDto>? AttendeeUsers = null)
{
    /// <summary>参会人员 as one line: the users by name, then the others as typed.</summary>
    public string? AttendeesLine => string.Join("；", new[] { AttendeeUsers is { Count: > 0 } users ? string.Join("、", users.Select(u => u.Name)) : null, Attendees }
        .Where(part => part is not null)) is { Length: > 0 } line ? line : null;
}

public sealed record MeetingAttendeeDto(Guid UserId, string Name);

/// <summary>
/// What became of a decision of the previous meeting of the same kind, as of this meeting's date: the problem it opened
/// solved or not (and overdue), or — for a task — its due date passed or not.
/// </summary>
public sealed record DecisionFollowUpDto(string ProjectName, string Text, string? ResponsibleDepartment, DateOnly? DueOn, Guid? ProjectIssueId,
    bool? Solved, bool Overdue)
{
    /// <summary>落实情况 as the page and the 快报 say it.</summary>
    public string Outcome => Solved switch
    {
        true => "已解决",
        false => Overdue ? "未解决（逾期）" : "办理中",
        null => Overdue ? "已过完成时限" : "按期推进",
    };
}

/// <summary>What a meeting is (the 筹备 form): name, date, place, chair and attendees (users, and outside units as text).</summary>
public sealed record MeetingDetailsInput(string? Title, DateOnly? Date, string? Place, Guid? ChairId, string? Attendees, IReadOnlyList<Guid>? AttendeeUserIds = null);

/// <summary>
/// The 快报's summary figures as of a date, district-wide (docs/figures.md, "调度会"): the 项目盘子's 开复工 and 投资完成, and
/// the problems open on the date (of them overdue) and solved in the year by then.
/// </summary>
public sealed record MeetingSummaryDto(DateOnly AsOf, int KeyProjects, int Started, decimal? StartRatePercent, decimal PlannedYearYuan, decimal CompletedYearYuan,
    decimal? CompletedOfPlanPercent, int OpenIssues, int OverdueIssues, int SolvedIssues);

/// <summary>A decision on an agenda item; with a category it opens a 项目问题 routed to the responsible unit, due by the date.</summary>
public sealed record MeetingDecisionInput(string? Text, Guid? ResponsibleDepartmentId, DateOnly? DueOn, IssueCategory? OpensIssueOf = null);

public sealed class MeetingAppService(ICrmDbContext db, DataScope scope, ProjectPoolAppService pool, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<MeetingDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var meeting = await db.DispatchMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return null;
        var items = meeting.Items;
        var projectIds = items.Select(i => i.ProjectId).ToList();
        // Unscoped: a meeting is the district's; its attendees see every item it takes up, by name.
        var names = await db.Unscoped.Projects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var userIds = items.Select(i => i.ReporterUserId).Append(meeting.ChairId).OfType<Guid>().Concat(meeting.AttendeeUsers.Select(a => a.UserId)).ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? "—", ct);
        var departmentIds = items.Select(i => i.ReporterDepartmentId).Concat(items.SelectMany(i => i.Decisions).Select(d => d.ResponsibleDepartmentId)).OfType<Guid>().Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        // A meeting is the district's: its attendees read every item's 三项清单, whatever their own data scope.
        var lists = await ListsAsync(projectIds, meeting.Date, districtWide: true, ct);
        var previous = await FollowUpsAsync(meeting, ct);
        return new MeetingDto(meeting.Id, meeting.Kind, meeting.Title, meeting.Date, meeting.Place, meeting.Attendees, meeting.Status,
            meeting.BulletinSentOn, meeting.BulletinRecipients, meeting.ConcurrencyStamp,
            [.. items.Select(i => new MeetingItemDto(i.Id, i.Position, i.ProjectId, names.GetValueOrDefault(i.ProjectId, "—"),
                i.ReporterUserId is { } u ? users.GetValueOrDefault(u) : i.ReporterDepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
                AgendaRules.Labels(i.Reasons), i.Minutes,
                [.. i.Decisions.Select(x => new MeetingDecisionDto(x.Id, x.Text, x.ResponsibleDepartmentId is { } rd ? departments.GetValueOrDefault(rd) : null, x.DueOn, x.ProjectIssueId))],
                lists[i.ProjectId]))],
            meeting.ChairId, meeting.ChairId is { } chair ? users.GetValueOrDefault(chair) : null, [.. meeting.LinkedIssues.Select(l => l.ProjectIssueId)], previous,
            [.. meeting.AttendeeUsers.Select(a => new MeetingAttendeeDto(a.UserId, users.GetValueOrDefault(a.UserId, "—"))).OrderBy(a => a.Name, StringComparer.Ordinal)]);
    }

    /// <summary>The decisions of the previous meeting of the same kind and what became of them by this meeting's date.</summary>
    private async Task<IReadOnlyList<DecisionFollowUpDto>> FollowUpsAsync(DispatchMeeting meeting, CancellationToken ct)
    {
        var previous = await db.DispatchMeetings.AsNoTracking().Where(m => m.Kind == meeting.Kind && m.Date < meeting.Date)
            .OrderByDescending(m => m.Date).FirstOrDefaultAsync(ct);
        if (previous is null)
            return [];
        var decided = previous.Items.SelectMany(i => i.Decisions.Select(d => (i.ProjectId, Decision: d))).ToList();
        if (decided.Count == 0)
            return [];
        var projectIds = decided.Select(d => d.ProjectId).Distinct().ToList();
        var names = await db.Unscoped.Projects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var issueIds = decided.Select(d => d.Decision.ProjectIssueId).OfType<Guid>().ToList();
        var issues = await db.Unscoped.ProjectIssues.AsNoTracking().IgnoreAutoIncludes().Where(i => issueIds.Contains(i.Id))
            .Select(i => new { i.Id, i.SolvedOn, i.ConfirmedOn, i.ClosedOn, i.DueOn }).ToDictionaryAsync(i => i.Id, ct);
        var departmentIds = decided.Select(d => d.Decision.ResponsibleDepartmentId).OfType<Guid>().Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var date = meeting.Date;
        return [.. decided.Select(x =>
        {
            var d = x.Decision;
            bool? solved = null;
            var overdue = d.DueOn is { } due && ProjectIssue.IsPastDue(due, date);
            if (d.ProjectIssueId is { } issueId && issues.TryGetValue(issueId, out var issue))
            {
                solved = ProjectIssue.WasSolvedBy(issue.SolvedOn, issue.ConfirmedOn, issue.ClosedOn, date);
                overdue = solved == false && ProjectIssue.IsPastDue(issue.DueOn, date);
            }
            return new DecisionFollowUpDto(names.GetValueOrDefault(x.ProjectId, "—"), d.Text,
                d.ResponsibleDepartmentId is { } unit ? departments.GetValueOrDefault(unit) : null, d.DueOn, d.ProjectIssueId, solved, overdue);
        })];
    }

    /// <summary>The 快报's summary figures as of <paramref name="date"/>, district-wide (the dispatch office's reading, <see cref="MeetingBulletinAppService"/>).</summary>
    public async Task<MeetingSummaryDto> SummaryAsync(DateOnly date, CancellationToken ct = default)
    {
        var figures = await pool.GetAsync(date.Year, date, PoolSelection.All, 1, 1, ct);
        var open = await OpenIssuesAsync(null, date, true, ct);
        var yearStart = new DateOnly(date.Year, 1, 1);
        var solved = await db.Unscoped.ProjectIssues.CountAsync(i => i.SolvedOn >= yearStart && i.SolvedOn <= date, ct);
        return new MeetingSummaryDto(date, figures.KeyProjects, figures.Started, figures.StartRatePercent, figures.PlannedYearYuan, figures.CompletedYearYuan,
            figures.PlannedYearYuan == 0 ? null : figures.CompletedYearYuan * 100m / figures.PlannedYearYuan, open.Count, open.Count(i => i.Overdue), solved);
    }

    /// <summary>Who may chair a meeting: the district's leaders and 包保领导.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ChairOptionsAsync(CancellationToken ct = default) =>
        [.. (await Organization.UserQueries.UsersHolding(db, Organization.Roles.ProjectLeaders).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.UserName ?? "—" }).ToListAsync(ct)).Select(u => (u.Id, u.Name))];

    /// <summary>Who may be recorded as attending: every active person, by department.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> AttendeeOptionsAsync(CancellationToken ct = default) =>
        [.. (await db.People()
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.UserName ?? "—", Department = db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault() })
            .ToListAsync(ct)).OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).Select(u => (u.Id, $"{u.Name}（{u.Department}）"))];

    public sealed record IssueOptionDto(Guid Id, string ProjectName, string Title, DateOnly DueOn, bool Overdue);

    /// <summary>The open problems a 专题调度会 may be called for (in the reader's scope), the most overdue first.</summary>
    public async Task<IReadOnlyList<IssueOptionDto>> OpenIssueOptionsAsync(CancellationToken ct = default)
    {
        await scope.GetRulesAsync(ct);
        var today = clock.Today();
        var rows = await db.ProjectIssues.AsNoTracking().IgnoreAutoIncludes().Where(i => ProjectIssue.OpenStatuses.Contains(i.Status))
            .OrderBy(i => i.DueOn).Take(200)
            .Select(i => new { i.Id, i.ProjectId, i.Title, i.DueOn }).ToListAsync(ct);
        var projectIds = rows.Select(r => r.ProjectId).Distinct().ToList();
        var names = await db.Unscoped.Projects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. rows.Select(r => new IssueOptionDto(r.Id, names.GetValueOrDefault(r.ProjectId, "—"), r.Title, r.DueOn, ProjectIssue.IsPastDue(r.DueOn, today)))];
    }

    /// <summary>The attending users chosen (null: unchanged), each an active user.</summary>
    private async Task<List<Guid>?> AttendeesAsync(MeetingDetailsInput input, CancellationToken ct)
    {
        var attendees = input.AttendeeUserIds?.Distinct().ToList();
        if (attendees is { Count: > 0 } && await db.People().CountAsync(u => attendees.Contains(u.Id), ct) != attendees.Count)
            throw new DomainException("所选参会人员不存在或已停用。");
        return attendees;
    }

    /// <summary>Name, date, place, chair and attendees of a meeting (while it is open).</summary>
    public async Task<bool> DescribeAsync(Guid meetingId, MeetingDetailsInput input, CancellationToken ct = default)
    {
        if (input.ChairId is { } chair && !await db.Users.AnyAsync(u => u.Id == chair, ct))
            throw new DomainException("所选主持人不存在。");
        var attendees = await AttendeesAsync(input, ct);
        return await ChangeAsync(meetingId, m => m.Describe(input.Title ?? "", input.Date ?? throw new DomainException("请填写会议日期。"), input.Place, input.ChairId,
            input.Attendees, attendees), ct);
    }

    /// <summary>
    /// A 专题调度会 called for problems: each problem is linked and its project put on the agenda, reported like on any
    /// meeting (<see cref="AgendaRules.Reporter"/>).
    /// </summary>
    public async Task<Guid> CreateSpecialAsync(MeetingDetailsInput input, IReadOnlyCollection<Guid> issueIds, CancellationToken ct = default)
    {
        if (issueIds.Count == 0)
            throw new DomainException("专题调度会请至少选择一个项目问题。");
        var date = input.Date ?? throw new DomainException("请填写会议日期。");
        var meeting = new DispatchMeeting(MeetingKind.Special, input.Title ?? "", date, input.Place, input.ChairId);
        var attendees = await AttendeesAsync(input, ct);
        meeting.Describe(meeting.Title, date, input.Place, input.ChairId, input.Attendees, attendees);
        await scope.GetRulesAsync(ct);
        var issues = await db.ProjectIssues.AsNoTracking().IgnoreAutoIncludes().Where(i => issueIds.Contains(i.Id))
            .Select(i => new { i.Id, i.ProjectId }).ToListAsync(ct);
        if (issues.Count != issueIds.Distinct().Count())
            throw new NotFoundException("所选项目问题不存在或您无权查看。");
        var (_, keyRows) = await pool.RecordsAsync(date.Year, date, PoolSelection.All, ct);
        var projectIds = issues.Select(i => i.ProjectId).Distinct().ToList();
        var people = await db.Unscoped.Projects.Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ResponsibleLeaderId, p.LeadDepartmentId }).ToDictionaryAsync(p => p.Id, ct);
        foreach (var issue in issues)
        {
            var p = people[issue.ProjectId];
            var (user, department) = AgendaRules.Reporter(keyRows.Any(r => r.Id == p.Id), p.ResponsibleLeaderId, p.LeadDepartmentId);
            meeting.LinkIssue(issue.Id, issue.ProjectId, user, department);
        }
        db.DispatchMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public sealed record MeetingListItemDto(Guid Id, MeetingKind Kind, string Title, DateOnly Date, MeetingStatus Status, int Items);

    /// <summary>The meetings of a year, by date, and how many of each kind (the “40 余次” of docs/domain.md).</summary>
    public async Task<(IReadOnlyList<MeetingListItemDto> Meetings, IReadOnlyDictionary<MeetingKind, int> CountByKind)> ListAsync(int year, CancellationToken ct = default)
    {
        BusinessDates.EnsureYear(year);
        var meetings = await db.DispatchMeetings.AsNoTracking().IgnoreAutoIncludes()
            .Where(m => m.Date >= new DateOnly(year, 1, 1) && m.Date <= new DateOnly(year, 12, 31))
            .OrderBy(m => m.Date)
            .Select(m => new MeetingListItemDto(m.Id, m.Kind, m.Title, m.Date, m.Status, m.Items.Count))
            .ToListAsync(ct);
        return (meetings, Enum.GetValues<MeetingKind>().ToDictionary(k => k, k => meetings.Count(m => m.Kind == k)));
    }

    /// <summary>Runs a change on the meeting (false: no such meeting).</summary>
    private async Task<bool> ChangeAsync(Guid meetingId, Action<DispatchMeeting> change, CancellationToken ct)
    {
        var meeting = await db.DispatchMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return false;
        change(meeting);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<bool> MoveItemAsync(Guid meetingId, Guid itemId, int direction, CancellationToken ct = default) =>
        ChangeAsync(meetingId, m => m.MoveItem(itemId, direction), ct);

    public Task<bool> DropItemAsync(Guid meetingId, Guid itemId, CancellationToken ct = default) =>
        ChangeAsync(meetingId, m => m.DropItem(itemId), ct);

    public Task<bool> RecordMinutesAsync(Guid meetingId, Guid itemId, string? minutes, CancellationToken ct = default) =>
        ChangeAsync(meetingId, m => m.RecordMinutes(itemId, minutes), ct);

    public Task<bool> MarkHeldAsync(Guid meetingId, CancellationToken ct = default) =>
        ChangeAsync(meetingId, m => m.MarkHeld(clock.Today()), ct);

    /// <summary>Puts a project on the agenda by hand (调度办增列), reported like any other.</summary>
    public async Task<bool> AddItemAsync(Guid meetingId, Guid projectId, CancellationToken ct = default)
    {
        var meeting = await db.DispatchMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return false;
        var project = await (await scope.ProjectsAsync(ct)).Where(p => p.Id == projectId)
            .Select(p => new { p.ResponsibleLeaderId, p.LeadDepartmentId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("项目不存在或您无权查看。");
        var (_, keyRows) = await pool.RecordsAsync(meeting.Date.Year, meeting.Date, PoolSelection.All, ct);
        var (user, department) = AgendaRules.Reporter(keyRows.Any(r => r.Id == projectId), project.ResponsibleLeaderId, project.LeadDepartmentId);
        meeting.AddItem(projectId, user, department, AgendaReasons.AddedByHand);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A decision on an item; one that opens a problem raises it for the project, routed to the responsible unit.</summary>
    public async Task<Guid?> DecideAsync(Guid meetingId, Guid itemId, MeetingDecisionInput input, CancellationToken ct = default)
    {
        var meeting = await db.DispatchMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return null;
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("议题不存在。");
        if (input.ResponsibleDepartmentId is { } unit && !await db.Departments.AnyAsync(d => d.Id == unit && d.IsActive, ct))
            throw new DomainException("所选责任单位不存在或已停用。");
        Guid? issueId = null;
        if (input.OpensIssueOf is { } category)
        {
            if (currentUser.UserId is not { } me)
                throw new UnauthorizedAccessException("请先登录。");
            var rule = await db.IssueCategoryRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.Category == category, ct) ?? IssueCategoryRoute.Default(category);
            var phase = await db.Unscoped.Projects.Where(p => p.Id == item.ProjectId).Select(p => p.DispatchPhase).FirstOrDefaultAsync(ct);
            var issue = new ProjectIssue(item.ProjectId, input.Text ?? "", $"{meeting.Title}决定：{input.Text}", category, phase, IssueRaiserRole.DispatchOffice, false,
                meeting.Date, IssueRouting.Route(category, rule, input.ResponsibleDepartmentId, meeting.Date, input.DueOn), me, clock.UtcNow(), clock.Today());
            db.ProjectIssues.Add(issue);
            issueId = issue.Id;
        }
        var decision = meeting.Decide(itemId, input.Text ?? "", input.ResponsibleDepartmentId, input.DueOn, issueId);
        await db.SaveChangesAsync(ct);
        return decision.Id;
    }

    public const string ScheduleWeekKey = "Meetings.MonthlyWeek";
    public const string ScheduleWeekdayKey = "Meetings.MonthlyWeekday";
    public const string ScheduleWeeklyKey = "Meetings.WeeklyOn";

    /// <summary>The installation's meeting schedule (系统设置), <see cref="MeetingSchedule.Default"/> where not set.</summary>
    public async Task<MeetingSchedule> ScheduleAsync(CancellationToken ct = default)
    {
        var values = await db.SystemSettings.Where(s => s.Key == ScheduleWeekKey || s.Key == ScheduleWeekdayKey || s.Key == ScheduleWeeklyKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var week = values.TryGetValue(ScheduleWeekKey, out var w) && int.TryParse(w, out var wn) ? wn : MeetingSchedule.Default.Week;
        var weekday = values.TryGetValue(ScheduleWeekdayKey, out var d) && Enum.TryParse<DayOfWeek>(d, out var day) ? day : MeetingSchedule.Default.Weekday;
        DayOfWeek? weekly = values.TryGetValue(ScheduleWeeklyKey, out var o) && Enum.TryParse<DayOfWeek>(o, out var on) ? on : null;
        return new MeetingSchedule(week, weekday, weekly);
    }

    public async Task SaveScheduleAsync(MeetingSchedule schedule, CancellationToken ct = default)
    {
        schedule.Validated();
        foreach (var (key, value) in new[] { (ScheduleWeekKey, schedule.Week.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ScheduleWeekdayKey, schedule.Weekday.ToString()), (ScheduleWeeklyKey, schedule.WeeklyOn?.ToString() ?? "") })
            await Settings.SystemSettingWriter.SetSettingAsync(db, key, value, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The monthly meeting of a month on the installation's schedule (or the one given), created (筹备) with its generated agenda if it does not exist yet.</summary>
    public async Task<Guid> PrepareMonthlyAsync(int year, int month, MeetingSchedule? schedule = null, CancellationToken ct = default) =>
        await PrepareAsync(MeetingKind.Monthly, (schedule ?? await ScheduleAsync(ct)).Validated().MonthlyDate(year, month), ct);

    /// <summary>The scheduled meetings due on <paramref name="today"/> (<see cref="MeetingSchedule.DueFor"/>), prepared once each; how many were new.</summary>
    public async Task<int> PrepareDueAsync(DateOnly today, CancellationToken ct = default)
    {
        var prepared = 0;
        foreach (var (kind, date) in (await ScheduleAsync(ct)).DueFor(today))
            if (!await db.DispatchMeetings.AnyAsync(m => m.Kind == kind && m.Date == date, ct))
            {
                await PrepareAsync(kind, date, ct);
                prepared++;
            }
        return prepared;
    }

    /// <summary>A scheduled meeting (monthly or weekly) on a date, with its agenda by the rules as of that date; the existing one if there is one.</summary>
    private async Task<Guid> PrepareAsync(MeetingKind kind, DateOnly date, CancellationToken ct)
    {
        var existing = await db.DispatchMeetings.Where(m => m.Kind == kind && m.Date == date).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
            return id;
        var title = kind == MeetingKind.Weekly ? $"{date:yyyy年M月d日}周调度会" : $"{date.Year}年{date.Month}月重点项目运行调度会";
        var meeting = new DispatchMeeting(kind, title, date, null, null);
        db.DispatchMeetings.Add(meeting);
        foreach (var (facts, reasons) in await AgendaAsync(date, kind, ct))
        {
            var (user, department) = AgendaRules.Reporter(facts);
            meeting.AddItem(facts.ProjectId, user, department, reasons);
        }
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    /// <summary>
    /// The projects a meeting on <paramref name="date"/> takes up, with why — in the order they will be reported (key
    /// projects first). "Since the last meeting" is since the previous one of the same kind, else a month (a week) back.
    /// </summary>
    public async Task<IReadOnlyList<(AgendaRules.ProjectFacts Facts, AgendaReasons Reasons)>> AgendaAsync(DateOnly date, MeetingKind kind = MeetingKind.Monthly,
        CancellationToken ct = default)
    {
        BusinessDates.EnsureDate(date, "会议日期");
        var since = await db.DispatchMeetings.Where(m => m.Kind == kind && m.Date < date).MaxAsync(m => (DateOnly?)m.Date, ct)
            ?? (kind == MeetingKind.Weekly ? date.AddDays(-7) : date.AddMonths(-1));
        var (_, keyRows) = await pool.RecordsAsync(date.Year, date, PoolSelection.All, ct);
        var key = keyRows.Select(r => r.Id).ToHashSet();
        var projects = await scope.ProjectsAsync(ct);
        var moved = await db.ProjectStageTransitions
            .Where(t => (t.ToStage == ProjectStage.Signed || t.ToStage == ProjectStage.Landed) && t.EffectiveDate > since && t.EffectiveDate <= date
                && projects.Any(p => p.Id == t.ProjectId))
            .Select(t => new { t.ProjectId, t.ToStage }).ToListAsync(ct);
        var issues = await OpenIssuesAsync(null, date, false, ct);
        var candidates = key.Concat(moved.Select(m => m.ProjectId)).Concat(issues.Where(i => i.Overdue).Select(i => i.ProjectId)).Distinct().ToList();
        var people = await projects.Where(p => candidates.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.ResponsibleLeaderId, p.LeadDepartmentId }).ToDictionaryAsync(p => p.Id, ct);
        var lists = await ListsAsync(candidates, date, districtWide: false, ct);
        return [.. candidates.Where(people.ContainsKey)
            .Select(id =>
            {
                var l = lists[id];
                var facts = new AgendaRules.ProjectFacts(id, key.Contains(id), people[id].ResponsibleLeaderId, people[id].LeadDepartmentId,
                    l.Investment.AgainstSchedulePoints < 0, l.Milestones.Any(m => m.DaysLeft < 0), l.Issues.Count, l.Issues.Count(i => i.Overdue),
                    moved.Any(m => m.ProjectId == id && m.ToStage == ProjectStage.Signed), moved.Any(m => m.ProjectId == id && m.ToStage == ProjectStage.Landed));
                return (Facts: facts, Reasons: AgendaRules.Reasons(facts), people[id].Name);
            })
            .Where(x => x.Reasons != AgendaReasons.None)
            .OrderByDescending(x => x.Facts.IsKeyProject).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => (x.Facts, x.Reasons))];
    }

    /// <summary>
    /// 三项清单 of the projects as of <paramref name="date"/>: in the reader's scope (projects outside it get empty lists), or
    /// district-wide for a meeting's own items (<see cref="GetAsync"/>).
    /// </summary>
    public async Task<Dictionary<Guid, ThreeListsDto>> ListsAsync(IReadOnlyCollection<Guid> projectIds, DateOnly date, bool districtWide = false, CancellationToken ct = default)
    {
        var ids = projectIds.ToList();
        var projects = districtWide ? db.Unscoped.Projects : await scope.ProjectsAsync(ct);
        var investments = districtWide ? db.Unscoped.ProjectInvestments : db.ProjectInvestments;
        var milestones = await db.ProjectMilestones.Where(m => ids.Contains(m.ProjectId) && projects.Any(p => p.Id == m.ProjectId))
            .OrderBy(m => m.PlannedDate).ToListAsync(ct);
        var plans = await db.ProjectYearFlags.Where(f => ids.Contains(f.ProjectId) && f.Year == date.Year && projects.Any(p => p.Id == f.ProjectId))
            .ToDictionaryAsync(f => f.ProjectId, f => f.PlannedYearYuan, ct);
        var completed = await investments.Where(i => ids.Contains(i.ProjectId) && i.Year == date.Year && i.Month <= date.Month)
            .GroupBy(i => i.ProjectId).Select(g => new { g.Key, Sum = g.Sum(i => i.CompletedYuan) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        var issues = (await OpenIssuesAsync(ids, date, districtWide, ct)).ToLookup(i => i.ProjectId);
        var progress = TimeProgress.At(new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31), date);
        return ids.ToDictionary(id => id, id =>
        {
            var planned = plans.GetValueOrDefault(id);
            var done = completed.GetValueOrDefault(id);
            var (ofPlan, against) = ProjectInvestment.Rates(done, planned, progress);
            return new ThreeListsDto(
                [.. milestones.Where(m => m.ProjectId == id).Select(m => new MilestoneLineDto(m.Title, m.Phase, m.PlannedDate, m.ActualDate <= date ? m.ActualDate : null, m.RemainingDays(date)))],
                new InvestmentLineDto(date.Year, planned, done, ofPlan, against),
                [.. issues[id].Select(i => i.Line)]);
        });
    }

    private sealed record OpenIssue(Guid ProjectId, bool Overdue, IssueLineDto Line);

    /// <summary>
    /// Problems open on <paramref name="date"/>: raised by then and not solved by then (a problem solved later was open then).
    /// </summary>
    private async Task<List<OpenIssue>> OpenIssuesAsync(List<Guid>? projectIds, DateOnly date, bool districtWide, CancellationToken ct)
    {
        await scope.GetRulesAsync(ct);
        var open = (districtWide ? db.Unscoped.ProjectIssues : db.ProjectIssues).AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.RaisedOn <= date && i.Status != IssueStatus.Returned && (i.SolvedOn == null || i.SolvedOn > date)
                && (i.ConfirmedOn == null || i.ConfirmedOn > date) && (i.ClosedOn == null || i.ClosedOn > date));
        if (projectIds is not null)
            open = open.Where(i => projectIds.Contains(i.ProjectId));
        var rows = await open
            .Select(i => new { i.Id, i.ProjectId, i.Title, i.Category, i.AssignedDepartmentId, i.RaisedOn, i.DueOn })
            .ToListAsync(ct);
        var departmentIds = rows.Select(r => r.AssignedDepartmentId).Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rows.Select(r =>
        {
            var overdue = ProjectIssue.IsPastDue(r.DueOn, date);
            return new OpenIssue(r.ProjectId, overdue, new IssueLineDto(r.Id, r.Title, r.Category,
                departments.GetValueOrDefault(r.AssignedDepartmentId, "—"), date.DayNumber - r.RaisedOn.DayNumber, r.DueOn, overdue));
        })];
    }
}
