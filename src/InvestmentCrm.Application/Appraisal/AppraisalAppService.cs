using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Appraisal;

/// <summary>
/// 年度考核 (issue 7): versioned rule sets (考核口径), runs that score every department and person from the credit
/// ledger and the figures engine, frozen year-end results, the diff of a later run against the frozen one, and
/// 我的贡献. Who may do what is enforced by the pages and endpoints (考核员 manage; the reader's data scope and
/// <c>mayReadOthers</c> decide whose scores are shown).
/// </summary>
public sealed partial class AppraisalAppService(ICrmDbContext db, DataScope scope, ICurrentUser currentUser, TimeProvider clock, FiguresEngine figures)
{
    public DateOnly Today => clock.Today();

    private Guid Me => currentUser.UserId ?? throw new DomainException("请先登录。");

    // ---------------------------------------------------------------- rule sets

    public async Task<List<RuleSetSummaryDto>> ListRuleSetsAsync(CancellationToken ct = default) =>
        (await db.AppraisalRuleSets.AsNoTracking()
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Version)
            .Select(r => new { r.Id, r.Year, r.Version, r.Name, r.Status, r.PublishedAt, Items = r.Items.Count })
            .ToListAsync(ct))
        .Select(r => new RuleSetSummaryDto(r.Id, r.Year, r.Version, r.Name, r.Status, r.PublishedAt, r.Items))
        .ToList();

    public async Task<RuleSetDto> GetRuleSetAsync(Guid id, CancellationToken ct = default) => ToDto(await RuleSetAsync(id, tracked: false, ct));

    /// <summary>A new draft for a year (version 1, or the next number when the year has versions).</summary>
    public async Task<Guid> CreateRuleSetAsync(int year, string name, CancellationToken ct = default)
    {
        if (await db.AppraisalRuleSets.AnyAsync(r => r.Year == year && r.Status == RuleSetStatus.Draft, ct))
            throw new DomainException($"{year} 年已有一份考核口径草稿，请先完成或删除它。");
        var version = (await db.AppraisalRuleSets.Where(r => r.Year == year).MaxAsync(r => (int?)r.Version, ct) ?? 0) + 1;
        var ruleSet = new AppraisalRuleSet(year, name, version);
        db.AppraisalRuleSets.Add(ruleSet);
        await db.SaveChangesAsync(ct);
        return ruleSet.Id;
    }

    /// <summary>A draft copy of a published (or superseded) rule set — the way to change published rules.</summary>
    public async Task<Guid> NewVersionAsync(Guid id, CancellationToken ct = default)
    {
        var source = await RuleSetAsync(id, tracked: false, ct);
        if (await db.AppraisalRuleSets.AnyAsync(r => r.Year == source.Year && r.Status == RuleSetStatus.Draft, ct))
            throw new DomainException($"{source.Year} 年已有一份考核口径草稿，请在草稿上修改。");
        var version = await db.AppraisalRuleSets.Where(r => r.Year == source.Year).MaxAsync(r => r.Version, ct) + 1;
        var copy = source.NewVersion(version);
        db.AppraisalRuleSets.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy.Id;
    }

    public Task RenameRuleSetAsync(Guid id, string name, CancellationToken ct = default) => EditAsync(id, r => r.Rename(name), ct);

    public Task SetExclusionsAsync(Guid id, string? industries, bool governmentInvestment, decimal? minimumProjectYi, string? localOrigin, CancellationToken ct = default) =>
        EditAsync(id, r => r.SetExclusions(industries, governmentInvestment, minimumProjectYi, localOrigin), ct);

    public async Task<Guid> AddItemAsync(Guid id, AppraisalItemSpec spec, CancellationToken ct = default)
    {
        var ruleSet = await RuleSetAsync(id, tracked: true, ct);
        var item = ruleSet.AddItem(spec);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public Task UpdateItemAsync(Guid id, Guid itemId, AppraisalItemSpec spec, CancellationToken ct = default) => EditAsync(id, r => r.UpdateItem(itemId, spec), ct);

    public Task RemoveItemAsync(Guid id, Guid itemId, CancellationToken ct = default) => EditAsync(id, r => r.RemoveItem(itemId), ct);

    /// <summary>Deletes a draft (a published rule set is history and stays).</summary>
    public async Task DeleteDraftAsync(Guid id, CancellationToken ct = default)
    {
        var ruleSet = await RuleSetAsync(id, tracked: true, ct);
        if (!ruleSet.IsEditable) throw new DomainException("已发布的考核口径不能删除。");
        db.AppraisalRuleSets.Remove(ruleSet);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Publishes a draft; the year's previously published version is superseded in the same save.</summary>
    public async Task PublishAsync(Guid id, CancellationToken ct = default)
    {
        var ruleSet = await RuleSetAsync(id, tracked: true, ct);
        ruleSet.Publish(Me, clock.UtcNow());
        foreach (var previous in await db.AppraisalRuleSets.Where(r => r.Year == ruleSet.Year && r.Status == RuleSetStatus.Published && r.Id != id).ToListAsync(ct))
            previous.Supersede();
        await db.SaveChangesAsync(ct);
    }

    private async Task EditAsync(Guid id, Action<AppraisalRuleSet> edit, CancellationToken ct)
    {
        var ruleSet = await RuleSetAsync(id, tracked: true, ct);
        edit(ruleSet);
        await db.SaveChangesAsync(ct);
    }

    private async Task<AppraisalRuleSet> RuleSetAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.AppraisalRuleSets.Include(r => r.Items).AsQueryable();
        if (!tracked)
            query = query.AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("考核口径不存在。");
    }

    private static RuleSetDto ToDto(AppraisalRuleSet r) =>
        new(r.Id, r.Year, r.Version, r.Name, r.Status, r.IsEditable, r.PublishedAt, r.ExcludedIndustries, r.ExcludeGovernmentInvestment,
            r.MinimumProjectYi, r.LocalOrigin,
            r.Items.OrderBy(i => i.Subject).ThenBy(i => i.SortOrder)
                .Select(i => new AppraisalItemDto(i.Id, i.Subject, i.Name, i.Metric, i.Kind, i.Points,
                    i.ToSpec(), Describe(i)))
                .ToList());

    /// <summary>The item's rule in words, as printed in the published 考核口径.</summary>
    public static string Describe(AppraisalItem item) => item.Kind switch
    {
        AppraisalItemKind.Score => (item.Function == ScoringFunction.Threshold
                ? $"完成率达到 {item.ThresholdPercent:0.##}% 得 {item.Points:0.##} 分，否则 0 分"
                : $"{item.Points:0.##} 分 × 完成率，封顶 {item.CapPercent:0.##}%" + (item.FloorPercent is { } floor ? $"，低于 {floor:0.##}% 不得分" : ""))
            + (item.FixedTarget is { } target ? $"；目标 {target:0.##}（考核口径规定）" : "；目标取当年指标"),
        AppraisalItemKind.Bonus => $"每个加 {item.Points:0.##} 分" + (item.MaxPoints is { } max ? $"，最多加 {max:0.##} 分" : "")
            + (item.Parameter is { } yi ? $"；门槛 {yi:0.##} 亿元" : ""),
        _ => $"每个扣 {item.Points:0.##} 分" + (item.MaxPoints is { } most ? $"，最多扣 {most:0.##} 分" : ""),
    };
}
