using System.ComponentModel.DataAnnotations;
namespace InvestmentCrm.Projects;

/// <summary>The main line 储备 → 在谈 → 签约 → 落位 → 到位 and the two side states (docs/domain.md).</summary>
public enum ProjectStage
{
    [Display(Name = "储备")]
    Reserve = 1,
    [Display(Name = "在谈")]
    Negotiating = 2,
    [Display(Name = "签约")]
    Signed = 3,
    [Display(Name = "落位")]
    Landed = 4,
    [Display(Name = "到位")]
    Funded = 5,
    [Display(Name = "暂停")]
    Suspended = 8,
    [Display(Name = "终止")]
    Terminated = 9,
}

/// <summary>四个调度环节 — tracked after 落位.</summary>
public enum DispatchPhase
{
    [Display(Name = "招商落地")]
    Landing = 1,
    [Display(Name = "前期审批")]
    PreApproval = 2,
    [Display(Name = "开工建设")]
    Construction = 3,
    [Display(Name = "竣工投产")]
    Operation = 4,
}

public enum ProjectType
{
    [Display(Name = "产业项目")]
    Industrial = 1,
    [Display(Name = "城市商业综合体")]
    CommercialComplex = 2,
    [Display(Name = "楼宇填充")]
    BuildingFill = 3,
    [Display(Name = "棚户区改造")]
    ShantyTownRenovation = 4,
    [Display(Name = "四新设施")]
    NewInfrastructure = 5,
    [Display(Name = "民生项目")]
    Livelihood = 6,
    [Display(Name = "政府性投资项目")]
    GovernmentInvestment = 7,
}

public enum ContributorRole
{
    [Display(Name = "信息提供人")]
    InformationProvider = 1,
    [Display(Name = "首谈人")]
    FirstNegotiator = 2,
    [Display(Name = "引荐人")]
    Introducer = 3,
    [Display(Name = "服务落地人")]
    LandingService = 4,
}

public enum ProjectCompanyRole
{
    [Display(Name = "投资方")]
    Investor = 1,
    [Display(Name = "合作方")]
    Partner = 2,
    [Display(Name = "项目公司")]
    ProjectCompany = 3,
}

public enum LandingEvidenceKind
{
    /// <summary>营业执照 registered in the district.</summary>
    [Display(Name = "营业执照（区内注册）")]
    BusinessLicence = 1,
    /// <summary>土地出让合同 / 成交确认书 (摘牌).</summary>
    [Display(Name = "土地出让合同/成交确认书")]
    LandContract = 2,
    /// <summary>楼宇租赁、购置合同.</summary>
    [Display(Name = "楼宇租赁/购置合同")]
    SpaceLeaseOrPurchase = 3,
}

public static class ProjectNames
{
    public static readonly ProjectStage[] MainLine =
        [ProjectStage.Reserve, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Landed, ProjectStage.Funded];

}
