using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.ProjectIssues;

/// <summary>One row of the 问题统计: problems of a category or a unit, by where they stand today.</summary>
public sealed record IssueCountsDto(string Label, IssueCategory? Category, Guid? DepartmentId, int Raised, int Open, int Overdue, int AwaitingConfirmation, int Done)
{
    /// <summary>问题办结率 (docs/figures.md): confirmed or closed ÷ raised.</summary>
    public decimal? DoneRatePercent => Raised == 0 ? null : Done * 100m / Raised;
}

public sealed record IssueAgeDto(string Label, int Open);

/// <summary>Days as median and 90th percentile over the problems that have them (null when none has).</summary>
public sealed record IssueDurationDto(int Count, decimal? MedianDays, decimal? P90Days);

/// <summary>问题统计 of the problems raised in a year, as they stand today (docs/figures.md, "项目问题").</summary>
public sealed record IssueStatisticsDto(
    int Year, DateOnly Today, IssueCountsDto Total, IReadOnlyList<IssueCountsDto> ByCategory, IReadOnlyList<IssueCountsDto> ByUnit,
    IReadOnlyList<IssueAgeDto> OpenByAge, IssueDurationDto FirstResponse, decimal? RespondedInTimePercent, IssueDurationDto Solve);

/// <summary>The figures of 项目问题 in the reader's scope (what the list shows, counted).</summary>
public sealed class IssueStatisticsAppService(ICrmDbContext db, DataScope scope, TimeProvider clock)
{
    public async Task<IssueStatisticsDto> GetAsync(int? year = null, CancellationToken ct = default)
    {
        await scope.GetRulesAsync(ct);
        var today = clock.Today();
        var y = BusinessDates.EnsureYear(year ?? today.Year);
        var rows = await db.ProjectIssues.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.RaisedOn >= new DateOnly(y, 1, 1) && i.RaisedOn <= new DateOnly(y, 12, 31))
            .Select(i => new Row(i.Category, i.AssignedDepartmentId, i.Status, i.RaisedOn, i.DueOn, i.AcceptedOn, i.ResponseDueOn, i.SolvedOn ?? i.ConfirmedOn))
            .ToListAsync(ct);
        var departmentIds = rows.Select(r => r.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        IssueCountsDto Count(string label, IssueCategory? category, Guid? department, IReadOnlyCollection<Row> of) => new(label, category, department, of.Count,
            of.Count(r => r.IsOpen), of.Count(r => r.IsOpen && ProjectIssue.IsPastDue(r.DueOn, today)), of.Count(r => r.Status == IssueStatus.Solved),
            of.Count(r => r.Status is IssueStatus.Confirmed or IssueStatus.Closed));

        var open = rows.Where(r => r.IsOpen).Select(r => today.DayNumber - r.RaisedOn.DayNumber).ToList();
        var accepted = rows.Where(r => r.AcceptedOn is not null).ToList();
        return new IssueStatisticsDto(y, today, Count("合计", null, null, rows),
            [.. Enum.GetValues<IssueCategory>().Select(c => Count(c.ToDisplay(), c, null, [.. rows.Where(r => r.Category == c)]))],
            [.. rows.GroupBy(r => r.DepartmentId).Select(g => Count(departments.GetValueOrDefault(g.Key, "—"), null, g.Key, [.. g]))
                .OrderByDescending(c => c.Open).ThenByDescending(c => c.Raised).ThenBy(c => c.Label, StringComparer.Ordinal)],
            [
                new("7 天以内", open.Count(d => d <= 7)), new("8–30 天", open.Count(d => d is > 7 and <= 30)),
                new("31–90 天", open.Count(d => d is > 30 and <= 90)), new("90 天以上", open.Count(d => d > 90)),
            ],
            Duration([.. accepted.Select(r => r.AcceptedOn!.Value.DayNumber - r.RaisedOn.DayNumber)]),
            accepted.Count == 0 ? null : accepted.Count(r => r.AcceptedOn <= r.ResponseDueOn) * 100m / accepted.Count,
            Duration([.. rows.Where(r => r.SolvedOn is not null).Select(r => r.SolvedOn!.Value.DayNumber - r.RaisedOn.DayNumber)]));
    }

    /// <summary>The statistics as a workbook: by category, by unit, by age (counts and rates as numbers).</summary>
    public static Task ExportAsync(IssueStatisticsDto statistics, Stream output, CancellationToken ct = default)
    {
        string[] headers = ["", "提出", "未办结", "逾期", "待企业确认", "已确认/销号", "办结率（%）"];
        static object?[] Row(IssueCountsDto c) => [c.Label, c.Raised, c.Open, c.Overdue, c.AwaitingConfirmation, c.Done, c.DoneRatePercent is { } r ? decimal.Round(r, 1) : null];
        var title = $"{statistics.Year} 年提出的问题 · 截至 {statistics.Today:yyyy-MM-dd}";
        return ExcelWriter.WriteAsync(output, ct,
            new ExcelWriter.Sheet("按类别", headers, [.. statistics.ByCategory.Select(Row), Row(statistics.Total)], title),
            new ExcelWriter.Sheet("按责任单位", headers, [.. statistics.ByUnit.Select(Row), Row(statistics.Total)], title),
            new ExcelWriter.Sheet("未办结时长", ["时长", "未办结"], statistics.OpenByAge.Select(a => new object?[] { a.Label, a.Open }), title));
    }

    /// <summary>Median and p90 (nearest rank) of whole days.</summary>
    internal static IssueDurationDto Duration(List<int> days)
    {
        if (days.Count == 0)
            return new IssueDurationDto(0, null, null);
        days.Sort();
        var median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2m;
        var p90 = days[(int)Math.Ceiling(days.Count * 0.9) - 1];
        return new IssueDurationDto(days.Count, median, p90);
    }

    private sealed record Row(IssueCategory Category, Guid DepartmentId, IssueStatus Status, DateOnly RaisedOn, DateOnly DueOn, DateOnly? AcceptedOn,
        DateOnly ResponseDueOn, DateOnly? SolvedOn)
    {
        public bool IsOpen => ProjectIssue.OpenStatuses.Contains(Status);
    }
}
