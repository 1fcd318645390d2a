using InvestmentCrm.Web.Shared;
using InvestmentCrm.Common;

namespace InvestmentCrm.Web.Figures;

/// <summary>Year and as-of date from the query string; bad values fall back to today with a message saying so.</summary>
public static class FigureQuery
{
    public static (int? Year, DateOnly? AsOf, string? Problem) Parse(string? year, string? asOf)
    {
        var problems = new List<string>();
        int? parsedYear = null;
        DateOnly? parsedDate = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, out var y) && y is >= BusinessDates.FirstYear and <= BusinessDates.LastYear) parsedYear = y;
            else problems.Add($"年度“{year}”无效，已按统计日所在年度显示");
        }
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (DateInputs.ParseBusinessDate(asOf) is { } d) parsedDate = d;
            else problems.Add($"统计日期“{asOf}”无效，已按今天统计");
        }
        return (parsedYear, parsedDate, problems.Count == 0 ? null : string.Join("；", problems) + "。");
    }
}
