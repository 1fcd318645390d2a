using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Figures;

/// <summary>The department tree, loaded once per computation (tens of rows): names, subtrees and children for roll-ups.</summary>
internal sealed class OrganisationChart
{
    private readonly Dictionary<Guid, Node> _nodes;
    private readonly ILookup<Guid?, Node> _children;

    internal sealed record Node(Guid Id, Guid? ParentId, string Name, int SortOrder, bool IsActive);

    private OrganisationChart(List<Node> nodes)
    {
        _nodes = nodes.ToDictionary(n => n.Id);
        _children = nodes.OrderBy(n => n.SortOrder).ThenBy(n => n.Name).ToLookup(n => n.ParentId);
    }

    public static async Task<OrganisationChart> LoadAsync(ICrmDbContext db, CancellationToken ct) =>
        new(await db.Departments.AsNoTracking().Select(d => new Node(d.Id, d.ParentId, d.Name, d.SortOrder, d.IsActive)).ToListAsync(ct));

    public string? NameOf(Guid? id) => id is { } key && _nodes.TryGetValue(key, out var node) ? node.Name : null;

    /// <summary>The root department's name (e.g. 南关区人民政府), shown as “全区”.</summary>
    public string DistrictName => _children[null].FirstOrDefault()?.Name is { } root ? $"全区（{root}）" : "全区";

    public IEnumerable<Node> Roots => _children[null];

    public IEnumerable<Node> ChildrenOf(Guid? id) => _children[id];

    /// <summary>The department and every unit above it, short of the district itself (the root).</summary>
    public IEnumerable<Guid> UnitAndAncestorsBelowRoot(Guid department)
    {
        for (var node = _nodes.GetValueOrDefault(department); node?.ParentId is { } parent; node = _nodes.GetValueOrDefault(parent))
            yield return node.Id;
    }

    /// <summary>The department and all below it.</summary>
    public List<Guid> Subtree(Guid root)
    {
        var result = new List<Guid> { root };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(_children[result[i]].Select(c => c.Id));
        return result;
    }
}
