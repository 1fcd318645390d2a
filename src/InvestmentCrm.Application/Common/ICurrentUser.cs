namespace InvestmentCrm.Common;

/// <summary>The signed-in user as the application layer needs it (null id outside a request, e.g. the seed verb).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string? DisplayName { get; }
}

/// <summary>The user of background work and CLI verbs: nobody signed in.</summary>
public sealed class SystemUser : ICurrentUser
{
    public Guid? UserId => null;
    public string? DisplayName => "系统";
}
