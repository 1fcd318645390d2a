using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InvestmentCrm.Common;

namespace InvestmentCrm.Meetings;

/// <summary>
/// What a 快报 says: the meeting with its items' 三项清单 and decisions, the summary figures, its number in the year (第 N 期),
/// who issues it and to whom it goes. <see cref="Draft"/>: not sent yet (the text says so).
/// </summary>
public sealed record BulletinContent(MeetingDto Meeting, MeetingSummaryDto Summary, string District, string Issuer, int Number, DateOnly IssuedOn,
    string? Recipients, bool Draft);

/// <summary>
/// The 调度会快报 as the district writes it (docs/figures.md, "调度会"): a .docx with the red masthead, 第 N 期, the meeting's
/// basic facts, the summary figures, each item's 三项清单 and decisions, and 报送; and a .xlsx of the three lists and the
/// decisions, amounts in 亿元 as numbers. Both are built from the same <see cref="BulletinContent"/>.
/// </summary>
public static class MeetingBulletinDocuments
{
    private const decimal YuanPerYi = 100_000_000m;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] ChineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static string Title(BulletinContent c) => $"{c.District}项目建设快报";

    /// <summary>The summary paragraph, word for word as the .docx has it (the tests read it back).</summary>
    public static string SummaryText(MeetingSummaryDto s) =>
        $"截至{s.AsOf:yyyy年M月d日}，全区纳入项目盘子的重点项目 {s.KeyProjects} 个，已开复工 {s.Started} 个，开复工率 {Percent(s.StartRatePercent)}；"
        + $"年度计划投资 {Yi(s.PlannedYearYuan)} 亿元，已完成投资 {Yi(s.CompletedYearYuan)} 亿元，占年度计划的 {Percent(s.CompletedOfPlanPercent)}。"
        + $"项目问题：未解决 {s.OpenIssues} 个（其中逾期 {s.OverdueIssues} 个），本年已解决 {s.SolvedIssues} 个。";

    public static byte[] Document(BulletinContent c)
    {
        var m = c.Meeting;
        var body = new Body();
        body.Append(
            Line(Title(c), Font.Title, 26, bold: true, center: true, color: "C00000"),
            Line($"第 {c.Number} 期{(c.Draft ? "（草稿）" : "")}", Font.Body, 16, center: true),
            RuledLine($"{c.Issuer}", $"{c.IssuedOn:yyyy年M月d日}"),
            Line(m.Title, Font.Title, 18, bold: true, center: true));

        body.Append(Heading("一、会议基本情况"));
        var chair = m.Chair is { } who ? $"，{who}主持" : "";
        body.Append(Line($"{m.Date:yyyy年M月d日}（{BusinessDates.WeekdayName(m.Date.DayOfWeek)}），{m.Kind.ToDisplay()}{(m.Place is { } place ? $"在{place}" : "")}召开{chair}。"
            + $"会议调度项目 {m.Items.Count} 个。", Font.Body, 14, indent: true));
        if (m.AttendeesLine is { } attendees)
            body.Append(Line($"参会人员：{attendees}", Font.Body, 14, indent: true));

        body.Append(Heading("二、总体情况"));
        body.Append(Line(SummaryText(c.Summary), Font.Body, 14, indent: true));

        body.Append(Heading("三、项目调度情况"));
        if (m.Items.Count == 0)
            body.Append(Line("本次会议没有调度项目。", Font.Body, 14, indent: true));
        foreach (var item in m.Items)
        {
            body.Append(Line($"（{Number(item.Position)}）{item.ProjectName}", Font.Heading, 14, bold: true));
            body.Append(Line($"汇报：{item.Reporter ?? "—"}；列入原因：{string.Join("、", item.Reasons)}", Font.Body, 12, indent: true));
            body.Append(Line("序时进度清单", Font.Body, 12, bold: true, indent: true));
            body.Append(item.Lists.Milestones.Count == 0
                ? Line("无节点计划。", Font.Body, 12, indent: true)
                : Table(["节点", "计划日期", "实际日期", "进度"],
                    item.Lists.Milestones.Select(l => new[] { l.Title, $"{l.PlannedDate:yyyy-MM-dd}", l.ActualDate is { } done ? $"{done:yyyy-MM-dd}" : "—", Progress(l) })));
            body.Append(Line("投资目标清单", Font.Body, 12, bold: true, indent: true));
            body.Append(Line(InvestmentText(item.Lists.Investment), Font.Body, 12, indent: true));
            body.Append(Line("项目问题清单", Font.Body, 12, bold: true, indent: true));
            body.Append(item.Lists.Issues.Count == 0
                ? Line("无未解决问题。", Font.Body, 12, indent: true)
                : Table(["问题", "类别", "责任单位", "已历天数", "办结时限"],
                    item.Lists.Issues.Select(i => new[] { i.Title, i.Category.ToDisplay(), i.Department, $"{i.AgeDays}", $"{i.DueOn:yyyy-MM-dd}{(i.Overdue ? "（逾期）" : "")}" })));
            if (item.Minutes is { } minutes)
                body.Append(Line($"会议纪要：{minutes}", Font.Body, 12, indent: true));
            if (item.Decisions.Count > 0)
            {
                body.Append(Line("会议决定", Font.Body, 12, bold: true, indent: true));
                var n = 1;
                foreach (var d in item.Decisions)
                    body.Append(Line($"{n++}. {DecisionText(d)}", Font.Body, 12, indent: true));
            }
        }

        if (m.PreviousDecisions is { Count: > 0 } previous)
        {
            body.Append(Heading("四、上次会议决定落实情况"));
            body.Append(Table(["项目", "决定事项", "责任单位", "完成时限", "落实情况"],
                previous.Select(p => new[] { p.ProjectName, p.Text, p.ResponsibleDepartment ?? "—", p.DueOn is { } due ? $"{due:yyyy-MM-dd}" : "—", p.Outcome })));
        }

        body.Append(RuledLine($"报送：{c.Recipients ?? "（未发送）"}", ""));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            document.PackageProperties.Title = $"{Title(c)} 第{c.Number}期";
            document.PackageProperties.Creator = c.Issuer;
        }
        return stream.ToArray();
    }

    /// <summary>The three lists and the decisions as a workbook, one sheet each, every row naming its project.</summary>
    public static async Task<byte[]> WorkbookAsync(BulletinContent c, CancellationToken ct = default)
    {
        var m = c.Meeting;
        var heading = $"{m.Title}（{m.Date:yyyy-MM-dd}）· 截至会议日期{(c.Draft ? " · 草稿" : $" · 第 {c.Number} 期")}";
        using var stream = new MemoryStream();
        await ExcelWriter.WriteAsync(stream, ct,
            new ExcelWriter.Sheet("序时进度清单", ["序号", "项目", "节点", "阶段", "计划日期", "实际日期", "剩余天数"],
                m.Items.SelectMany(i => i.Lists.Milestones.Select(l => new object?[] { i.Position, i.ProjectName, l.Title, l.Phase, l.PlannedDate, l.ActualDate, l.DaysLeft })),
                heading + " · 剩余天数为负即逾期"),
            new ExcelWriter.Sheet("投资目标清单", ["序号", "项目", "年度", "年度计划投资（亿元）", "已完成投资（亿元）", "完成率（%）", "较序时进度（个百分点）"],
                m.Items.Select(i => new object?[] { i.Position, i.ProjectName, i.Lists.Investment.Year, i.Lists.Investment.PlannedYuan / YuanPerYi,
                    i.Lists.Investment.CompletedYuan / YuanPerYi, Round(i.Lists.Investment.OfPlanPercent), Round(i.Lists.Investment.AgainstSchedulePoints) }),
                heading + " · 完成投资为当年 1 月至会议所在月"),
            new ExcelWriter.Sheet("项目问题清单", ["序号", "项目", "问题", "类别", "责任单位", "已历天数", "办结时限", "是否逾期"],
                m.Items.SelectMany(i => i.Lists.Issues.Select(x => new object?[] { i.Position, i.ProjectName, x.Title, x.Category, x.Department, x.AgeDays, x.DueOn, x.Overdue ? "逾期" : "" })),
                heading + " · 会议日期未解决的问题"),
            new ExcelWriter.Sheet("会议决定", ["序号", "项目", "决定事项", "责任单位", "完成时限", "生成项目问题"],
                m.Items.SelectMany(i => i.Decisions.Select(d => new object?[] { i.Position, i.ProjectName, d.Text, d.ResponsibleDepartment, d.DueOn, d.ProjectIssueId is null ? "" : "是" })),
                heading));
        return stream.ToArray();
    }

    public static string InvestmentText(InvestmentLineDto v) => v.PlannedYuan is { } planned
        ? $"{v.Year} 年计划投资 {Yi(planned)} 亿元，已完成 {Yi(v.CompletedYuan)} 亿元，完成率 {Percent(v.OfPlanPercent)}"
            + (v.AgainstSchedulePoints is { } points ? $"，较序时进度 {(points >= 0 ? "+" : "")}{points.ToString("0.0", Invariant)} 个百分点。" : "。")
        : $"{v.Year} 年无计划投资，已完成 {Yi(v.CompletedYuan)} 亿元。";

    private static string DecisionText(MeetingDecisionDto d) =>
        d.Text + (d.ResponsibleDepartment is { } unit ? $"（责任单位：{unit}" : "（")
        + (d.DueOn is { } due ? $"{(d.ResponsibleDepartment is null ? "" : "；")}完成时限：{due:yyyy年M月d日}）" : d.ResponsibleDepartment is null ? "" : "）")
        + (d.ProjectIssueId is null ? "" : "，已列入项目问题跟踪");

    private static string Progress(MilestoneLineDto l) => l.DaysLeft switch
    {
        null => "已完成",
        < 0 => $"逾期 {-l.DaysLeft} 天",
        _ => $"剩余 {l.DaysLeft} 天",
    };

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 1) : null;
    private static string Yi(decimal yuan) => (yuan / YuanPerYi).ToString("#,0.00", Invariant);
    private static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", Invariant) + "%" : "—";
    private static string Number(int position) => position <= 10 ? ChineseNumbers[position - 1] : position.ToString(Invariant);

    private enum Font { Title, Heading, Body }

    private static string FontName(Font font) => font switch
    {
        Font.Title => "方正小标宋简体",
        Font.Heading => "黑体",
        _ => "仿宋",
    };

    private static Paragraph Heading(string text) => Line(text, Font.Heading, 16);

    private static Paragraph Line(string text, Font font, int points, bool bold = false, bool center = false, bool indent = false, string? color = null)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = "60", After = "60", Line = "400", LineRule = LineSpacingRuleValues.Auto });
        if (center)
            properties.Append(new Justification { Val = JustificationValues.Center });
        if (indent)
            properties.Append(new Indentation { FirstLineChars = 200 });
        return new Paragraph(properties, TextRun(text, font, points, bold, color));
    }

    private static Run TextRun(string text, Font font, int points, bool bold = false, string? color = null)
    {
        var run = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = FontName(font) });
        if (bold)
            run.Append(new Bold());
        if (color is not null)
            run.Append(new Color { Val = color });
        run.Append(new FontSize { Val = (points * 2).ToString(Invariant) });
        return new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>The issuer on the left and the date on the right, above the masthead's red rule.</summary>
    private static Paragraph RuledLine(string left, string right) => new(
        new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Color = "C00000", Space = 1U }),
            new Tabs(new TabStop { Val = TabStopValues.Right, Position = 8844 }),
            new SpacingBetweenLines { Before = "120", After = "240" }),
        TextRun(left, Font.Body, 14), new Run(new TabChar()), TextRun(right, Font.Body, 14));

    private static Table Table(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U }, new BottomBorder { Val = BorderValues.Single, Size = 4U },
            new LeftBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var table = new Table(new TableProperties(border, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        table.Append(Row(headers, header: true));
        foreach (var row in rows)
            table.Append(Row(row, header: false));
        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header) =>
        new([.. cells.Select(text => new TableCell(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20" }, new Justification { Val = header ? JustificationValues.Center : JustificationValues.Left }),
            TextRun(text, header ? Font.Heading : Font.Body, 10, bold: header))))]);
}
