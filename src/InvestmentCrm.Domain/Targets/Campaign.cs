using InvestmentCrm.Common;

namespace InvestmentCrm.Targets;

/// <summary>攻坚行动 — a campaign with its own period and targets (e.g. 储备 130 / 签约 60 / 战略投资者 1).</summary>
public class Campaign : AggregateRoot
{
    private Campaign() { Name = ""; }

    public Campaign(string name, DateOnly start, DateOnly end)
    {
        Name = "";
        Update(name, start, end);
    }

    public void Update(string name, DateOnly start, DateOnly end)
    {
        if (end < start) throw new DomainException("攻坚行动的结束日期不能早于开始日期。");
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("攻坚行动名称不能为空。") : name.Trim();
        (Start, End) = (start, end);
    }

    public string Name { get; private set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
}
