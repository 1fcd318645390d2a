using InvestmentCrm.Organization;
using InvestmentCrm.Web.Shared;

namespace InvestmentCrm.Web.Appraisal;

/// <summary>年度考核 pages: reading is for Appraisal.View (one's own line items for everyone), changing for 考核员 (Appraisal.Run).</summary>
public abstract class AppraisalPageBase : ManagedPageBase
{
    protected override string ManagePermission => Permissions.Appraisal.Run;
    protected override string RefusedMessage => "只有考核员可以设置考核口径、运行和冻结考核。";
}
