using System.Globalization;
using System.Text.Json;
using InvestmentCrm.Figures;
using InvestmentCrm.Targets;

namespace InvestmentCrm.Web.Figures;

/// <summary>How figures read on screen (亿元 with two decimals, rates with one, "—" for what cannot be computed) and where they link to.</summary>
public static class FigureFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Value(FigureDto figure) => figure.Value is { } value ? Number(figure.Figure, value) : "—";

    public static string Target(FigureDto figure) => figure.Target is { } target ? Number(figure.Figure, target) + " " + figure.Unit : "未设置";

    public static string Number(Figure figure, decimal value) => figure switch
    {
        Figure.DomesticFunds => value.ToString("#,0.00", Invariant),
        Figure.ForeignFunds => value.ToString("#,0.##", Invariant),
        _ when figure.IsRate() => value.ToString("0.0", Invariant),
        _ => value.ToString("#,0.##", Invariant),
    };

    /// <summary>A number of projects: whole for 全区 and departments, with the fraction a person's weight gives (0.5 个).</summary>
    public static string Count(decimal value) => value.ToString("#,0.####", Invariant);

    public static string Yi(decimal value) => value.ToString("#,0.00", Invariant);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", Invariant) + "%" : "—";

    /// <summary>超/欠进度 in percentage points.</summary>
    public static string Points(decimal? value) => value switch
    {
        null => "—",
        >= 0 => "超 " + value.Value.ToString("0.0", Invariant) + " 个百分点",
        _ => "欠 " + (-value.Value).ToString("0.0", Invariant) + " 个百分点",
    };

    public static string LightClass(ScheduleLight? light) => light switch
    {
        ScheduleLight.Green => "text-bg-success",
        ScheduleLight.Yellow => "text-bg-warning",
        ScheduleLight.Red => "text-bg-danger",
        _ => "text-bg-light border",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>The drill-down page of a figure for the same scope, period and as-of date.</summary>
    public static string RecordsHref(Figure figure, FigureScope scope, FigurePeriod period, DateOnly asOf)
    {
        var query = new List<string> { $"figure={figure}", $"asOf={Date(asOf)}" };
        query.AddRange(PeriodQuery(period));
        if (scope.DepartmentId is { } department) query.Add($"department={department}");
        if (scope.UserId is { } user) query.Add($"user={user}");
        return "figures/records?" + string.Join("&", query);
    }

    public static IEnumerable<string> PeriodQuery(FigurePeriod period) => period switch
    {
        { CampaignId: { } campaign } => [$"campaign={campaign}"],
        { Kind: PeriodKind.FiveYearPlan } => [$"plan={period.Start.Year}"],
        { Kind: PeriodKind.Year } when period.Start.Month == 1 && period.Start.Day == 1 && period.End == new DateOnly(period.Start.Year, 12, 31) => [$"year={period.Start.Year}"],
        _ => [$"from={Date(period.Start)}", $"to={Date(period.End)}"],
    };

    /// <summary>An ECharts option as JSON for a data-chart attribute (site.js draws it; the page also shows the table).</summary>
    public static string Chart(object option) => JsonSerializer.Serialize(option, ChartJson);

    // The JSON goes into an HTML attribute, which Razor encodes; Chinese stays readable.
    private static readonly JsonSerializerOptions ChartJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>The total row of a drill-down: what all its records (every page) add up to, which is the figure itself.</summary>
public static class FigureRecordsTotals
{
    public static string AmountTotal(FigureRecordsDto records)
    {
        var summary = records.Summary;
        var own = records.Scope.Kind == FigureScopeKind.Person ? "本人所得 " : "";
        return records.Figure switch
        {
            Figure.DomesticFunds or Figure.ForeignFunds => summary.Value is { } value ? $"{own}{FigureFormat.Number(records.Figure, value)} {summary.Unit}" : "—",
            Figure.DomesticArrivalRate => summary.Numerator is { } yuan ? $"{own}已到位 {InvestmentCrm.Common.Money.Yuan(yuan).ToDisplay()}" : "—",
            Figure.ForeignArrivalRate => summary.Numerator is { } dollars ? $"{own}已到位 折合 {InvestmentCrm.Common.Money.Dollars(dollars).ToDisplay()}" : "—",
            _ => "",
        };
    }

    public static string NumeratorTotal(FigureRecordsDto records) =>
        records.Figure == Figure.FulfilmentRate && records.Summary.Numerator is { } fulfilled
            ? $"{FigureFormat.Count(fulfilled)} / {FigureFormat.Count(records.Summary.Denominator ?? 0)} 个"
            : "";
}
