using InvestmentCrm.Meetings;
using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Meetings;

/// <summary>/api/v1/meetings … — 调度会 prepared from the records (docs/domain.md, "调度会").</summary>
public static class MeetingsApi
{
    public sealed record MonthlyInput(int Year, int Month);

    public sealed record ItemInput(Guid ProjectId);

    public sealed record MoveInput(int Direction);

    public sealed record MinutesInput(string? Minutes);

    /// <summary>A 专题调度会: what it is and the problems it is called for.</summary>
    public sealed record SpecialInput(string? Title, DateOnly? Date, string? Place, Guid? ChairId, string? Attendees, IReadOnlyList<Guid>? IssueIds);

    public sealed record BulletinInput(string? Recipients);

    /// <summary>A year's meetings and how many of each kind.</summary>
    public sealed record MeetingYearDto(IReadOnlyList<MeetingAppService.MeetingListItemDto> Meetings, IReadOnlyDictionary<MeetingKind, int> CountByKind);

    /// <summary>The installation's schedule: week (1–4) and weekday of the monthly meeting, and the weekday of a weekly one (none: no 周调度).</summary>
    public sealed record ScheduleInput(int Week, DayOfWeek Weekday, DayOfWeek? WeeklyOn);

    public static void MapMeetings(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("调度会");

        meetings.MapGet("/", async (int year, MeetingAppService service, CancellationToken ct) =>
            {
                var (list, counts) = await service.ListAsync(year, ct);
                return Results.Ok(new MeetingYearDto(list, counts));
            })
            .Produces<MeetingYearDto>()
            .RequireAuthorization(Permissions.Meetings.View).WithName("ListMeetings").WithSummary("一年的调度会及各类会议次数");
        meetings.MapGet("/{id:guid}", async (Guid id, MeetingAppService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } meeting ? Results.Ok(meeting) : NotFound())
            .Produces<MeetingDto>()
            .RequireAuthorization(Permissions.Meetings.View).WithName("GetMeeting").WithSummary("调度会：议程、汇报人、三项清单（按会议日期）、纪要与决定事项");
        meetings.MapPost("/monthly", async (MonthlyInput input, MeetingAppService service, CancellationToken ct) =>
            {
                var id = await service.PrepareMonthlyAsync(input.Year, input.Month, null, ct);
                return Results.Created($"/api/v1/meetings/{id}", new CreatedId(id));
            })
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("PrepareMonthlyMeeting").WithSummary("筹备某月的重点项目运行调度会（每月第二周，按规则生成议程；已有则返回它）");
        meetings.MapPost("/{id:guid}/items", async (Guid id, ItemInput input, MeetingAppService service, CancellationToken ct) =>
                await service.AddItemAsync(id, input.ProjectId, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("AddMeetingItem").WithSummary("增列议题（调度办）");
        meetings.MapPost("/{id:guid}/items/{itemId:guid}/move", async (Guid id, Guid itemId, MoveInput input, MeetingAppService service, CancellationToken ct) =>
                await service.MoveItemAsync(id, itemId, input.Direction, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("MoveMeetingItem").WithSummary("调整议题顺序（-1 上移，1 下移）");
        meetings.MapDelete("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, MeetingAppService service, CancellationToken ct) =>
                await service.DropItemAsync(id, itemId, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("DropMeetingItem").WithSummary("移出议题（已有决定事项的不能移出）");
        meetings.MapPut("/{id:guid}/items/{itemId:guid}/minutes", async (Guid id, Guid itemId, MinutesInput input, MeetingAppService service, CancellationToken ct) =>
                await service.RecordMinutesAsync(id, itemId, input.Minutes, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("RecordMeetingMinutes").WithSummary("记录议题的会议纪要");
        meetings.MapPost("/{id:guid}/items/{itemId:guid}/decisions", async (Guid id, Guid itemId, MeetingDecisionInput input, MeetingAppService service, CancellationToken ct) =>
                await service.DecideAsync(id, itemId, input, ct) is { } created ? Results.Created($"/api/v1/meetings/{id}", new CreatedId(created)) : NotFound())
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("DecideOnMeetingItem")
            .WithSummary("记录决定事项（指定问题类别时生成项目问题，交办责任单位并设完成时限）");
        meetings.MapPost("/{id:guid}/held", async (Guid id, MeetingAppService service, CancellationToken ct) =>
                await service.MarkHeldAsync(id, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("MarkMeetingHeld").WithSummary("标记会议已召开");
        meetings.MapPut("/{id:guid}", async (Guid id, MeetingDetailsInput input, MeetingAppService service, CancellationToken ct) =>
                await service.DescribeAsync(id, input, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("DescribeMeeting").WithSummary("修改会议名称、日期、地点、主持人、参会人员（快报发送前）");
        meetings.MapPost("/special", async (SpecialInput input, MeetingAppService service, CancellationToken ct) =>
            {
                var id = await service.CreateSpecialAsync(new MeetingDetailsInput(input.Title, input.Date, input.Place, input.ChairId, input.Attendees), input.IssueIds ?? [], ct);
                return Results.Created($"/api/v1/meetings/{id}", new CreatedId(id));
            })
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("CreateSpecialMeeting").WithSummary("召开专题调度会（关联项目问题，问题所在项目列入议程）");
        meetings.MapPost("/{id:guid}/bulletin", async (Guid id, BulletinInput input, MeetingBulletinAppService bulletins, CancellationToken ct) =>
                await bulletins.SendAsync(id, input.Recipients, ct) ? Results.NoContent() : NotFound())
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("SendMeetingBulletin")
            .WithSummary("发送快报：记录接收人（领导小组成员）与日期，保存快报 .docx 与三项清单 .xlsx 的定稿，此后不再变化");
        meetings.MapGet("/schedule", (MeetingAppService service, CancellationToken ct) => service.ScheduleAsync(ct))
            .RequireAuthorization(Permissions.Meetings.View).WithName("GetMeetingSchedule").WithSummary("调度会安排：月度会所在周与星期，周调度会的星期（未设置则不开）");
        meetings.MapPut("/schedule", async (ScheduleInput input, MeetingAppService service, CancellationToken ct) =>
            {
                await service.SaveScheduleAsync(new MeetingSchedule(input.Week, input.Weekday, input.WeeklyOn), ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(Permissions.Meetings.Manage).WithName("SaveMeetingSchedule").WithSummary("设置调度会安排");

        // The 快报 as files, for the page and the API alike: the copy as sent, or (调度办) a draft from the records.
        foreach (var (extension, format, contentType) in new[] { ("docx", BulletinFormat.Document, ContentTypes.Word), ("xlsx", BulletinFormat.Workbook, ContentTypes.Excel) })
            app.MapGet($"/meetings/{{id:guid}}/bulletin.{extension}", async (Guid id, MeetingBulletinAppService bulletins, CancellationToken ct) =>
                    await bulletins.FileAsync(id, format, ct) is { } file ? Results.File(file.Content, contentType, file.FileName) : NotFound())
                .RequireAuthorization(Permissions.Meetings.View)
                .Produces<Stream>(StatusCodes.Status200OK, contentType)
                .RequireRateLimiting(RateLimits.Export)
                .WithName($"DownloadMeetingBulletin{format}").WithTags("调度会").WithSummary($"下载{format.ToDisplay()}（已发送的为定稿）");
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "调度会或议题不存在。");
}
