namespace InvestmentCrm.Organization;

/// <summary>A department a role with the 自定义部门 data scope may see.</summary>
public class RoleDepartment
{
    private RoleDepartment() { }

    public RoleDepartment(Guid roleId, Guid departmentId) => (RoleId, DepartmentId) = (roleId, departmentId);

    public Guid RoleId { get; private set; }
    public Guid DepartmentId { get; private set; }
}
