using System.Globalization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Targets;

/// <summary>
/// 指标管理: targets per period (year, five-year plan, campaign) and scope, decomposed district → departments →
/// people; campaigns; monthly/yearly exchange rates; and each year's 口径 (key-project threshold, 履约 rule,
/// 到位率 window, light thresholds). Who may change them is checked by the host (Targets.Manage).
/// </summary>
public sealed class TargetAppService(ICrmDbContext db)
{
    /// <summary>A period from its kind and key: the year, the plan's first year, or the campaign.</summary>
    public async Task<FigurePeriod> PeriodAsync(PeriodKind kind, int? year, Guid? campaignId, CancellationToken ct = default)
    {
        switch (kind)
        {
            case PeriodKind.Campaign:
                var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
                    ?? throw new NotFoundException("攻坚行动不存在。");
                return new FigurePeriod(PeriodKind.Campaign, campaign.Start, campaign.End, campaign.Name, campaign.Id);
            case PeriodKind.FiveYearPlan:
                return FigurePeriod.FiveYearPlan(year ?? throw new DomainException("请填写五年规划的起始年份。"));
            default:
                var y = year ?? throw new DomainException("请填写年份。");
                if (y is < 2000 or > 2100) throw new DomainException("年份无效。");
                return FigurePeriod.Year(y);
        }
    }

    public async Task<TargetTreeDto> GetTreeAsync(FigurePeriod period, CancellationToken ct = default)
    {
        var targets = await ForPeriod(period).AsNoTracking().ToListAsync(ct);
        var departmentIds = targets.Where(t => t.DepartmentId != null).Select(t => t.DepartmentId!.Value).Distinct().ToList();
        var userIds = targets.Where(t => t.UserId != null).Select(t => t.UserId!.Value).Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var districtName = await db.Departments.Where(d => d.ParentId == null).OrderBy(d => d.SortOrder).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "全区";

        var ids = targets.Select(t => t.Id).ToHashSet();
        var children = targets.Where(t => t.ParentTargetId is { } parent && ids.Contains(parent)).ToLookup(t => t.ParentTargetId!.Value);
        var nodes = new List<TargetNodeDto>();

        void Visit(Target target, int depth)
        {
            var kids = children[target.Id].OrderBy(t => t.Scope).ThenByDescending(t => t.Value).ToList();
            decimal? sum = kids.Count == 0 ? null : kids.Sum(k => k.Value);
            var owner = target.Scope switch
            {
                TargetScope.Department => departments.GetValueOrDefault(target.DepartmentId ?? Guid.Empty, "（部门已删除）"),
                TargetScope.Person => users.GetValueOrDefault(target.UserId ?? Guid.Empty, "（人员已删除）"),
                _ => districtName,
            };
            nodes.Add(new TargetNodeDto(target.Id, target.Metric, target.Metric.ToDisplay(), target.Scope, target.Scope.ToDisplay(), owner,
                target.DepartmentId, target.UserId, target.Value, target.Unit, depth, sum, sum is null ? null : target.Value - sum, kids.Count > 0));
            foreach (var kid in kids)
                Visit(kid, depth + 1);
        }

        foreach (var root in targets.Where(t => t.ParentTargetId is null || !ids.Contains(t.ParentTargetId.Value))
                     .OrderBy(t => t.Metric).ThenBy(t => t.Scope))
            Visit(root, 0);
        return new TargetTreeDto(period, nodes);
    }

    private IQueryable<Target> ForPeriod(FigurePeriod period) => db.Targets.ForPeriod(period);

    public async Task<Guid> CreateAsync(FigurePeriod period, TargetInput input, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(input.Metric)) throw new DomainException("请选择指标。");
        if (input.Value < 0) throw new DomainException("指标值不能为负数。");
        if (input.Metric is MetricCode.FulfilmentRate or MetricCode.ArrivalRate && input.Value > 100)
            throw new DomainException("比率类指标不能超过 100%。");
        switch (input.Scope)
        {
            case TargetScope.District when input.DepartmentId is not null || input.UserId is not null:
                throw new DomainException("全区指标不能指定部门或人员。");
            case TargetScope.Department when input.DepartmentId is null || !await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, ct):
                throw new DomainException("请选择部门。");
            case TargetScope.Person when input.UserId is null || !await db.Users.AnyAsync(u => u.Id == input.UserId, ct):
                throw new DomainException("请选择人员。");
            case not (TargetScope.District or TargetScope.Department or TargetScope.Person):
                throw new DomainException("请选择指标范围。");
        }

        var existing = ForPeriod(period).Where(t => t.Metric == input.Metric && t.Scope == input.Scope);
        existing = input.Scope switch
        {
            TargetScope.Department => existing.Where(t => t.DepartmentId == input.DepartmentId),
            TargetScope.Person => existing.Where(t => t.UserId == input.UserId),
            _ => existing,
        };
        if (await existing.AnyAsync(ct))
            throw new DomainException($"{period.Label}已有该{input.Scope.ToDisplay()}的“{input.Metric.ToDisplay()}”指标，请直接修改。");

        if (input.ParentTargetId is { } parentId)
        {
            var parent = await ForPeriod(period).FirstOrDefaultAsync(t => t.Id == parentId, ct)
                ?? throw new DomainException("上级指标不存在或不属于同一期间。");
            if (parent.Metric != input.Metric)
                throw new DomainException("上级指标必须是同一项指标。");
            if (parent.Scope == TargetScope.Person || (parent.Scope == TargetScope.Department && input.Scope == TargetScope.District) || input.Scope == TargetScope.District)
                throw new DomainException("指标只能自上而下分解：全区 → 部门 → 人员。");
        }
        else if (input.Scope != TargetScope.District && await ForPeriod(period).AnyAsync(t => t.Metric == input.Metric && t.Scope == TargetScope.District, ct))
        {
            throw new DomainException("已有全区指标时，部门和个人指标须选择上级指标（分解关系）。");
        }

        var target = new Target(input.Metric, period.Kind, period.Start, period.End, input.Scope, input.Value, input.Metric.UnitOf())
        {
            DepartmentId = input.Scope == TargetScope.Department ? input.DepartmentId : null,
            UserId = input.Scope == TargetScope.Person ? input.UserId : null,
            CampaignId = period.CampaignId,
            ParentTargetId = input.ParentTargetId,
        };
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return target.Id;
    }

    public async Task<bool> SetValueAsync(Guid id, decimal value, CancellationToken ct = default)
    {
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return false;
        if (target.Metric is MetricCode.FulfilmentRate or MetricCode.ArrivalRate && value > 100)
            throw new DomainException("比率类指标不能超过 100%。");
        target.SetValue(value);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return false;
        if (await db.Targets.AnyAsync(t => t.ParentTargetId == id, ct))
            throw new DomainException("该指标已分解到下级，请先删除下级指标。");
        db.Targets.Remove(target);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The tree as a workbook: one row per target, indented by level, with Σ children and the gap as numbers.</summary>
    public async Task ExportTreeAsync(FigurePeriod period, Stream output, CancellationToken ct = default)
    {
        var tree = await GetTreeAsync(period, ct);
        var rows = tree.Nodes.Select(n => new object?[]
        {
            n.MetricName, n.ScopeName, new string('　', n.Depth * 2) + n.Owner, n.Value, n.Unit, n.ChildrenSum, n.Gap,
        });
        await ExcelWriter.WriteAsync(output, ct, new ExcelWriter.Sheet("指标分解",
            ["指标", "范围", "责任单位/人", $"指标值（{period.Label}）", "单位", "下级合计", "差额（指标−下级合计）"], rows,
            Title: $"指标分解 · {period.Label}　单位见各行（内资亿元、外资万美元、率为%）；差额 = 指标值 − 下级合计，下级不必恰好合计为上级"));
    }

    // ---------------------------------------------------------------- campaigns

    public async Task<List<CampaignDto>> ListCampaignsAsync(CancellationToken ct = default)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Start).ToListAsync(ct);
        var ids = campaigns.Select(c => (Guid?)c.Id).ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => ids.Contains(t.CampaignId) && t.Scope == TargetScope.District)
            .Select(t => new { t.CampaignId, t.Metric, t.Value }).ToListAsync(ct);
        decimal? Of(Guid id, MetricCode metric) => targets.FirstOrDefault(t => t.CampaignId == id && t.Metric == metric)?.Value;
        return campaigns.Select(c => new CampaignDto(c.Id, c.Name, c.Start, c.End,
            Of(c.Id, MetricCode.ReserveCount), Of(c.Id, MetricCode.SignedCount), Of(c.Id, MetricCode.StrategicInvestorCount))).ToList();
    }

    /// <summary>Creates or updates a campaign with its district targets (储备 / 签约 / 战略投资者); a blank target is removed.</summary>
    public async Task<Guid> SaveCampaignAsync(Guid? id, CampaignInput input, CancellationToken ct = default)
    {
        foreach (var value in new[] { input.ReserveTarget, input.SignedTarget, input.StrategicTarget })
            if (value is < 0) throw new DomainException("目标值不能为负数。");
        Campaign campaign;
        if (id is { } existingId)
        {
            campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == existingId, ct) ?? throw new NotFoundException("攻坚行动不存在。");
            campaign.Update(input.Name, input.Start, input.End);
        }
        else
        {
            campaign = new Campaign(input.Name, input.Start, input.End);
            db.Campaigns.Add(campaign);
        }
        if (await db.Campaigns.AnyAsync(c => c.Id != campaign.Id && c.Name == campaign.Name, ct))
            throw new DomainException($"已有名为“{campaign.Name}”的攻坚行动。");

        var targets = await db.Targets.Where(t => t.CampaignId == campaign.Id).ToListAsync(ct);
        foreach (var target in targets)
            target.SetPeriod(campaign.Start, campaign.End);
        foreach (var (metric, value) in new[] { (MetricCode.ReserveCount, input.ReserveTarget), (MetricCode.SignedCount, input.SignedTarget), (MetricCode.StrategicInvestorCount, input.StrategicTarget) })
        {
            var target = targets.FirstOrDefault(t => t.Metric == metric && t.Scope == TargetScope.District);
            if (value is { } v && target is not null)
                target.SetValue(v);
            else if (value is { } newValue)
                db.Targets.Add(new Target(metric, PeriodKind.Campaign, campaign.Start, campaign.End, TargetScope.District, newValue, metric.UnitOf()) { CampaignId = campaign.Id });
            else if (target is not null && !targets.Any(t => t.ParentTargetId == target.Id))
                db.Targets.Remove(target);
        }
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    // ---------------------------------------------------------------- exchange rates

    public Task<List<ExchangeRateDto>> ListRatesAsync(int? year, CancellationToken ct = default) =>
        db.ExchangeRates.AsNoTracking()
            .Where(r => year == null || r.Year == year)
            .OrderByDescending(r => r.Year).ThenBy(r => r.Currency).ThenBy(r => r.Month)
            .Select(r => new ExchangeRateDto(r.Id, r.Year, r.Month, r.Currency, r.ToCny, r.ToUsd))
            .ToListAsync(ct);

    /// <summary>Adds the rate, or replaces the one for the same year, month and currency.</summary>
    public async Task SaveRateAsync(ExchangeRateInput input, CancellationToken ct = default)
    {
        var currency = (input.Currency ?? "").Trim().ToUpperInvariant();
        if (!Currencies.IsKnown(currency) || currency == Money.Cny)
            throw new DomainException($"币种“{input.Currency}”无效（人民币不需要汇率）。");
        if (input.Year is < 2000 or > 2100) throw new DomainException("年份无效。");
        var toUsd = currency == Money.Usd ? 1m : input.ToUsd;
        var rate = new ExchangeRate(input.Year, input.Month, currency, input.ToCny, toUsd);
        var existing = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Year == input.Year && r.Month == input.Month && r.Currency == currency, ct);
        if (existing is not null)
            db.ExchangeRates.Remove(existing);
        db.ExchangeRates.Add(rate);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> DeleteRateAsync(Guid id, CancellationToken ct = default)
    {
        var rate = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rate is null) return false;
        db.ExchangeRates.Remove(rate);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---------------------------------------------------------------- 年度口径

    public async Task<FigureRules> GetRulesAsync(int year, CancellationToken ct = default) =>
        await db.FigureRules.AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct) ?? FigureRules.DefaultFor(year);

    public async Task SaveRulesAsync(FigureRulesInput input, CancellationToken ct = default)
    {
        var rules = await db.FigureRules.FirstOrDefaultAsync(r => r.Year == input.Year, ct);
        if (rules is null)
        {
            rules = new FigureRules(input.Year);
            db.FigureRules.Add(rules);
        }
        rules.SetKeyProjectThreshold(input.KeyProjectThresholdWanYuan * 10_000m);
        rules.SetFulfilmentRule(input.FulfilmentRequiresLanding, input.FulfilmentByVerifiedFunds, input.FulfilmentByConstructionStart, input.FulfilmentByMoveIn);
        rules.SetArrivalWindow(input.ArrivalWindow);
        rules.SetLightThresholds(input.GreenFromPoints, input.YellowFromPoints);
        await db.SaveChangesAsync(ct);
    }

    public static string Describe(FigureRules rules) => string.Create(CultureInfo.InvariantCulture,
        $"重点项目门槛 {rules.KeyProjectThresholdYuan / 10_000m:0.##} 万元；履约：{rules.DescribeFulfilment()}；到位率：{rules.ArrivalWindow.ToDisplay()}；绿灯 ≥ {rules.GreenFromPoints:0.##}，黄灯 ≥ {rules.YellowFromPoints:0.##} 个百分点");
}

public static class TargetQueries
{
    /// <summary>The targets of a period: a campaign's by the campaign, a year's or a plan's by kind and exact dates.</summary>
    public static IQueryable<Target> ForPeriod(this IQueryable<Target> targets, FigurePeriod period) =>
        period.CampaignId is { } campaignId
            ? targets.Where(t => t.CampaignId == campaignId)
            : targets.Where(t => t.PeriodKind == period.Kind && t.PeriodStart == period.Start && t.PeriodEnd == period.End && t.CampaignId == null);
}
