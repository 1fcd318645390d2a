using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Targets;

/// <summary>指标管理 pages: reading is for Targets.View, changing for Targets.Manage.</summary>
public abstract class TargetsPageBase : ManagedPageBase
{
    protected override string ManagePermission => Permissions.Targets.Manage;
    protected override string RefusedMessage => "您没有设置指标的权限。";
}
