using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Organization;

/// <summary>
/// A change to an administrator account (三员) asked for by the 系统管理员 and waiting for the 安全管理员 (docs/security.md):
/// it takes effect only when someone other than the requester confirms it.
/// </summary>
public class AdministratorAccountChange : AggregateRoot
{
    private AdministratorAccountChange() { }

    public AdministratorAccountChange(AdministratorChangeKind kind, Guid? targetUserId, string userName, string displayName, Guid departmentId, string? title, IReadOnlyCollection<string> roles, Guid? requestedBy)
    {
        Kind = kind;
        TargetUserId = targetUserId;
        UserName = userName;
        DisplayName = displayName;
        DepartmentId = departmentId;
        Title = title;
        Roles = string.Join(",", roles);
        RequestedBy = requestedBy;
        Status = AdministratorChangeStatus.Pending;
    }

    public AdministratorChangeKind Kind { get; private set; }
    /// <summary>The account changed; null while a new account waits to be created.</summary>
    public Guid? TargetUserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public string? Title { get; private set; }
    /// <summary>The roles the account will hold, comma-separated role names.</summary>
    public string Roles { get; private set; } = "";
    public Guid? RequestedBy { get; private set; }
    public AdministratorChangeStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Approve(Guid? by, DateTime at)
    {
        EnsurePendingAndNotOwn(by);
        Status = AdministratorChangeStatus.Approved;
        DecidedBy = by;
        DecidedAt = at;
    }

    public void Reject(Guid? by, DateTime at, string? reason)
    {
        EnsurePendingAndNotOwn(by);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("请填写驳回理由。");
        Status = AdministratorChangeStatus.Rejected;
        DecidedBy = by;
        DecidedAt = at;
        RejectionReason = reason.Trim();
    }

    private void EnsurePendingAndNotOwn(Guid? by)
    {
        if (Status != AdministratorChangeStatus.Pending)
            throw new DomainException("该变更已处理。");
        if (by is not null && by == RequestedBy)
            throw new DomainException("三权分立：不能确认自己提交的管理员账号变更。");
        if (by is not null && by == TargetUserId)
            throw new DomainException("三权分立：不能确认对自己账号的变更。");
    }
}

public enum AdministratorChangeKind
{
    [Display(Name = "新建管理员账号")]
    Create = 1,
    [Display(Name = "修改信息与角色")]
    Update = 2,
    [Display(Name = "停用账号")]
    Disable = 3,
    [Display(Name = "启用账号")]
    Enable = 4,
    [Display(Name = "重置密码")]
    ResetPassword = 5,
}

public enum AdministratorChangeStatus
{
    [Display(Name = "待确认")]
    Pending = 1,
    [Display(Name = "已确认")]
    Approved = 2,
    [Display(Name = "已驳回")]
    Rejected = 3,
}
