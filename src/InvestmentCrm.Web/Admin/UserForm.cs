using InvestmentCrm.Organization;

namespace InvestmentCrm.Web.Admin;

/// <summary>The user form of the administration pages (bound from the posted form).</summary>
public sealed class UserForm
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public string? Title { get; set; }
    public List<string> Roles { get; set; } = [];

    public UserInput ToInput() => new(UserName, DisplayName, DepartmentId, Title, Roles);
}
