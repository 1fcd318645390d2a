namespace InvestmentCrm.Common;

/// <summary>The signed-in user and the request as the application layer needs them (all null outside a request, e.g. CLI verbs).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string? UserName { get; }
    string? DisplayName { get; }
    Guid? DepartmentId { get; }
    string? IpAddress { get; }
    string? RequestId { get; }

    /// <summary>The installation itself (CLI verbs, background work), which reads all data; never a person.</summary>
    bool IsSystem => false;
}

/// <summary>The user of background work and CLI verbs: nobody signed in.</summary>
public sealed class SystemUser : ICurrentUser
{
    public Guid? UserId => null;
    public string? UserName => "system";
    public string? DisplayName => "系统";
    public Guid? DepartmentId => null;
    public string? IpAddress => null;
    public string? RequestId => null;
    public bool IsSystem => true;
}
