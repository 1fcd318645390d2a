using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Organization;

public static class DepartmentTreeQueries
{
    /// <summary>The whole department tree in one read.</summary>
    public static async Task<DepartmentTree> LoadDepartmentTreeAsync(this ICrmDbContext db, CancellationToken ct = default) =>
        new(await db.Departments.AsNoTracking().Select(d => new DepartmentTree.Node(d.Id, d.ParentId, d.Name, d.SortOrder, d.IsActive)).ToListAsync(ct));
}
