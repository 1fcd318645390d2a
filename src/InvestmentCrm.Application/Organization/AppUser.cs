using Microsoft.AspNetCore.Identity;

namespace InvestmentCrm.Organization;

/// <summary>用户 — an ASP.NET Core Identity user that belongs to one department.</summary>
public class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>姓名 as shown in the UI.</summary>
    public string DisplayName { get; set; } = "";
    public Guid DepartmentId { get; set; }
    /// <summary>职务, e.g. 副区长 or 科员.</summary>
    public string? Title { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime? PasswordChangedAt { get; set; }
    /// <summary>Initial passwords must be changed at first login (issue 3).</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>
    /// 集成账号: the account an integration's API tokens act as (<see cref="ApiToken"/>). It has no password, cannot sign
    /// in, and is no person: user lists, pickers and people's figures leave it out (<see cref="UserQueries.People"/>).
    /// </summary>
    public bool IsIntegration { get; set; }
}

/// <summary>角色 with its data scope (docs/security.md).</summary>
public class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
        Id = Guid.CreateVersion7();
    }

    public AppRole(string name, string displayName, DataScope dataScope) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
        DisplayName = displayName;
        DataScope = dataScope;
    }

    public string DisplayName { get; set; } = "";
    public DataScope DataScope { get; set; }
}
