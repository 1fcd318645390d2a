namespace InvestmentCrm.Projects;

/// <summary>The main line 储备 → 在谈 → 签约 → 落位 → 到位 and the two side states (docs/domain.md).</summary>
public enum ProjectStage
{
    Reserve = 1,
    Negotiating = 2,
    Signed = 3,
    Landed = 4,
    Funded = 5,
    Suspended = 8,
    Terminated = 9,
}

/// <summary>四个调度环节 — tracked after 落位.</summary>
public enum DispatchPhase
{
    Landing = 1,
    PreApproval = 2,
    Construction = 3,
    Operation = 4,
}

public enum ProjectType
{
    Industrial = 1,
    CommercialComplex = 2,
    BuildingFill = 3,
    ShantyTownRenovation = 4,
    NewInfrastructure = 5,
    Livelihood = 6,
    GovernmentInvestment = 7,
}

public enum ContributorRole
{
    InformationProvider = 1,
    FirstNegotiator = 2,
    Introducer = 3,
    LandingService = 4,
}

public enum ProjectCompanyRole
{
    Investor = 1,
    Partner = 2,
    ProjectCompany = 3,
}

public enum LandingEvidenceKind
{
    /// <summary>营业执照 registered in the district.</summary>
    BusinessLicence = 1,
    /// <summary>土地出让合同 / 成交确认书 (摘牌).</summary>
    LandContract = 2,
    /// <summary>楼宇租赁、购置合同.</summary>
    SpaceLeaseOrPurchase = 3,
}

public static class ProjectNames
{
    public static readonly ProjectStage[] MainLine =
        [ProjectStage.Reserve, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Landed, ProjectStage.Funded];

    public static string ToDisplay(this ProjectStage stage) => stage switch
    {
        ProjectStage.Reserve => "储备",
        ProjectStage.Negotiating => "在谈",
        ProjectStage.Signed => "签约",
        ProjectStage.Landed => "落位",
        ProjectStage.Funded => "到位",
        ProjectStage.Suspended => "暂停",
        ProjectStage.Terminated => "终止",
        _ => stage.ToString(),
    };

    public static string ToDisplay(this DispatchPhase phase) => phase switch
    {
        DispatchPhase.Landing => "招商落地",
        DispatchPhase.PreApproval => "前期审批",
        DispatchPhase.Construction => "开工建设",
        DispatchPhase.Operation => "竣工投产",
        _ => phase.ToString(),
    };

    public static string ToDisplay(this ProjectType type) => type switch
    {
        ProjectType.Industrial => "产业项目",
        ProjectType.CommercialComplex => "城市商业综合体",
        ProjectType.BuildingFill => "楼宇填充",
        ProjectType.ShantyTownRenovation => "棚户区改造",
        ProjectType.NewInfrastructure => "四新设施",
        ProjectType.Livelihood => "民生项目",
        ProjectType.GovernmentInvestment => "政府性投资项目",
        _ => type.ToString(),
    };

    public static string ToDisplay(this ProjectCompanyRole role) => role switch
    {
        ProjectCompanyRole.Investor => "投资方",
        ProjectCompanyRole.Partner => "合作方",
        ProjectCompanyRole.ProjectCompany => "项目公司",
        _ => role.ToString(),
    };

    public static string ToDisplay(this LandingEvidenceKind kind) => kind switch
    {
        LandingEvidenceKind.BusinessLicence => "营业执照（区内注册）",
        LandingEvidenceKind.LandContract => "土地出让合同/成交确认书",
        LandingEvidenceKind.SpaceLeaseOrPurchase => "楼宇租赁/购置合同",
        _ => kind.ToString(),
    };

    public static string ToDisplay(this ContributorRole role) => role switch
    {
        ContributorRole.InformationProvider => "信息提供人",
        ContributorRole.FirstNegotiator => "首谈人",
        ContributorRole.Introducer => "引荐人",
        ContributorRole.LandingService => "服务落地人",
        _ => role.ToString(),
    };
}
