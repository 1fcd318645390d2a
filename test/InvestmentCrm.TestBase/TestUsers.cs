using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.TestBase;

/// <summary>A signed-in user for application-layer tests (what HttpCurrentUser gives the app in a request).</summary>
public sealed record TestUser(Guid? UserId, string? UserName, Guid? DepartmentId) : ICurrentUser
{
    public string? DisplayName => UserName;
    public string? IpAddress => "127.0.0.1";
    public string? RequestId => "test-request";

    public static async Task<TestUser> LoadAsync(CrmDbContext db, string userName)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        return new TestUser(user.Id, user.UserName, user.DepartmentId);
    }
}

public static class TestScopes
{
    /// <summary>The data scope of a (demo or test) user over <paramref name="db"/>, applied to it.</summary>
    public static async Task<DataScope> ForAsync(CrmDbContext db, string userName)
    {
        var scope = new DataScope(db, await TestUser.LoadAsync(db, userName));
        await scope.GetRulesAsync();
        return scope;
    }

    /// <summary>
    /// The data scope of <paramref name="user"/>, resolved and applied to <paramref name="db"/> at once, as the web host
    /// does at the start of every signed-in request: from then on the context reads what the user may see.
    /// </summary>
    public static DataScope Resolved(CrmDbContext db, ICurrentUser user)
    {
        var scope = new DataScope(db, user);
        scope.GetRulesAsync().GetAwaiter().GetResult();
        return scope;
    }
}
