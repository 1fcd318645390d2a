namespace InvestmentCrm.Authorization;

/// <summary>
/// What the reader of a DbContext may see (docs/security.md, "Data scope"): everything, or the projects of these
/// departments and the records the user is named on. The database's query filter named <see cref="QueryFilters.DataScope"/>
/// applies it to projects, companies, contracts, tranches, activities and attachments, so business data is scoped by
/// default. <see cref="DataScope"/> resolves it for a signed-in user.
/// </summary>
public sealed record ReaderScope(bool All, Guid? UserId, Guid[] DepartmentIds)
{
    /// <summary>
    /// The projects the user contributes to (协办/参与), read with the scope: as a list of ids the filter's clause is an index
    /// lookup that PostgreSQL can join with the others' (a subquery inside the OR made it scan every project).
    /// </summary>
    public Guid[] ContributedProjectIds { get; init; } = [];

    /// <summary>No user, or one without roles: nothing (default deny).</summary>
    public static readonly ReaderScope Nobody = new(false, null, []);

    /// <summary>The installation itself (CLI verbs, migrations, background work) and readers with 全部.</summary>
    public static readonly ReaderScope Everything = new(true, null, []);

    /// <summary>For cache keys: equal scopes give equal keys.</summary>
    public string Key => All ? "all" : $"{UserId}|{string.Join(',', DepartmentIds.Order())}";
}

/// <summary>The names of the database's query filters, for leaving one explicitly.</summary>
public static class QueryFilters
{
    /// <summary>Soft-deleted business records are left out.</summary>
    public const string SoftDelete = "SoftDelete";

    /// <summary>Records outside the reader's data scope are left out.</summary>
    public const string DataScope = "DataScope";
}
