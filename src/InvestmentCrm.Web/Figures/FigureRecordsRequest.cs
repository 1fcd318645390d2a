using System.Security.Claims;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Organization;
using InvestmentCrm.Targets;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Figures;

/// <summary>
/// What a drill-down address asks for (figure, scope, period, 统计日, page), read the one way for the page and its Excel
/// export; refusals are Chinese <see cref="DomainException"/>s and a figure the reader may not see is 403.
/// </summary>
public sealed record FigureRecordsRequest(Figure Figure, FigureScope Scope, FigurePeriod Period, DateOnly? AsOf, int Page)
{
    public static async Task<FigureRecordsRequest> ParseAsync(IQueryCollection query, ClaimsPrincipal reader, TargetAppService targets, FiguresEngine engine)
    {
        string? Text(string name) => query[name].FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;

        if (!Enum.TryParse<Figure>(Text("figure"), out var figure) || !Enum.IsDefined(figure))
            throw new DomainException("请选择要查看的指标。");
        DateOnly? asOf = null;
        if (Text("asOf") is { } asOfText)
            asOf = DateInputs.TryParse(asOfText, out var parsed) ? parsed : throw new DomainException($"统计日期“{asOfText}”无效。");
        var period = await PeriodAsync(Text, targets, engine);
        Guid? department = null;
        if (Text("department") is { } departmentText)
            department = Guid.TryParse(departmentText, out var id) ? id : throw new DomainException("部门无效。");
        var scope = department is { } d ? FigureScope.Department(d) : FigureScope.District;
        if (Text("user") is { } userText)
            scope = Guid.TryParse(userText, out var user) ? FigureScope.Person(user, department) : throw new DomainException("人员无效。");

        // 全区/部门 figures are for those who may read the cockpit; anyone may read their own.
        var own = scope.Kind == FigureScopeKind.Person && reader.FindFirstValue(ClaimTypes.NameIdentifier) == scope.UserId.ToString();
        if (!CanSeeCockpit(reader) && !own)
            throw new UnauthorizedAccessException("您没有查看该指标明细的权限。");
        var page = int.TryParse(Text("page"), out var number) ? number : 1;
        return new FigureRecordsRequest(figure, scope, period, asOf, page);
    }

    public static bool CanSeeCockpit(ClaimsPrincipal reader) => reader.HasClaim(Permissions.ClaimType, Permissions.Targets.View);

    private static async Task<FigurePeriod> PeriodAsync(Func<string, string?> text, TargetAppService targets, FiguresEngine engine)
    {
        if (text("campaign") is { } campaign)
            return await targets.PeriodAsync(PeriodKind.Campaign, null, Guid.TryParse(campaign, out var id) ? id : throw new DomainException("攻坚行动无效。"));
        if (text("plan") is { } plan)
            return await targets.PeriodAsync(PeriodKind.FiveYearPlan, int.TryParse(plan, out var first) ? first : throw new DomainException("五年规划起始年份无效。"), null);
        if (text("from") is not null || text("to") is not null)
        {
            if (!DateInputs.TryParse(text("from"), out var from) || !DateInputs.TryParse(text("to"), out var to) || to < from)
                throw new DomainException("统计区间无效。");
            return new FigurePeriod(PeriodKind.Year, from, to, from.Month == to.Month && from.Year == to.Year ? $"{from.Year}年{from.Month}月" : $"{FigureFormat.Date(from)} 至 {FigureFormat.Date(to)}");
        }
        var yearText = text("year");
        var year = yearText is null ? engine.Today.Year : int.TryParse(yearText, out var y) ? y : throw new DomainException($"年度“{yearText}”无效。");
        return await targets.PeriodAsync(PeriodKind.Year, year, null);
    }
}
