using InvestmentCrm.Web.Shared;
using System.Security.Claims;
using InvestmentCrm.Common;

namespace InvestmentCrm.Web.Hosting;

/// <summary>The signed-in user of the current request, from the Identity cookie's claims, plus where the request came from.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? UserName => User?.Identity?.IsAuthenticated == true ? User.Identity.Name : null;
    public string? DisplayName => User?.FindFirstValue(CrmClaims.DisplayName);
    public Guid? DepartmentId => Guid.TryParse(User?.FindFirstValue(CrmClaims.DepartmentId), out var id) ? id : null;
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public string? RequestId => accessor.HttpContext?.TraceIdentifier;

    /// <summary>Outside a request (CLI verbs, start-up, background work) the installation itself is at work.</summary>
    public bool IsSystem => accessor.HttpContext is null;
}
