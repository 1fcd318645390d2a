using System.Security.Claims;
using InvestmentCrm.Common;

namespace InvestmentCrm.Web.Hosting;

/// <summary>The signed-in user of the current request, from the Identity cookie's claims.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? DisplayName => accessor.HttpContext?.User.FindFirstValue(CrmClaims.DisplayName);
}

public static class CrmClaims
{
    public const string DisplayName = "crm:display_name";
    public const string DepartmentName = "crm:department";
}
