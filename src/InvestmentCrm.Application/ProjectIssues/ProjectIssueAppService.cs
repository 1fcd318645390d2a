using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.ProjectIssues;

/// <summary>
/// 项目问题 (docs/domain.md): raised for a project in the reader's scope, routed by <see cref="IssueRouting"/>, handled step by
/// step under <see cref="IssueAccess"/>. A problem is seen by whoever sees its project and by the unit it is routed to.
/// </summary>
public sealed class ProjectIssueAppService(ICrmDbContext db, DataScope scope, TimeProvider clock)
{
    private const string Missing = "问题不存在或您无权查看。";

    /// <summary>The category the text suggests (unless one is chosen) and where the problem would go, by when.</summary>
    public async Task<IssueSuggestionDto> SuggestAsync(string? text, IssueCategory? category, Guid? departmentId, DateOnly? raisedOn, CancellationToken ct = default)
    {
        var keywords = await db.IssueKeywords.AsNoTracking().Select(k => new { k.Keyword, k.Category }).ToListAsync(ct);
        var suggested = category ?? IssueRouting.Suggest(text, keywords.Select(k => (k.Keyword, k.Category)));
        var on = raisedOn ?? clock.Today();
        var rule = suggested is { } c ? await RuleAsync(c, ct) : IssueCategoryRoute.Default(IssueCategory.Other);
        var department = departmentId ?? rule.TaskForceDepartmentId;
        var name = department is { } id ? await db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        var due = on.AddDays(rule.DueDays);
        var response = on.AddDays(rule.ResponseDays);
        return new IssueSuggestionDto(suggested, department, name, department is null, response < due ? response : due, due);
    }

    public async Task<Guid> RaiseAsync(RaiseIssueInput input, IssueActor actor, CancellationToken ct = default)
    {
        if (!actor.CanRaise)
            throw new UnauthorizedAccessException("您没有提出项目问题的权限。");
        var project = await (await scope.ProjectsAsync(ct)).Where(p => p.Id == input.ProjectId)
            .Select(p => new { p.DispatchPhase, People = new ProjectPeople(p.ResponsibleLeaderId, p.DepartmentSecretaryId, p.LocalSecretaryId) })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("项目不存在或您无权查看。");
        if (input.Category is not { } category || !Enum.IsDefined(category))
            throw new DomainException("请选择问题类别（可按系统建议确认）。");
        await EnsureDepartmentAsync(input.DepartmentId, ct);
        var today = clock.Today();
        var raisedOn = BusinessDates.EnsureDate(input.RaisedOn ?? today, "提出日期");
        var route = IssueRouting.Route(category, await RuleAsync(category, ct), input.DepartmentId, raisedOn,
            input.DueOn is { } due ? BusinessDates.EnsureDate(due, "办结时限") : null);
        var issue = new ProjectIssue(input.ProjectId, input.Title ?? "", input.Description ?? "", category, project.DispatchPhase,
            IssueAccess.RaisedAs(actor, project.People), input.OnBehalfOfCompany, raisedOn, route, actor.UserId, clock.UtcNow(), today);
        db.ProjectIssues.Add(issue);
        await db.SaveChangesAsync(ct);
        return issue.Id;
    }

    public async Task<PagedResult<IssueListItemDto>> ListAsync(IssueListQuery query, CancellationToken ct = default)
    {
        var issues = await FilteredAsync(query, ct);
        var paging = Paging.Of(query.Page, query.PageSize, 100);
        var total = await issues.CountAsync(ct);
        var rows = await Ordered(issues).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new PagedResult<IssueListItemDto>(await ItemsAsync(rows, ct), total, paging.Page, paging.Size);
    }

    /// <summary>Every problem of the filter as a workbook (the list's columns; dates as dates, days as numbers).</summary>
    public async Task<Func<Stream, Task>> ExportAsync(IssueListQuery query, CancellationToken ct = default)
    {
        var items = await ItemsAsync(await Ordered(await FilteredAsync(query, ct)).Take(10_000).ToListAsync(ct), ct);
        var rows = items.Select(i => new object?[]
        {
            i.ProjectName, i.Title, i.Category.ToDisplay(), i.Status.ToDisplay(), i.Department, i.RaisedOn.ToString("yyyy-MM-dd"), i.DueOn.ToString("yyyy-MM-dd"),
            i.AgeDays, i.Overdue ? i.OverdueDays : null, i.EscalatedTo?.ToDisplay(),
        }).ToList();
        return output => ExcelWriter.WriteAsync(output, CancellationToken.None, new ExcelWriter.Sheet("项目问题",
            ["项目", "问题", "类别", "状态", "责任单位", "提出日期", "办结时限", "已用天数", "逾期天数", "上提至"], rows,
            $"项目问题 · {query.Show.ToDisplay()}{(query.Year is { } y ? $" · {y} 年提出" : "")} · 导出于 {clock.Today():yyyy-MM-dd}"));
    }

    private async Task<IQueryable<ProjectIssue>> FilteredAsync(IssueListQuery query, CancellationToken ct)
    {
        await scope.GetRulesAsync(ct);
        var today = clock.Today();
        var issues = db.ProjectIssues.AsNoTracking().IgnoreAutoIncludes();
        issues = query.Show switch
        {
            IssueListFilter.Open => issues.Where(i => ProjectIssue.OpenStatuses.Contains(i.Status) || i.Status == IssueStatus.Returned),
            IssueListFilter.Overdue => issues.Where(i => ProjectIssue.OpenStatuses.Contains(i.Status) && i.DueOn < today),
            IssueListFilter.AwaitingConfirmation => issues.Where(i => i.Status == IssueStatus.Solved),
            IssueListFilter.Escalated => issues.Where(i => i.EscalatedTo != null && ProjectIssue.OpenStatuses.Contains(i.Status)),
            IssueListFilter.Done => issues.Where(i => i.Status == IssueStatus.Confirmed || i.Status == IssueStatus.Closed),
            _ => issues,
        };
        if (query.Category is { } category)
            issues = issues.Where(i => i.Category == category);
        if (query.DepartmentId is { } department)
            issues = issues.Where(i => i.AssignedDepartmentId == department);
        if (query.ProjectId is { } project)
            issues = issues.Where(i => i.ProjectId == project);
        if (query.Year is { } year)
            issues = issues.Where(i => i.RaisedOn >= new DateOnly(BusinessDates.EnsureYear(year), 1, 1) && i.RaisedOn <= new DateOnly(year, 12, 31));
        return issues;
    }

    /// <summary>Nearest 办结时限 first.</summary>
    private static IQueryable<ProjectIssue> Ordered(IQueryable<ProjectIssue> issues) =>
        issues.OrderBy(i => i.DueOn).ThenByDescending(i => i.RaisedOn).ThenBy(i => i.Id);

    private async Task<IReadOnlyList<IssueListItemDto>> ItemsAsync(List<ProjectIssue> rows, CancellationToken ct)
    {
        var today = clock.Today();
        var projects = await ProjectNamesAsync(rows.Select(r => r.ProjectId), ct);
        var departments = await DepartmentNamesAsync(rows.Select(r => r.AssignedDepartmentId), ct);
        return [.. rows.Select(i => new IssueListItemDto(i.Id, i.ProjectId, projects.GetValueOrDefault(i.ProjectId, "—"), i.Title, i.Category, i.Status,
            i.AssignedDepartmentId, departments.GetValueOrDefault(i.AssignedDepartmentId, "—"), i.RaisedOn, i.DueOn,
            (i.ClosedOn ?? i.ConfirmedOn ?? i.SolvedOn ?? today).DayNumber - i.RaisedOn.DayNumber, i.IsOverdue(today), i.OverdueDays(today), i.EscalatedTo))];
    }

    public async Task<IssueDetailDto?> GetAsync(Guid id, IssueActor actor, CancellationToken ct = default)
    {
        await scope.GetRulesAsync(ct);
        var issue = await db.ProjectIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
            return null;
        var today = clock.Today();
        var (name, people) = await ProjectOfAsync(issue.ProjectId, ct);
        var visible = await (await scope.ProjectsAsync(ct)).AnyAsync(p => p.Id == issue.ProjectId, ct);
        var users = await UserNamesAsync([issue.RaisedBy, .. issue.Steps.Select(s => s.By).OfType<Guid>(),
            .. new[] { people.ResponsibleLeaderId, people.DepartmentSecretaryId, people.LocalSecretaryId }.OfType<Guid>()], ct);
        var departments = await DepartmentNamesAsync([issue.AssignedDepartmentId, .. issue.Steps.Select(s => s.DepartmentId).OfType<Guid>()], ct);
        return new IssueDetailDto
        {
            Id = issue.Id, ProjectId = issue.ProjectId, ProjectName = name, ProjectVisible = visible, Title = issue.Title, Description = issue.Description,
            Category = issue.Category, PhaseWhenRaised = issue.PhaseWhenRaised, RaisedAs = issue.RaisedAs, OnBehalfOfCompany = issue.OnBehalfOfCompany,
            RaisedOn = issue.RaisedOn, RaisedBy = users.GetValueOrDefault(issue.RaisedBy), AssignedDepartmentId = issue.AssignedDepartmentId,
            AssignedDepartment = departments.GetValueOrDefault(issue.AssignedDepartmentId, "—"), ResponseDueOn = issue.ResponseDueOn, DueOn = issue.DueOn,
            Status = issue.Status, AcceptedOn = issue.AcceptedOn, RespondedInTime = issue.RespondedInTime, SolvedOn = issue.SolvedOn, Solution = issue.Solution,
            ConfirmedOn = issue.ConfirmedOn, ClosedOn = issue.ClosedOn, EscalatedTo = issue.EscalatedTo, EscalatedOn = issue.EscalatedOn,
            EscalatedAutomatically = issue.EscalatedAutomatically, CoordinationParties = issue.CoordinationParties,
            Overdue = issue.IsOverdue(today), OverdueDays = issue.OverdueDays(today),
            ResponsibleLeader = people.ResponsibleLeaderId is { } l ? users.GetValueOrDefault(l) : null,
            DepartmentSecretary = people.DepartmentSecretaryId is { } d ? users.GetValueOrDefault(d) : null,
            LocalSecretary = people.LocalSecretaryId is { } s ? users.GetValueOrDefault(s) : null,
            ConcurrencyStamp = issue.ConcurrencyStamp,
            Steps = [.. issue.Steps.OrderBy(s => s.Sequence).Select(s => new IssueStepDto(s.Kind, s.On, s.By is { } by ? users.GetValueOrDefault(by) : "系统",
                s.DepartmentId is { } dep ? departments.GetValueOrDefault(dep) : null, s.Note, s.RecordedAt))],
            Actions = IssueAccess.Offered(actor, issue, people, today),
        };
    }

    /// <summary>One step on a problem, if the actor may take it (403 otherwise; 404 when the problem is not visible).</summary>
    public async Task ActAsync(Guid id, IssueActionInput input, IssueActor actor, CancellationToken ct = default)
    {
        await scope.GetRulesAsync(ct);
        var issue = await db.ProjectIssues.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException(Missing);
        var (_, people) = await ProjectOfAsync(issue.ProjectId, ct);
        if (!Enum.IsDefined(input.Action))
            throw new DomainException("请选择办理操作。");
        if (!IssueAccess.Allows(actor, input.Action, issue, people))
            throw new UnauthorizedAccessException($"您不能对该问题执行“{input.Action.ToDisplay()}”。");
        var today = clock.Today();
        var on = BusinessDates.EnsureDate(input.On ?? today, "日期");
        if (on > today)
            throw new DomainException("办理日期不能晚于今天。");
        var now = clock.UtcNow();
        switch (input.Action)
        {
            case IssueAction.Accept: issue.Accept(on, actor.UserId, now, input.Note); break;
            case IssueAction.Return: issue.Return(on, actor.UserId, now, input.Note); break;
            case IssueAction.Progress: issue.AddProgress(on, actor.UserId, now, input.Note); break;
            case IssueAction.Coordinate: issue.RecordCoordination(on, input.Parties ?? "", input.Note, actor.UserId, now); break;
            case IssueAction.Solve: issue.Solve(on, actor.UserId, now, input.Note); break;
            case IssueAction.AnswerForCompany:
                issue.RecordCompanyAnswer(input.Satisfied ?? throw new DomainException("请选择企业是否确认问题已解决。"), on, actor.UserId, now, input.Note);
                break;
            case IssueAction.Close: issue.Close(on, actor.UserId, now, input.Note); break;
            case IssueAction.Reassign:
                await EnsureDepartmentAsync(input.DepartmentId, ct);
                issue.Reassign(IssueRouting.Route(issue.Category, await RuleAsync(issue.Category, ct), input.DepartmentId, on,
                    input.DueOn is { } due ? BusinessDates.EnsureDate(due, "办结时限") : null), on, actor.UserId, now, input.Note);
                break;
            case IssueAction.Escalate: issue.Escalate(input.Level ?? EscalationLevel.Headquarters, on, actor.UserId, now, input.Note); break;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The daily check (ProjectIssuesModule's job, as the installation): problems overdue by their category's configured days
    /// are taken up to the 指挥部, once, with a step that says so.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var overdue = await db.ProjectIssues
            .Where(i => i.EscalatedTo == null && i.DueOn < today && ProjectIssue.OpenStatuses.Contains(i.Status))
            .ToListAsync(ct);
        var rules = await RulesAsync(ct);
        var escalated = 0;
        foreach (var issue in overdue.Where(i => IssueRouting.DueForEscalation(i, rules[i.Category], today)))
        {
            issue.Escalate(EscalationLevel.Headquarters, today, null, clock.UtcNow(), $"逾期 {issue.OverdueDays(today)} 天，系统自动上提", automatically: true);
            escalated++;
        }
        if (escalated > 0)
            await db.SaveChangesAsync(ct);
        return escalated;
    }

    public async Task<IReadOnlyList<IssueRouteDto>> RoutesAsync(CancellationToken ct = default)
    {
        var rules = await RulesAsync(ct);
        var departments = await DepartmentNamesAsync(rules.Values.Select(r => r.TaskForceDepartmentId).OfType<Guid>(), ct);
        return [.. rules.Values.OrderBy(r => r.Category).Select(r => new IssueRouteDto(r.Category, r.TaskForceDepartmentId,
            r.TaskForceDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, r.ResponseDays, r.DueDays, r.EscalateAfterDays))];
    }

    public async Task SaveRouteAsync(IssueRouteInput input, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(input.Category))
            throw new DomainException("请选择问题类别。");
        await EnsureDepartmentAsync(input.TaskForceDepartmentId, ct);
        var rule = await db.IssueCategoryRoutes.FirstOrDefaultAsync(r => r.Category == input.Category, ct);
        if (rule is null)
            db.IssueCategoryRoutes.Add(new IssueCategoryRoute(input.Category, input.TaskForceDepartmentId, input.ResponseDays, input.DueDays, input.EscalateAfterDays));
        else
            rule.Change(input.TaskForceDepartmentId, input.ResponseDays, input.DueDays, input.EscalateAfterDays);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<IssueKeywordDto>> KeywordsAsync(CancellationToken ct = default) =>
        await db.IssueKeywords.AsNoTracking().OrderBy(k => k.Category).ThenBy(k => k.Keyword)
            .Select(k => new IssueKeywordDto(k.Id, k.Keyword, k.Category)).ToListAsync(ct);

    public async Task<Guid> AddKeywordAsync(string? keyword, IssueCategory category, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(category))
            throw new DomainException("请选择问题类别。");
        var added = new IssueKeyword(keyword ?? "", category);
        if (await db.IssueKeywords.AnyAsync(k => k.Keyword == added.Keyword, ct))
            throw new ConflictException("该关键词已存在。");
        db.IssueKeywords.Add(added);
        await db.SaveChangesAsync(ct);
        return added.Id;
    }

    public async Task<bool> RemoveKeywordAsync(Guid id, CancellationToken ct = default)
    {
        var keyword = await db.IssueKeywords.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (keyword is null)
            return false;
        db.IssueKeywords.Remove(keyword);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// What the forms choose from: active departments (专班 first), and the projects the reader may raise a problem for —
    /// those they serve as secretary or 包保领导 first, then the rest of their scope by name.
    /// </summary>
    public async Task<IssueFormOptionsDto> FormOptionsAsync(Guid userId, CancellationToken ct = default)
    {
        var departments = await DepartmentOptionsAsync(ct);
        var projects = await (await scope.ProjectsAsync(ct))
            .OrderBy(p => p.DepartmentSecretaryId == userId || p.LocalSecretaryId == userId || p.ResponsibleLeaderId == userId ? 0 : 1).ThenBy(p => p.Name)
            .Take(500).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return new IssueFormOptionsDto(departments, [.. projects.Select(p => (p.Id, p.Name))]);
    }

    /// <summary>The units a problem, a service or a decision can go to: active departments, 专班 first.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> DepartmentOptionsAsync(CancellationToken ct = default)
    {
        var departments = await db.Departments.Where(d => d.IsActive)
            .OrderBy(d => d.Kind == Organization.DepartmentKind.TaskForce ? 0 : 1).ThenBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        return [.. departments.Select(d => (d.Id, d.Name))];
    }

    /// <summary>Every category's rule (a category nobody configured: no 专班, default days).</summary>
    private async Task<Dictionary<IssueCategory, IssueCategoryRoute>> RulesAsync(CancellationToken ct)
    {
        var stored = await db.IssueCategoryRoutes.AsNoTracking().ToDictionaryAsync(r => r.Category, ct);
        return Enum.GetValues<IssueCategory>().ToDictionary(c => c, c => stored.GetValueOrDefault(c) ?? IssueCategoryRoute.Default(c));
    }

    private async Task<IssueCategoryRoute> RuleAsync(IssueCategory category, CancellationToken ct) =>
        await db.IssueCategoryRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.Category == category, ct) ?? IssueCategoryRoute.Default(category);

    private async Task EnsureDepartmentAsync(Guid? departmentId, CancellationToken ct)
    {
        if (departmentId is { } id && !await db.Departments.AnyAsync(d => d.Id == id && d.IsActive, ct))
            throw new DomainException("所选责任单位不存在或已停用。");
    }

    /// <summary>
    /// The project's name and people. Unscoped: a problem routed to the reader's unit is visible even when its project is not
    /// (a 保障专班 member), and the problem names its project.
    /// </summary>
    private async Task<(string Name, ProjectPeople People)> ProjectOfAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Unscoped.Projects.Where(p => p.Id == projectId)
            .Select(p => new { p.Name, p.ResponsibleLeaderId, p.DepartmentSecretaryId, p.LocalSecretaryId }).FirstOrDefaultAsync(ct);
        return project is null ? ("—", new ProjectPeople(null, null, null))
            : (project.Name, new ProjectPeople(project.ResponsibleLeaderId, project.DepartmentSecretaryId, project.LocalSecretaryId));
    }

    /// <summary>Names of the problems' projects (unscoped for the reason of <see cref="ProjectOfAsync"/>).</summary>
    private async Task<Dictionary<Guid, string>> ProjectNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Unscoped.Projects.Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private async Task<Dictionary<Guid, string>> DepartmentNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Departments.Where(d => list.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
    }

    private async Task<Dictionary<Guid, string>> UserNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? "—", ct);
    }
}
