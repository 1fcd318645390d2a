namespace InvestmentCrm.Organization;

/// <summary>
/// The department tree (tens of rows, loaded whole): names, subtrees, ancestors and children. The one place a subtree
/// (本部门及以下, a department's figures) or a roll-up to ancestors is worked out.
/// </summary>
public sealed class DepartmentTree
{
    private readonly Dictionary<Guid, Node> _nodes;
    private readonly ILookup<Guid?, Node> _children;

    public sealed record Node(Guid Id, Guid? ParentId, string Name, int SortOrder, bool IsActive);

    public DepartmentTree(IEnumerable<Node> nodes)
    {
        var list = nodes.ToList();
        _nodes = list.ToDictionary(n => n.Id);
        _children = list.OrderBy(n => n.SortOrder).ThenBy(n => n.Name).ToLookup(n => n.ParentId);
    }

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

    /// <summary>The department and all below it, breadth first.</summary>
    public List<Guid> Subtree(Guid root)
    {
        var result = new List<Guid> { root };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(_children[result[i]].Select(c => c.Id));
        return result;
    }

    /// <summary>All below the department, without it.</summary>
    public HashSet<Guid> Descendants(Guid root) => [.. Subtree(root).Skip(1)];
}
