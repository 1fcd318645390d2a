using InvestmentCrm.Appraisal;
using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Figures;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.ProjectIssues;
using InvestmentCrm.Projects;
using InvestmentCrm.Settings;
using InvestmentCrm.Targets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.EntityFrameworkCore.Seeding;

/// <summary>
/// The demo installation: 南关区's organisation, one user per role, real companies and projects from the
/// docs/domain.md spread across stages, and the 2012 district targets. The 2012 cohort is built so that
/// docs/figures.md's worked example holds: 10 formal contracts with 40 亿元 contracted 内资, 8 landed with a verified
/// tranche, 10 亿元 verified in 2012 → 履约率 80 %, 到位率 25 %, 内资完成率 33.3 %.
/// Demo users exist only here; their password is shown on the login page while the demo seed is active.
/// </summary>
public sealed class DemoDataSeeder(CrmDbContext db, TimeProvider clock)
{
    public const string DemoPassword = "Nanguan@2026";

    /// <summary>The demo accounts (user name, name, role) — listed on the login page while the seed is active.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> DemoAccounts =
    [
        ("officer", "陈静", Roles.Officer),
        ("head", "刘洋", Roles.DepartmentHead),
        ("leader", "李明", Roles.DistrictLeader),
        ("baobao", "张华", Roles.ResponsibleLeader),
        ("dispatch", "孙伟", Roles.DispatchOffice),
        ("assessor", "赵敏", Roles.Assessor),
        ("sysadmin", "王磊", Roles.SystemAdmin),
        ("auditor", "吴芳", Roles.AuditAdmin),
        ("security", "郑强", Roles.SecurityAdmin),
        ("zhuanban", "高峰", Roles.TaskForceMember),
    ];

    private readonly Dictionary<string, Department> _departments = [];
    private readonly Dictionary<string, AppUser> _users = [];
    private readonly Dictionary<string, Company> _companies = [];
    private DateTime _now;

    /// <summary>Seeds an empty database. Returns false (and changes nothing) when it already holds data.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Departments.AnyAsync(ct) || await db.Users.AnyAsync(ct) || await db.SystemSettings.AnyAsync(s => s.Key == SystemSetting.DemoSeedAppliedKey, ct))
            return false;

        _now = clock.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var roles = await new SystemRolesSeeder(db).EnsureAsync(ct);
        SeedOrganisation();
        SeedUsers(roles);
        SeedCompanies();
        await db.SaveChangesAsync(ct);
        SeedCohort2012();
        SeedNamedProjects();
        SeedProjectPool2022();
        SeedRecentYears();
        SeedTargets();
        SeedRecentTargets();
        SeedProjectPool2020();
        SeedProjectIssues();
        SeedAppraisalRules();
        db.SystemSettings.Add(new SystemSetting(SystemSetting.DemoSeedAppliedKey, _now.ToString("O")));
        await db.SaveChangesAsync(ct);
        await SeedMeetings2022Async(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The published 2026 考核口径 (docs/domain.md: completion of quotas, 履约率 bonus, deductions for false data and
    /// late key projects, 不予认定 as configurable data), so the assessor can run the year's appraisal at once.
    /// </summary>
    private void SeedAppraisalRules()
    {
        var rules = new AppraisalRuleSet(2026, "2026年度招商引资目标责任考核办法");
        rules.SetExclusions("住宅开发", governmentInvestment: true, minimumProjectYi: null, localOrigin: null);
        foreach (var item in new AppraisalItemSpec[]
                 {
                     new(AppraisalSubject.Department, "利用内资完成率", AppraisalMetric.DomesticFunds, 40m, CapPercent: 120m, FloorPercent: 30m),
                     new(AppraisalSubject.Department, "签约项目", AppraisalMetric.SignedCount, 20m, CapPercent: 100m),
                     new(AppraisalSubject.Department, "项目履约率达标", AppraisalMetric.FulfilmentRate, 15m, ScoringFunction.Threshold, ThresholdPercent: 100m, FixedTarget: 80m),
                     new(AppraisalSubject.Department, "十亿元以上项目", AppraisalMetric.LargeProject, 5m, Parameter: 10m),
                     new(AppraisalSubject.Department, "引进世界500强", AppraisalMetric.Fortune500Investor, 3m, MaxPoints: 6m),
                     new(AppraisalSubject.Department, "重点项目未按期开工", AppraisalMetric.KeyProjectNotStarted, 4m),
                     new(AppraisalSubject.Department, "到位资金核减", AppraisalMetric.RejectedTranche, 2m),
                     new(AppraisalSubject.Person, "个人利用内资", AppraisalMetric.DomesticFunds, 50m, CapPercent: 120m),
                     new(AppraisalSubject.Person, "个人签约项目", AppraisalMetric.SignedCount, 20m, CapPercent: 100m, FixedTarget: 2m),
                     new(AppraisalSubject.Person, "走访推介洽谈", AppraisalMetric.VisitCount, 10m, CapPercent: 100m, FixedTarget: 24m),
                     new(AppraisalSubject.Person, "十亿元以上项目", AppraisalMetric.LargeProject, 5m, Parameter: 10m),
                     new(AppraisalSubject.Person, "到位资金核减", AppraisalMetric.RejectedTranche, 2m),
                 })
            rules.AddItem(item);
        rules.Publish(_users["assessor"].Id, _now);
        db.AppraisalRuleSets.Add(rules);
    }

    private void SeedOrganisation()
    {
        Department Add(string code, string name, DepartmentKind kind, string? parent, int order)
        {
            var department = new Department(code, name, kind, parent is null ? null : _departments[parent], order);
            _departments[code] = department;
            db.Departments.Add(department);
            return department;
        }

        Add("NG", "南关区人民政府", DepartmentKind.District, null, 0);
        Add("NG-ZHB", "项目建设指挥部（领导小组）", DepartmentKind.LeadingGroup, "NG", 1);
        Add("NG-XMZX", "项目中心办公室", DepartmentKind.Functional, "NG-ZHB", 1);
        Add("NG-ZB-ZS", "征收保障专班", DepartmentKind.TaskForce, "NG-ZHB", 2);
        Add("NG-ZB-SX", "手续保障专班", DepartmentKind.TaskForce, "NG-ZHB", 3);
        Add("NG-ZB-SF", "涉法保障专班", DepartmentKind.TaskForce, "NG-ZHB", 4);
        Add("NG-ZB-ZC", "政策保障专班", DepartmentKind.TaskForce, "NG-ZHB", 5);
        Add("NG-FGJ", "发展和改革局", DepartmentKind.Functional, "NG", 2);
        Add("NG-SWJ", "商务局", DepartmentKind.Functional, "NG", 3);
        Add("NG-CZJ", "财政局", DepartmentKind.Functional, "NG", 4);
        Add("NG-JRB", "金融服务中心", DepartmentKind.Functional, "NG", 5);
        Add("NG-WLJ", "文化广播电视和旅游局", DepartmentKind.Functional, "NG", 6);
        Add("NG-KFQ", "南部都市经济开发区（南部新城）", DepartmentKind.DevelopmentZone, "NG", 7);
        Add("NG-KFQ-ZS", "开发区招商局", DepartmentKind.Functional, "NG-KFQ", 1);
        Add("NG-JD-NL", "南岭街道", DepartmentKind.SubDistrict, "NG", 8);
        Add("NG-JD-ZQ", "自强街道", DepartmentKind.SubDistrict, "NG", 9);
        Add("NG-JD-MK", "民康街道", DepartmentKind.SubDistrict, "NG", 10);
        Add("NG-JD-XC", "新春街道", DepartmentKind.SubDistrict, "NG", 11);
        Add("NG-JD-QA", "全安街道", DepartmentKind.SubDistrict, "NG", 12);
        Add("NG-JD-HC", "鸿城街道", DepartmentKind.SubDistrict, "NG", 13);
        Add("NG-XFX", "幸福乡", DepartmentKind.SubDistrict, "NG", 14);
        Add("NG-ZJJ", "住房和城乡建设局", DepartmentKind.Functional, "NG", 15);
    }

    private void SeedUsers(IReadOnlyDictionary<string, AppRole> roles)
    {
        var hasher = new PasswordHasher<AppUser>();
        var departmentOf = new Dictionary<string, (string Department, string Title)>
        {
            ["officer"] = ("NG-SWJ", "招商专员"),
            ["head"] = ("NG-SWJ", "商务局局长"),
            ["leader"] = ("NG-ZHB", "区长"),
            ["baobao"] = ("NG-ZHB", "副区长"),
            ["dispatch"] = ("NG-XMZX", "项目中心办公室主任"),
            ["assessor"] = ("NG-FGJ", "考核科科长"),
            ["sysadmin"] = ("NG-XMZX", "信息化专员"),
            ["auditor"] = ("NG-CZJ", "审计专员"),
            ["security"] = ("NG-XMZX", "安全专员"),
            ["zhuanban"] = ("NG-ZB-SX", "手续保障专班联络员"),
        };

        void AddUser(string userName, string displayName, string departmentCode, string title, string? role)
        {
            var user = new AppUser
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = displayName,
                DepartmentId = _departments[departmentCode].Id,
                Title = title,
                CreatedAt = _now,
                PasswordChangedAt = _now,
                LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, DemoPassword);
            _users[userName] = user;
            db.Users.Add(user);
            if (role is not null)
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
        }

        foreach (var (userName, displayName, role) in DemoAccounts)
            AddUser(userName, displayName, departmentOf[userName].Department, departmentOf[userName].Title, role);
        // Colleagues who share credit on projects (人人都是招商主体): a street officer and a zone officer.
        AddUser("zhouting", "周婷", "NG-JD-NL", "经济发展办主任", Roles.Officer);
        AddUser("mahui", "马辉", "NG-KFQ-ZS", "招商局副局长", Roles.Officer);
    }

    private static CreditCode Code(string first17) => CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17));

    private void SeedCompanies()
    {
        Company Add(string key, string name, CompanyNature nature, string first17, string industry, string origin, string? tags = null,
            bool strategic = false, CompanyKind kind = CompanyKind.Enterprise, string? aliases = null)
        {
            var company = new Company(name, nature, Code(first17), kind)
            {
                OwnerDepartmentId = _departments["NG-SWJ"].Id,
                Industry = industry,
                Origin = origin,
                Tags = tags,
                IsStrategicInvestor = strategic,
                Aliases = aliases,
            };
            _companies[key] = company;
            db.Companies.Add(company);
            return company;
        }

        Add("huawei", "华为技术有限公司", CompanyNature.Private, "91440300192203821", "数字科创/云计算", "广东省深圳市", "世界500强、中国500强、区域总部", true, aliases: "华为")
            .AddContact("刘经理", "吉林代表处", "13804310001", "liu@example.com");
        Add("crland", "华润置地有限公司", CompanyNature.CentralSoe, "91110000101730016", "房地产（含建筑业）/产业地产", "香港", "世界500强、央企、上市", true, aliases: "华润置地、华润");
        Add("yillion", "吉林亿联银行股份有限公司", CompanyNature.Private, "91220000MA0Y4JPW2", "金融业/银行", "吉林省长春市", "东北互联网银行领军企业、全国总部", aliases: "亿联银行");
        Add("crec", "中国中铁股份有限公司", CompanyNature.CentralSoe, "91110000710935003", "总部经济/营运总部", "北京市", "世界500强、央企、上市", true, aliases: "中国中铁、中铁");
        Add("hana", "韩亚银行（中国）有限公司", CompanyNature.Foreign, "91310000717865433", "金融业/银行", "韩国", "外资银行、东北亚总部", aliases: "韩亚银行");
        Add("zhongrong", "中融国际信托有限公司", CompanyNature.LocalSoe, "91230100127020985", "金融业/信托", "黑龙江省哈尔滨市", aliases: "中融信托");
        Add("pingan", "平安银行股份有限公司", CompanyNature.Private, "91440300192185379", "金融业/银行", "广东省深圳市", "世界500强、上市", aliases: "平安银行");
        Add("ctjt", "长春城投建设投资（集团）有限公司", CompanyNature.LocalSoe, "91220101735904512", "房地产（含建筑业）/产业地产", "吉林省长春市", "国资平台", aliases: "城投集团");
        Add("jigao", "吉林省高速公路集团有限公司", CompanyNature.LocalSoe, "91220000124001234", "传统商贸业/新兴服务业", "吉林省长春市", aliases: "吉高集团");
        Add("haobang", "长春豪邦房地产开发有限公司", CompanyNature.Private, "91220102605960123", "房地产（含建筑业）/住房租赁", "吉林省长春市", aliases: "豪邦");
        Add("cmb", "招商银行股份有限公司", CompanyNature.LocalSoe, "9144030010001686X", "金融业/银行", "广东省深圳市", "世界500强、上市", aliases: "招商银行、招行");
        Add("cpic", "中国太平洋保险（集团）股份有限公司", CompanyNature.LocalSoe, "91310000132211707", "金融业/保险", "上海市", "世界500强、上市", aliases: "太平洋保险");
        Add("dbdl", "中国电力工程顾问集团东北电力设计院有限公司", CompanyNature.CentralSoe, "91220000123912345", "科技服务业/工程技术服务", "吉林省长春市", "央企、规模企业", aliases: "东北电力设计院");
        Add("greenland", "绿地控股集团有限公司", CompanyNature.LocalSoe, "91310000132210123", "房地产（含建筑业）/产业地产", "上海市", "世界500强", aliases: "绿地");
        Add("pwc", "普华永道中天会计师事务所（特殊普通合伙）", CompanyNature.JointVenture, "91310000607358216", "科技服务业/科技中介（法律、评估、会计）", "上海市", "中介服务机构", kind: CompanyKind.Intermediary, aliases: "普华永道");
        var broker = Add("xincheng", "长春鑫诚招商咨询服务有限公司", CompanyNature.Private, "91220102MA14X5R7Y", "科技服务业/科技中介（法律、评估、会计）", "吉林省长春市", "中介服务机构", kind: CompanyKind.Intermediary);
        broker.Blacklist("虚报引荐项目、骗取中介奖励（演示数据）", new DateOnly(2022, 6, 30));
        // Investors of the 2012 cohort.
        Add("jucheng", "长春钜城房地产开发有限公司", CompanyNature.Private, "91220102660123456", "传统商贸业/商场零售", "吉林省长春市", aliases: "钜城");
        Add("guancheng", "冠城大通股份有限公司", CompanyNature.Private, "91350000154330123", "房地产（含建筑业）/产业地产", "福建省福州市", "上市", aliases: "冠城");
        Add("hengxing", "长春恒兴房地产开发有限公司", CompanyNature.Private, "91220102660198765", "房地产（含建筑业）/产业地产", "吉林省长春市", aliases: "恒兴");
    }

    private Project NewProject(string name, ProjectType type, string industry, DateOnly registeredOn, string leadDepartment, string? location = null, string? channel = null)
    {
        var project = new Project(name, type, industry, registeredOn, _users["officer"].Id, _now)
        {
            LeadDepartmentId = _departments[leadDepartment].Id,
            TargetLocation = location,
            SourceChannel = channel,
        };
        db.Projects.Add(project);
        return project;
    }

    /// <summary>The colleague of the project's 招引单位 who logs its visits (so that data scope has something to tell apart).</summary>
    private AppUser VisitorFor(Project project) =>
        project.LeadDepartmentId == _departments["NG-SWJ"].Id ? _users["officer"]
        : project.LeadDepartmentId == _departments["NG-KFQ-ZS"].Id ? _users["mahui"]
        : _users["zhouting"];

    private void Negotiate(Project project, string companyKey, DateOnly on, string summary)
    {
        project.AddCompany(_companies[companyKey].Id, ProjectCompanyRole.Investor);
        var visitor = VisitorFor(project);
        var visit = new Activity(on, ActivityType.Negotiation, summary, _companies[companyKey].Id, project.Id)
        {
            OwnerDepartmentId = project.LeadDepartmentId,
            Outcome = "对方有明确投资意向",
            CreatedBy = visitor.Id,
        };
        visit.AddParticipant(visitor.Id);
        db.Activities.Add(visit);
        project.MoveTo(ProjectStage.Negotiating, on, _now, visitor.Id);
    }

    private Contract Sign(Project project, string number, DateOnly on, string parties, Money domestic, Money foreign, string? occasion = null)
    {
        var contract = new Contract(project.Id, ContractKind.FormalInvestment, number, on, parties, domestic, foreign) { Occasion = occasion };
        contract.SetAgreedDates(on.AddMonths(3), on.AddMonths(6), on.AddYears(3));
        db.Contracts.Add(contract);
        project.MoveTo(ProjectStage.Signed, on, _now, _users["officer"].Id);
        return contract;
    }

    private void Land(Project project, DateOnly on, LandingEvidenceKind kind, string document)
    {
        project.AddLandingEvidence(kind, on, document, null);
        project.MoveTo(ProjectStage.Landed, on, _now, _users["officer"].Id);
    }

    /// <summary>年度投资: the same amount (亿元) completed in each month of the range.</summary>
    private void InvestMonthly(Project project, int year, Range months, decimal yiPerMonth)
    {
        for (var month = months.Start.Value; month <= months.End.Value; month++)
            project.RecordInvestment(year, month, yiPerMonth * 100_000_000m, null, _users["officer"].Id, _now, clock.Today());
    }

    /// <summary>前期审批 from <paramref name="on"/>.</summary>
    private void PreApprove(Project project, DateOnly on) =>
        project.ChangeDispatchPhase(DispatchPhase.PreApproval, on, null, false, _users["officer"].Id, _now);

    /// <summary>开工 (the dispatch phase follows), and 竣工验收 and 开业 when given.</summary>
    private void Build(Project project, DateOnly startedOn, string permit, DateOnly? acceptedOn = null, DateOnly? openedOn = null)
    {
        var by = _users["officer"].Id;
        var today = clock.Today();
        project.RecordConstruction(ConstructionEventKind.Started, startedOn, permit, null, by, _now, today);
        if (acceptedOn is { } accepted)
            project.RecordConstruction(ConstructionEventKind.Accepted, accepted, "竣工验收备案", null, by, _now, today);
        if (openedOn is { } opened)
            project.RecordConstruction(ConstructionEventKind.Opened, opened, null, null, by, _now, today);
    }

    private FundsTranche Arrive(Project project, DateOnly on, Money amount, CapitalSource source, bool verify = true)
    {
        var tranche = new FundsTranche(project.Id, on, amount, source, FundsForm.FixedAssetInvestment, "银行进账单、验资报告");
        if (verify)
            tranche.Verify(_users["assessor"].Id, on.AddDays(10), "凭证齐全，予以认定");
        db.FundsTranches.Add(tranche);
        return tranche;
    }

    /// <summary>The 2012 cohort behind docs/figures.md's worked example (names from docs/domain.md).</summary>
    private void SeedCohort2012()
    {
        var names = new (string Name, ProjectType Type, string Investor, string Location)[]
        {
            ("钜城商业中心", ProjectType.CommercialComplex, "jucheng", "文化商贸融合大街区"),
            ("冠城国际", ProjectType.CommercialComplex, "guancheng", "文化商贸融合大街区"),
            ("长春国际金融中心", ProjectType.CommercialComplex, "guancheng", "人民大街金融隆起带"),
            ("恒兴国际城", ProjectType.CommercialComplex, "hengxing", "高端产业集群大街区"),
            ("恒和广场", ProjectType.CommercialComplex, "hengxing", "创新创业服务大街区"),
            ("天伦中央广场", ProjectType.CommercialComplex, "jucheng", "文化商贸融合大街区"),
            ("绿地中央广场", ProjectType.CommercialComplex, "greenland", "南部新城·总部商务集聚区"),
            ("成基铂寓", ProjectType.CommercialComplex, "hengxing", "东部滨水宜居大街区"),
            ("传奇鼎盛中心", ProjectType.CommercialComplex, "jucheng", "文化商贸融合大街区"),
            ("君顶国际楼宇填充", ProjectType.BuildingFill, "guancheng", "君顶国际"),
        };
        for (var i = 0; i < names.Length; i++)
        {
            var (name, type, investor, location) = names[i];
            var project = NewProject(name, type, "传统商贸业/商场零售", new DateOnly(2011, 10 + i % 3, 10), i % 2 == 0 ? "NG-SWJ" : "NG-KFQ-ZS", location, "专题招商");
            project.PlannedDomestic = Money.YiYuan(4m);
            project.SetYearFlag(2012, isKeyProject: true, isContinuing: false);
            project.ResponsibleLeaderId = _users["baobao"].Id;
            Negotiate(project, investor, new DateOnly(2012, 1, 10 + i), $"{name}：与投资方洽谈投资规模和建设节点");
            Sign(project, $"NG-2012-{i + 1:000}", new DateOnly(2012, 3, 1 + i), $"南关区人民政府；{_companies[investor].Name}",
                Money.YiYuan(4m), Money.Zero(Money.Usd), i < 5 ? "第七届东北亚博览会" : null);
            project.SetContributors([
                (_users["officer"].Id, ContributorRole.FirstNegotiator, 50m),
                (_users["head"].Id, ContributorRole.Introducer, 20m),
                (_users["zhouting"].Id, ContributorRole.LandingService, 30m),
            ]);
            if (i < 8)
            {
                Land(project, new DateOnly(2012, 5, 1 + i), LandingEvidenceKind.BusinessLicence, $"南关工商 2012-{i + 1:000}");
                // 8 × 1.25 亿元 = 10 亿元 verified in 2012.
                Arrive(project, new DateOnly(2012, 6 + i % 6, 15), Money.YiYuan(1.25m), CapitalSource.Domestic);
                project.MoveTo(ProjectStage.Funded, new DateOnly(2012, 6 + i % 6, 15), _now, _users["officer"].Id);
                if (i < 4)
                    Build(project, new DateOnly(2012, 7, 2 + i), $"施工许可 2012-{i + 1:000}", new DateOnly(2014, 9, 10 + i), new DateOnly(2014, 12, 1 + i));
                else
                {
                    PreApprove(project, new DateOnly(2012, 8, 1 + i));
                    Build(project, new DateOnly(2013, 4, 8 + i), $"施工许可 2013-{i + 1:000}", new DateOnly(2015, 10, 10 + i), new DateOnly(2016, 5, 1 + i));
                }
            }
            else if (i == 8)
            {
                project.MoveTo(ProjectStage.Suspended, new DateOnly(2013, 3, 15), _now, _users["officer"].Id, "投资方调整业态，暂缓落位（仍计入 2012 年履约率分母）");
            }
            else if (i == 9)
            {
                project.MoveTo(ProjectStage.Terminated, new DateOnly(2012, 11, 20), _now, _users["officer"].Id, "投资方资金链断裂，协议解除（仍计入履约率分母）");
            }
        }
    }

    /// <summary>
    /// The rest of 2022's 项目盘子 (docs/domain.md §3.5: 50 个 5000 万元以上重点项目, 计划总投资 792.3 亿元, 19 个重大项目, all
    /// 开复工 by 2022-09-30): with the named projects above (华为, 华润中心, 中铁, 亿联, 豪邦: 125 亿元), 45 more — 17 重大 of 25 亿元,
    /// 27 of 8.6 亿元 and one of 10.1 亿元 (667.3 亿元); 20 building since 2020–2021 (续建), 25 started in 2022 (新建).
    /// Landed in 2019, so the stage figures of the recent years stay as they were.
    /// </summary>
    private void SeedProjectPool2022()
    {
        string[] places = ["南部新城", "人民大街", "伊通河", "华远路", "东岭", "永吉", "自强", "桃源", "曙光", "鸿城", "明珠", "南岭", "幸福", "全安", "长通"];
        string[] subjects = ["金融科技中心", "总部基地", "商业综合体", "数字产业园", "文旅综合体", "康养中心", "智慧物流园", "科创孵化器", "楼宇更新", "城市更新片区", "社区商业中心", "文化街区", "医疗综合体", "人才公寓", "会展中心"];
        string[] departments = ["NG-FGJ", "NG-KFQ-ZS", "NG-JD-NL", "NG-JD-ZQ", "NG-JD-MK", "NG-JD-XC", "NG-JD-QA", "NG-JD-HC", "NG-XFX"];
        for (var i = 0; i < 45; i++)
        {
            var name = $"{places[i % places.Length]}{subjects[(i * 7 + i / places.Length) % subjects.Length]}项目";
            var total = i < 17 ? 25m : i < 44 ? 8.6m : 10.1m;
            var project = NewProject(name, i % 3 == 0 ? ProjectType.CommercialComplex : ProjectType.Industrial, "高端商务商业/楼宇经济",
                new DateOnly(2017, 1 + i % 12, 5), departments[i % departments.Length], places[i % places.Length]);
            project.PlannedDomestic = Money.YiYuan(total);
            project.MoveTo(ProjectStage.Negotiating, new DateOnly(2020, 6, 1 + i % 28), _now, _users["officer"].Id);
            project.MoveTo(ProjectStage.Signed, new DateOnly(2020, 12, 1 + i % 28), _now, _users["officer"].Id);
            // Landed in 2021, after 2020's 盘子 was drawn up (SeedProjectPool2020).
            project.MoveTo(ProjectStage.Landed, new DateOnly(2021, 1 + i % 3, 3), _now, _users["officer"].Id);
            var continuing = i % 9 < 4; // 20 of 45
            if (continuing)
                Build(project, new DateOnly(2021, 4 + i % 6, 10), $"施工许可证 2201022021{i:000}");
            else
                Build(project, new DateOnly(2022, 3 + i % 7, 1 + i % 20), $"施工许可证 2201022022{i:000}");
            project.SetYearPool(2022, isKeyProject: true, isNewBuild: !continuing, isContinuing: continuing, isMajor: i < 17, isPackaged: false,
                null, total * 0.2m * 100_000_000m);
        }
    }

    /// <summary>
    /// 2020's 盘子 (docs/domain.md, 2020 年; 亿元以上): as of 2020-12-31, 14 已落位未开工, 31 续建, 18 停缓建, 40 在建 and 11
    /// 竣工投产 in the year. The demo's projects already landed by then count where their own history puts them; 亿元以上
    /// projects with that year's record make up the rest. Later they leave the pool as projects do: those built are accepted
    /// in 2021, those still waiting or stopped are not on 2022's list.
    /// </summary>
    private void SeedProjectPool2020()
    {
        const int year = 2020;
        var yearEnd = new DateOnly(year, 12, 31);
        var rules = new FigureRules(year);
        rules.SetKeyProjectThreshold(100_000_000m);
        db.FigureRules.Add(rules);
        var already = db.Projects.Local
            .Where(p => p.LandedOn <= yearEnd && ProjectPool.IsKeyProject(p.YearFlags.SingleOrDefault(f => f.Year == year)?.IsKeyProject, p.PlannedDomestic.Amount,
                rules.KeyProjectThresholdYuan, p.ConstructionEvents.Where(e => e.Kind == ConstructionEventKind.Accepted).Select(e => (DateOnly?)e.EffectiveDate).Min(), year))
            .GroupBy(p => ProjectPool.CategoryOf(ConstructionFacts.Of(p.ConstructionEvents, year, yearEnd)))
            .ToDictionary(g => g.Key, g => g.Count());
        (PoolCategory Category, int Count)[] wanted =
            [(PoolCategory.Completed, 11), (PoolCategory.Continuing, 31), (PoolCategory.UnderConstruction, 40), (PoolCategory.Suspended, 18), (PoolCategory.NotStarted, 14)];
        string[] opened = ["欧亚三环购物中心", "Touch12街", "钜城华亿广场", "中东·四海互联网+创业基地", "南关区金融服务业孵化基地", "亚泰富苑", "活力城",
            "新天地购物中心", "国商百货提升改造", "钺城华亿购物广场", "鼎丰真食品产业园"];
        string[] places = ["南部新城", "人民大街", "伊通河", "华远路", "东岭", "永吉", "自强", "桃源", "曙光", "鸿城", "明珠", "南岭", "幸福", "全安", "长通"];
        string[] subjects = ["商务楼宇", "产业园区", "棚户区改造", "路网工程", "商业街区", "养老服务中心", "智慧社区", "物流仓储", "文化创意园", "双创基地"];
        string[] departments = ["NG-FGJ", "NG-KFQ-ZS", "NG-JD-NL", "NG-JD-ZQ", "NG-JD-MK", "NG-JD-XC", "NG-JD-QA", "NG-JD-HC", "NG-XFX"];
        var by = _users["officer"].Id;
        var today = clock.Today();
        var i = 0;
        foreach (var (category, count) in wanted)
        {
            var missing = count - already.GetValueOrDefault(category);
            if (missing < 0)
                throw new InvalidOperationException($"演示数据：2020 年盘子的{category.ToDisplay()}项目已有 {already[category]} 个，多于 {count} 个。");
            for (var k = 0; k < missing; k++, i++)
            {
                var name = category == PoolCategory.Completed ? opened[k]
                    : $"{places[i % places.Length]}{subjects[(i / places.Length + i) % subjects.Length]}{(i >= 75 ? "二期" : "")}项目";
                var project = NewProject(name, i % 3 == 0 ? ProjectType.CommercialComplex : ProjectType.Industrial, "高端商务商业/楼宇经济",
                    new DateOnly(2017, 1 + i % 5, 5), departments[i % departments.Length], places[i % places.Length]);
                var total = 5m + i * 7 % 15;
                project.PlannedDomestic = Money.YiYuan(total);
                project.MoveTo(ProjectStage.Negotiating, new DateOnly(2017, 6, 1 + i % 28), _now, by);
                project.MoveTo(ProjectStage.Signed, new DateOnly(2017, 11, 1 + i % 28), _now, by);
                project.MoveTo(ProjectStage.Landed, category == PoolCategory.NotStarted ? new DateOnly(2020, 1 + i % 10, 3) : new DateOnly(2018, 1 + i % 5, 3), _now, by);
                var permit = $"施工许可证 220102{i:0000}";
                switch (category)
                {
                    case PoolCategory.Completed:
                        Build(project, new DateOnly(2018, 6 + i % 6, 10), permit, new DateOnly(2020, 2 + i % 10, 1 + i % 25), new DateOnly(2020, 12, 1 + i % 25));
                        break;
                    case PoolCategory.Continuing:
                        Build(project, new DateOnly(2019, 1 + i % 12, 10), permit, new DateOnly(2021, 3 + i % 9, 15));
                        break;
                    case PoolCategory.UnderConstruction when k % 5 == 0:
                        // 复工 in 2020 after stopping in 2019.
                        Build(project, new DateOnly(2019, 1 + i % 6, 10), permit);
                        project.RecordConstruction(ConstructionEventKind.Suspended, new DateOnly(2019, 8 + i % 4, 1), null, "资金未到位", by, _now, today);
                        project.RecordConstruction(ConstructionEventKind.Resumed, new DateOnly(2020, 4 + i % 6, 1), null, null, by, _now, today);
                        project.RecordConstruction(ConstructionEventKind.Accepted, new DateOnly(2021, 6 + i % 6, 20), "竣工验收备案", null, by, _now, today);
                        break;
                    case PoolCategory.UnderConstruction:
                        Build(project, new DateOnly(2020, 3 + i % 9, 10), permit, new DateOnly(2021, 6 + i % 6, 20));
                        break;
                    case PoolCategory.Suspended:
                        Build(project, new DateOnly(2019, 1 + i % 6, 10), permit);
                        project.RecordConstruction(ConstructionEventKind.Suspended, new DateOnly(2019, 7 + i % 6, 1), null, i % 2 == 0 ? "资金未到位" : "规划调整", by, _now, today);
                        break;
                }
                var continuing = project.ConstructionStatusAsOf(new DateOnly(year - 1, 12, 31)) != ConstructionStatus.NotStarted;
                project.SetYearPool(year, isKeyProject: true, isNewBuild: !continuing, isContinuing: continuing, isMajor: i % 5 == 0, isPackaged: false,
                    null, total * 0.25m * 100_000_000m);
                if (category is PoolCategory.NotStarted or PoolCategory.Suspended)
                    project.SetYearPool(2022, isKeyProject: false, false, false, false, false, null, null);
            }
        }
    }

    /// <summary>
    /// 项目问题 of docs/domain.md, "四个保障专班与问题分流": the real problems of the source documents (solved and closed), the
    /// “四塔” 征收难点 overdue and taken up to the 指挥部, one waiting to be accepted and one waiting for the company's word;
    /// the four 专班 routes; 华为's 绿色通道 services.
    /// </summary>
    private void SeedProjectIssues()
    {
        var routes = new Dictionary<IssueCategory, IssueCategoryRoute>
        {
            [IssueCategory.Expropriation] = new(IssueCategory.Expropriation, _departments["NG-ZB-ZS"].Id),
            [IssueCategory.Procedures] = new(IssueCategory.Procedures, _departments["NG-ZB-SX"].Id),
            [IssueCategory.Legal] = new(IssueCategory.Legal, _departments["NG-ZB-SF"].Id),
            [IssueCategory.Policy] = new(IssueCategory.Policy, _departments["NG-ZB-ZC"].Id, dueDays: 30),
            [IssueCategory.Factors] = new(IssueCategory.Factors, null, dueDays: 30),
        };
        db.IssueCategoryRoutes.AddRange(routes.Values);
        Project Named(string name) => db.Projects.Local.Single(p => p.Name == name);
        var today = clock.Today();

        ProjectIssue Raise(string project, string title, string description, IssueCategory category, DateOnly on, string by, IssueRaiserRole role,
            bool onBehalf = false, string? department = null)
        {
            var target = Named(project);
            var route = IssueRouting.Route(category, routes.GetValueOrDefault(category) ?? IssueCategoryRoute.Default(category),
                department is null ? null : _departments[department].Id, on, null);
            var issue = new ProjectIssue(target.Id, title, description, category, target.DispatchPhase, role, onBehalf, on, route, _users[by].Id, _now, today);
            db.ProjectIssues.Add(issue);
            return issue;
        }

        void Resolve(ProjectIssue issue, DateOnly accepted, string handler, string? progress, DateOnly solved, string solution, string secretary, DateOnly confirmed, DateOnly? closed)
        {
            issue.Accept(accepted, _users[handler].Id, _now, null);
            if (progress is not null)
                issue.AddProgress(accepted.AddDays(7), _users[handler].Id, _now, progress);
            issue.Solve(solved, _users[handler].Id, _now, solution);
            issue.RecordCompanyAnswer(true, confirmed, _users[secretary].Id, _now, "企业确认问题已解决");
            if (closed is { } on)
                issue.Close(on, _users["dispatch"].Id, _now, null);
        }

        var land = Raise("城投水文化园酒店", "酒店地块土地划转手续未完成", "水文化园酒店地块土地划转手续未完成，影响了项目进度，企业请求协调办理。",
            IssueCategory.Procedures, new DateOnly(2022, 3, 10), "officer", IssueRaiserRole.Officer, onBehalf: true);
        Resolve(land, new DateOnly(2022, 3, 11), "zhuanban", "与市规划和自然资源局对接划转材料", new DateOnly(2022, 6, 10), "土地划转手续办结，取得划转批复。",
            "officer", new DateOnly(2022, 6, 13), new DateOnly(2022, 6, 15));

        var farmland = Raise("吉高集团京哈高速公路服务区项目", "服务区地块农转征手续办理", "服务区地块农转征手续办理缓慢，涉及失地农民社保，需市社保局协同。",
            IssueCategory.Procedures, new DateOnly(2022, 4, 6), "officer", IssueRaiserRole.Officer, onBehalf: true);
        farmland.Accept(new DateOnly(2022, 4, 7), _users["zhuanban"].Id, _now, "点兵点将，指派专人跟办");
        farmland.RecordCoordination(new DateOnly(2022, 4, 20), "市社保局", "协调失地农民社保缴费核定", _users["dispatch"].Id, _now);
        farmland.Solve(new DateOnly(2022, 8, 30), _users["zhuanban"].Id, _now, "农转征手续办结，地块具备供地条件。");
        farmland.RecordCompanyAnswer(true, new DateOnly(2022, 9, 2), _users["officer"].Id, _now, "企业确认");
        farmland.Close(new DateOnly(2022, 9, 5), _users["dispatch"].Id, _now, null);

        var design = Raise("华为吉林区域总部", "方案设计审查与临舍搭建", "项目方案设计需加快审查，施工临舍搭建需办理临时用地手续。",
            IssueCategory.Procedures, new DateOnly(2022, 3, 28), "officer", IssueRaiserRole.DepartmentSecretary, onBehalf: true);
        Resolve(design, new DateOnly(2022, 3, 29), "zhuanban", null, new DateOnly(2022, 4, 25), "方案设计审查通过，临舍用地手续办结。",
            "officer", new DateOnly(2022, 4, 27), new DateOnly(2022, 4, 29));

        var pipes = Raise("华为吉林区域总部", "市政管网配套未落实", "地块超高土需运出以提供净地，给排水、热力等市政管网配套尚未落实。",
            IssueCategory.Factors, new DateOnly(2022, 4, 2), "mahui", IssueRaiserRole.LocalSecretary, onBehalf: true, department: "NG-ZJJ");
        pipes.Accept(new DateOnly(2022, 4, 6), _users["dispatch"].Id, _now, null);
        pipes.RecordCoordination(new DateOnly(2022, 4, 18), "春城热力、市水务集团", "管网接驳方案会商", _users["dispatch"].Id, _now);
        pipes.Solve(new DateOnly(2022, 6, 20), _users["dispatch"].Id, _now, "超高土运出，净地交付；管网配套落实。");
        pipes.RecordCompanyAnswer(true, new DateOnly(2022, 6, 22), _users["mahui"].Id, _now, "企业确认");
        pipes.Close(new DateOnly(2022, 6, 24), _users["dispatch"].Id, _now, null);

        var power = Raise("华润中心", "万象城开业用电需求", "万象城开业在即，用电负荷需平原 66 千伏二次变电站保障。",
            IssueCategory.Factors, new DateOnly(2023, 3, 1), "dispatch", IssueRaiserRole.DispatchOffice, onBehalf: true, department: "NG-FGJ");
        power.Accept(new DateOnly(2023, 3, 2), _users["dispatch"].Id, _now, null);
        power.RecordCoordination(new DateOnly(2023, 3, 9), "市供电公司", "专题调度：平原 66 千伏二次变电站送电节点", _users["dispatch"].Id, _now);
        power.Solve(new DateOnly(2023, 4, 20), _users["dispatch"].Id, _now, "变电站按期送电，开业用电保障到位。");
        power.RecordCompanyAnswer(true, new DateOnly(2023, 4, 21), _users["dispatch"].Id, _now, "企业确认");
        power.Close(new DateOnly(2023, 4, 25), _users["dispatch"].Id, _now, null);

        // Open now: the 四塔 征收难点, overdue and taken up by the daily check; one awaiting acceptance; one awaiting the company.
        var towers = Raise("中国中铁吉林区域总部基地", "“四塔”地标区域征收难点", "“四塔”地标区域尚有未签约户，征收难点未破解，影响塔楼开工。",
            IssueCategory.Expropriation, new DateOnly(2026, 9, 15), "baobao", IssueRaiserRole.ResponsibleLeader);
        towers.Accept(new DateOnly(2026, 9, 16), _users["dispatch"].Id, _now, null);
        var taken = towers.DueOn.AddDays(routes[IssueCategory.Expropriation].EscalateAfterDays);
        towers.Escalate(EscalationLevel.Headquarters, taken, null, _now, $"逾期 {towers.OverdueDays(taken)} 天，系统自动上提", automatically: true);
        towers.AddProgress(taken.AddDays(1), _users["dispatch"].Id, _now, "剩余 3 户，逐户做工作");

        Raise("华为吉林区域总部", "二期临舍搭建用地协调", "二期施工临舍需临时用地约 3000 平方米，企业请求协调。",
            IssueCategory.Factors, new DateOnly(2026, 11, 10), "mahui", IssueRaiserRole.LocalSecretary, onBehalf: true, department: "NG-ZJJ");

        var rent = Raise("邮储银行吉林省分行营运中心", "营运中心租金补贴政策兑现", "营运中心入驻已满一年，申请兑现楼宇租金补贴。",
            IssueCategory.Policy, new DateOnly(2026, 10, 20), "officer", IssueRaiserRole.Officer, onBehalf: true);
        rent.Accept(new DateOnly(2026, 10, 21), _users["dispatch"].Id, _now, null);
        rent.Solve(new DateOnly(2026, 11, 18), _users["dispatch"].Id, _now, "租金补贴 86 万元已拨付。");

        var huawei = Named("华为吉林区域总部");
        var building = _departments["NG-ZJJ"].Id;
        void Serve(GreenChannelItem item, string? detail, DateOnly requested, int days, DateOnly? done, decimal? relief)
        {
            var service = new GreenChannelService(huawei.Id, huawei.IsGreenChannel, item, detail, building, requested, requested.AddDays(days), today);
            if (done is { } on)
                service.Complete(on, relief, today);
            db.GreenChannelServices.Add(service);
        }
        Serve(GreenChannelItem.Agency, "施工许可代办", new DateOnly(2022, 5, 10), 15, new DateOnly(2022, 6, 20), null);
        Serve(GreenChannelItem.RoadOccupancyRelief, "施工围挡占道", new DateOnly(2022, 6, 28), 10, new DateOnly(2022, 7, 5), 126_000m);
        Serve(GreenChannelItem.SpoilRelief, "超高土外运", new DateOnly(2022, 7, 1), 10, new DateOnly(2022, 7, 8), 386_000m);
        Serve(GreenChannelItem.SnowClearingRelief, null, new DateOnly(2022, 12, 5), 7, new DateOnly(2022, 12, 9), 18_000m);
        Serve(GreenChannelItem.SnowClearingRelief, null, new DateOnly(2026, 11, 15), 15, null, null);
    }

    /// <summary>
    /// The monthly 调度会 of January to September 2022 as the dispatch office held them (docs/domain.md, "调度会"): each
    /// prepared by the product's own rules as of its date, chaired by the district leader, with the minutes and tasks the
    /// brief's problems called for, held, and its 快报 sent the next day. October onwards is left for the dispatch office to
    /// prepare (the README's walk-through).
    /// </summary>
    private async Task SeedMeetings2022Async(CancellationToken ct)
    {
        var dispatch = new DemoActor(_users["dispatch"]);
        var scope = new InvestmentCrm.Authorization.DataScope(db, dispatch);
        var pool = new ProjectPoolAppService(db, scope, new FiguresEngine(db, scope, clock), clock);
        var meetings = new InvestmentCrm.Meetings.MeetingAppService(db, scope, pool, dispatch, clock);
        var notes = new (int Month, string Project, string Minutes, string Task, string Unit, DateOnly Due)[]
        {
            // January has no 序时进度 to fall behind yet (no month completed): the office puts the year's first key project up by hand.
            (1, "华为吉林区域总部", "包保领导张华汇报：2022 年计划投资 6 亿元，二期方案设计与施工准备同步推进。",
                "倒排二期施工计划，一季度完成方案设计审查", "NG-ZJJ", new DateOnly(2022, 3, 31)),
            (4, "华为吉林区域总部", "包保领导张华汇报：方案设计审查、施工临舍搭建和市政管网配套问题已提交保障专班办理。",
                "住建局会商春城热力、市水务集团，落实给排水、热力管网接驳方案", "NG-ZJJ", new DateOnly(2022, 5, 31)),
            (4, "城投水文化园酒店", "牵头部门汇报：酒店地块土地划转手续未完成，影响项目进度。",
                "手续专班对接市规划和自然资源局，加快办理土地划转", "NG-ZB-SX", new DateOnly(2022, 6, 10)),
            (5, "吉高集团京哈高速公路服务区项目", "服务区地块农转征手续涉及失地农民社保缴费核定，推进缓慢。",
                "协调市社保局核定失地农民社保缴费，推进农转征", "NG-ZB-SX", new DateOnly(2022, 8, 31)),
            (9, "华为吉林区域总部", "包保领导张华汇报：二期主体施工推进中，年度投资完成低于序时进度。",
                "加快二期主体施工进度，10 月底前年度投资完成率达到 80%", "NG-ZJJ", new DateOnly(2022, 10, 31)),
        };
        for (var month = 1; month <= 9; month++)
        {
            var id = await meetings.PrepareMonthlyAsync(2022, month, InvestmentCrm.Meetings.MeetingSchedule.Default, ct);
            var meeting = (await meetings.GetAsync(id, ct))!;
            await meetings.DescribeAsync(id, new InvestmentCrm.Meetings.MeetingDetailsInput(meeting.Title, meeting.Date, "区政府三楼会议室", _users["leader"].Id,
                "发改局、住建局等牵头部门，各街道主要负责同志，春城热力、市供电公司", [.. new[] { "leader", "baobao", "dispatch", "head", "zhuanban" }.Select(u => _users[u].Id)]), ct);
            foreach (var note in notes.Where(n => n.Month == month))
            {
                var project = db.Projects.Local.Single(p => p.Name == note.Project).Id;
                if (meeting.Items.All(i => i.ProjectId != project))
                    await meetings.AddItemAsync(id, project, ct);
                var item = (await meetings.GetAsync(id, ct))!.Items.Single(i => i.ProjectId == project);
                await meetings.RecordMinutesAsync(id, item.Id, note.Minutes, ct);
                await meetings.DecideAsync(id, item.Id, new InvestmentCrm.Meetings.MeetingDecisionInput(note.Task, _departments[note.Unit].Id, note.Due), ct);
            }
            await meetings.MarkHeldAsync(id, ct);
            var sentNextDay = new DayClock(meeting.Date.AddDays(1), clock.LocalTimeZone);
            var bulletins = new InvestmentCrm.Meetings.MeetingBulletinAppService(db, scope, meetings, dispatch, sentNextDay);
            await bulletins.SendAsync(id, await bulletins.DefaultRecipientsAsync(ct), ct);
        }
    }

    /// <summary>The dispatch office's officer, as whom the demo's meetings were prepared.</summary>
    private sealed class DemoActor(AppUser user) : ICurrentUser
    {
        public Guid? UserId => user.Id;
        public string? UserName => user.UserName;
        public string? DisplayName => user.DisplayName;
        public Guid? DepartmentId => user.DepartmentId;
        public string? IpAddress => null;
        public string? RequestId => null;
    }

    /// <summary>A clock standing on one day (10:00 business time): a 快报 of 2022 was sent in 2022.</summary>
    private sealed class DayClock(DateOnly day, TimeZoneInfo zone) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => zone;

        public override DateTimeOffset GetUtcNow()
        {
            var local = day.ToDateTime(new TimeOnly(10, 0));
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    /// <summary>The major projects of docs/domain.md, at the stages the source documents describe.</summary>
    private void SeedNamedProjects()
    {
        var huawei = NewProject("华为吉林区域总部", ProjectType.Industrial, "数字科创/云计算", new DateOnly(2021, 3, 1), "NG-KFQ-ZS", "南部新城·数字科创集聚区", "产业链招商");
        huawei.PlannedDomestic = Money.YiYuan(20m);
        huawei.SetYearPool(2022, isKeyProject: true, isNewBuild: true, isContinuing: false, isMajor: true, isPackaged: false, null, 6 * 100_000_000m);
        huawei.ResponsibleLeaderId = _users["baobao"].Id;
        huawei.DepartmentSecretaryId = _users["officer"].Id;
        huawei.LocalSecretaryId = _users["mahui"].Id;
        huawei.IsGreenChannel = true;
        Negotiate(huawei, "huawei", new DateOnly(2021, 5, 12), "华为吉林区域总部选址洽谈：南部新城数字科创集聚区地块");
        Sign(huawei, "NG-2021-018", new DateOnly(2021, 9, 2), "南关区人民政府；华为技术有限公司", Money.YiYuan(20m), Money.Zero(Money.Usd), "第十三届东北亚博览会");
        Land(huawei, new DateOnly(2022, 3, 18), LandingEvidenceKind.LandContract, "长国土挂 2022-031 成交确认书");
        PreApprove(huawei, new DateOnly(2022, 3, 25));
        Build(huawei, new DateOnly(2022, 6, 28), "施工许可证 220102202206280101");
        huawei.SetContributors([(_users["officer"].Id, ContributorRole.FirstNegotiator, 60m), (_users["mahui"].Id, ContributorRole.LandingService, 40m)]);
        Arrive(huawei, new DateOnly(2022, 8, 30), Money.YiYuan(3.5m), CapitalSource.Domestic);
        huawei.MoveTo(ProjectStage.Funded, new DateOnly(2022, 8, 30), _now, _users["officer"].Id);
        Arrive(huawei, new DateOnly(2026, 9, 28), Money.YiYuan(2m), CapitalSource.Domestic, verify: false);

        var crc = NewProject("华润中心", ProjectType.CommercialComplex, "高端商务商业/高端商业品牌", new DateOnly(2016, 4, 1), "NG-SWJ", "人民大街与解放大路交汇处", "定向招商");
        crc.PlannedDomestic = Money.YiYuan(60m);
        crc.SetYearPool(2022, isKeyProject: true, isNewBuild: false, isContinuing: true, isMajor: true, isPackaged: false, null, 9 * 100_000_000m);
        crc.ResponsibleLeaderId = _users["leader"].Id;
        Negotiate(crc, "crland", new DateOnly(2016, 6, 20), "华润中心综合体投资洽谈：A 座 289 米办公楼、万象城");
        Sign(crc, "NG-2016-007", new DateOnly(2016, 12, 8), "南关区人民政府；华润置地有限公司", Money.YiYuan(60m), Money.Zero(Money.Usd));
        Land(crc, new DateOnly(2017, 5, 10), LandingEvidenceKind.LandContract, "长国土挂 2017-112");
        Arrive(crc, new DateOnly(2022, 11, 15), Money.YiYuan(8m), CapitalSource.Domestic);
        crc.MoveTo(ProjectStage.Funded, new DateOnly(2022, 11, 15), _now, _users["officer"].Id);
        // 万象城 opened earlier; A 座 (289 m) kept the project building through 2022 (续建), accepted in 2024.
        Build(crc, new DateOnly(2017, 9, 20), "施工许可证 220102201709200201", new DateOnly(2024, 10, 30), new DateOnly(2024, 12, 28));
        Arrive(crc, new DateOnly(2023, 4, 20), Money.WanDollars(1200m), CapitalSource.Foreign);

        var crc2 = NewProject("华润中心二期", ProjectType.CommercialComplex, "高端商务商业/楼宇经济", new DateOnly(2023, 2, 1), "NG-SWJ", "人民大街金融隆起带", "以企引企");
        crc2.PlannedDomestic = Money.YiYuan(30m);
        crc2.AddCompany(_companies["crland"].Id, ProjectCompanyRole.Investor);

        var yillion = NewProject("亿联银行总部", ProjectType.Industrial, "金融业/银行", new DateOnly(2018, 3, 1), "NG-JRB", "南部新城·金融集聚区", "精准招商");
        yillion.PlannedDomestic = Money.YiYuan(12m);
        Negotiate(yillion, "yillion", new DateOnly(2018, 5, 8), "亿联银行全国总部落位洽谈");
        Sign(yillion, "NG-2019-004", new DateOnly(2019, 1, 16), "南关区人民政府；吉林亿联银行股份有限公司", Money.YiYuan(12m), Money.Zero(Money.Usd));
        Land(yillion, new DateOnly(2020, 6, 1), LandingEvidenceKind.BusinessLicence, "长春南关 2020-营-0601");
        Build(yillion, new DateOnly(2020, 9, 15), "施工许可证 220102202009150301");
        yillion.SetYearPool(2022, isKeyProject: true, isNewBuild: false, isContinuing: true, isMajor: false, isPackaged: false, null, 2 * 100_000_000m);

        var crec = NewProject("中国中铁吉林区域总部基地", ProjectType.Industrial, "总部经济/营运总部", new DateOnly(2019, 5, 1), "NG-KFQ-ZS", "华远路高端服务业聚集带（金腰带）", "定向招商");
        crec.PlannedDomestic = Money.YiYuan(25m);
        crec.SetYearPool(2022, isKeyProject: true, isNewBuild: false, isContinuing: true, isMajor: false, isPackaged: false, null, 4 * 100_000_000m);
        crec.ResponsibleLeaderId = _users["baobao"].Id;
        Negotiate(crec, "crec", new DateOnly(2019, 7, 2), "中铁塔楼选址与区域总部功能洽谈");
        Sign(crec, "NG-2020-011", new DateOnly(2020, 8, 26), "南关区人民政府；中国中铁股份有限公司", Money.YiYuan(25m), Money.Zero(Money.Usd), "第十二届东北亚博览会");
        Land(crec, new DateOnly(2021, 3, 30), LandingEvidenceKind.LandContract, "长国土挂 2021-045");
        Arrive(crec, new DateOnly(2022, 7, 12), Money.YiYuan(6m), CapitalSource.Domestic);
        crec.MoveTo(ProjectStage.Funded, new DateOnly(2022, 7, 12), _now, _users["officer"].Id);
        Build(crec, new DateOnly(2021, 6, 18), "施工许可证 220102202106180401");

        var galaxy = NewProject("“银河一英里”地下空间东段工程", ProjectType.CommercialComplex, "传统商贸业/夜间经济", new DateOnly(2021, 11, 1), "NG-SWJ", "“银河一英里”商圈", "联动招商");
        galaxy.PlannedDomestic = Money.YiYuan(35.7m);
        Negotiate(galaxy, "ctjt", new DateOnly(2022, 2, 14), "地下三层商业空间加地上步行街方案会商");
        Sign(galaxy, "NG-2022-021", new DateOnly(2022, 9, 6), "南关区人民政府；长春城投建设投资（集团）有限公司", Money.YiYuan(35.7m), Money.Zero(Money.Usd));
        // 包装策划 in 2022 (an 在谈重点项目 packaged for landing); signed in September, not yet landed.
        galaxy.SetYearPool(2022, isKeyProject: false, isNewBuild: false, isContinuing: false, isMajor: false, isPackaged: true, null, null);

        var haobang = NewProject("豪邦锦上", ProjectType.CommercialComplex, "房地产（含建筑业）/住房租赁", new DateOnly(2019, 2, 1), "NG-JD-NL", "临河街与福祉大路交汇处", "以商招商");
        haobang.PlannedDomestic = Money.YiYuan(8m);
        Negotiate(haobang, "haobang", new DateOnly(2019, 4, 11), "豪邦锦上一期、二期开发节点洽谈");
        Sign(haobang, "NG-2019-015", new DateOnly(2019, 10, 9), "南关区人民政府；长春豪邦房地产开发有限公司", Money.YiYuan(8m), Money.Zero(Money.Usd));
        Land(haobang, new DateOnly(2020, 4, 2), LandingEvidenceKind.LandContract, "长国土挂 2020-018");
        Arrive(haobang, new DateOnly(2021, 5, 20), Money.YiYuan(2.4m), CapitalSource.Domestic);
        haobang.MoveTo(ProjectStage.Funded, new DateOnly(2021, 5, 20), _now, _users["officer"].Id);
        Build(haobang, new DateOnly(2020, 5, 20), "施工许可证 220102202005200501", new DateOnly(2022, 10, 28), new DateOnly(2023, 5, 1));
        haobang.SetYearPool(2022, isKeyProject: true, isNewBuild: false, isContinuing: true, isMajor: false, isPackaged: false, null, 1.5m * 100_000_000m);

        var hotel = NewProject("城投水文化园酒店", ProjectType.Industrial, "文化旅游业/文旅康养", new DateOnly(2021, 6, 1), "NG-WLJ", "伊通河都市生态轴", "专题招商");
        hotel.PlannedDomestic = Money.YiYuan(3.2m);
        Negotiate(hotel, "ctjt", new DateOnly(2021, 7, 6), "水文化园酒店运营方案会商");
        Sign(hotel, "NG-2021-026", new DateOnly(2021, 12, 1), "南关区人民政府；长春城投建设投资（集团）有限公司", Money.YiYuan(3.2m), Money.Zero(Money.Usd));
        Land(hotel, new DateOnly(2022, 6, 15), LandingEvidenceKind.LandContract, "土地划转批复 2022-07");
        PreApprove(hotel, new DateOnly(2022, 6, 20));
        // Not on the 2022 list of 50: 土地划转手续 still open (docs/domain.md); the year's record says so.
        hotel.SetYearPool(2022, isKeyProject: false, isNewBuild: false, isContinuing: false, isMajor: false, isPackaged: true, null, null);

        var jigao = NewProject("吉高集团京哈高速公路服务区项目", ProjectType.Industrial, "传统商贸业/新兴服务业", new DateOnly(2021, 8, 1), "NG-XFX", "绕城以外", "以企引企");
        jigao.PlannedDomestic = Money.YiYuan(2.6m);
        Negotiate(jigao, "jigao", new DateOnly(2021, 9, 15), "京哈高速服务区选址与农转征手续会商");
        Sign(jigao, "NG-2022-003", new DateOnly(2022, 2, 25), "南关区人民政府；吉林省高速公路集团有限公司", Money.YiYuan(2.6m), Money.Zero(Money.Usd));
        Land(jigao, new DateOnly(2022, 9, 9), LandingEvidenceKind.BusinessLicence, "长春南关 2022-营-0909");
        PreApprove(jigao, new DateOnly(2022, 9, 15));
        jigao.SetYearPool(2022, isKeyProject: false, isNewBuild: false, isContinuing: false, isMajor: false, isPackaged: true, null, null);
        InvestMonthly(huawei, 2022, 7..9, 1.2m);
        InvestMonthly(crc, 2022, 1..9, 0.8m);
        InvestMonthly(crec, 2022, 3..9, 0.4m);
        InvestMonthly(yillion, 2022, 4..9, 0.25m);
        InvestMonthly(haobang, 2022, 1..9, 0.15m);

        var nanxi = NewProject("南溪智融", ProjectType.Industrial, "金融业/金融科技", new DateOnly(2025, 3, 1), "NG-JRB", "南部新城·金融集聚区", "中介招商");
        nanxi.ReferrerCompanyId = _companies["pwc"].Id;
        Negotiate(nanxi, "pingan", new DateOnly(2026, 10, 21), "南溪智融金融科技楼宇入驻洽谈");

        var hana = NewProject("韩亚银行东北亚总部", ProjectType.Industrial, "金融业/银行", new DateOnly(2025, 9, 1), "NG-JRB", "人民大街金融隆起带", "精准招商");
        hana.PlannedForeign = Money.WanDollars(3000m);
        Negotiate(hana, "hana", new DateOnly(2026, 9, 18), "韩亚银行东北亚总部设立方案洽谈");

        var zhongrong = NewProject("中融信托吉林分支机构", ProjectType.Industrial, "金融业/信托", new DateOnly(2025, 11, 1), "NG-JRB", "人民大街金融隆起带", "定向招商");
        Negotiate(zhongrong, "zhongrong", new DateOnly(2026, 3, 5), "中融信托落位启动洽谈");
        zhongrong.MoveTo(ProjectStage.Suspended, new DateOnly(2026, 8, 1), _now, _users["officer"].Id, "投资方内部调整，暂缓推进");

        var pingan = NewProject("平安银行长春分行新址", ProjectType.BuildingFill, "金融业/银行", new DateOnly(2025, 6, 1), "NG-JD-ZQ", "长春国际金融中心", "楼宇包装加定向招商活动");
        pingan.PlannedDomestic = Money.YiYuan(1.5m);
        Negotiate(pingan, "pingan", new DateOnly(2025, 8, 19), "平安银行楼宇购置洽谈");
        Sign(pingan, "NG-2026-002", new DateOnly(2026, 4, 10), "南关区人民政府；平安银行股份有限公司", Money.YiYuan(1.5m), Money.Zero(Money.Usd));

        foreach (var (name, company, industry, registered) in new[]
                 {
                     ("招商银行吉林分行区域总部", "cmb", "金融业/银行", new DateOnly(2026, 9, 15)),
                     ("太平洋保险吉林后援中心", "cpic", "金融业/金融后援（数据处理、研发、查询、客服、培训中心）", new DateOnly(2026, 10, 8)),
                     ("东北电力设计院科创中心", "dbdl", "科技服务业/研发与设计", new DateOnly(2026, 11, 3)),
                 })
        {
            var reserve = NewProject(name, ProjectType.Industrial, industry, registered, "NG-SWJ", "南部新城·总部商务集聚区", "本地项目源");
            reserve.AddCompany(_companies[company].Id, ProjectCompanyRole.Investor);
        }

        var followUp = new Activity(new DateOnly(2026, 11, 12), ActivityType.DoorKnocking, "走访太平洋保险吉林分公司，介绍南部新城金融集聚区政策", _companies["cpic"].Id, null)
        {
            NextStep = "报送后援中心选址方案",
            NextStepDue = new DateOnly(2026, 11, 30),
            CreatedBy = _users["officer"].Id,
            OwnerDepartmentId = _departments["NG-SWJ"].Id,
        };
        followUp.AddParticipant(_users["officer"].Id);
        db.Activities.Add(followUp);
        var overdue = new Activity(new DateOnly(2026, 10, 28), ActivityType.ResponsibilityVisit, "包保走访华为吉林区域总部：协调超高土外运与管网配套", _companies["huawei"].Id, huawei.Id)
        {
            NextStep = "市政配套方案报区领导审定",
            NextStepDue = new DateOnly(2026, 11, 15),
            CreatedBy = _users["baobao"].Id,
            OwnerDepartmentId = _departments["NG-ZHB"].Id,
        };
        overdue.AddParticipant(_users["baobao"].Id);
        overdue.AddParticipant(_users["officer"].Id);
        db.Activities.Add(overdue);
    }

    private void SeedTargets()
    {
        // 2012 district targets (docs/domain.md).
        db.Targets.AddRange(
            Target.ForYear(2012, MetricCode.DomesticFunds, 30m, "亿元"),
            Target.ForYear(2012, MetricCode.ForeignFunds, 5000m, "万美元"),
            Target.ForYear(2012, MetricCode.FulfilmentRate, 80m, "%"),
            Target.ForYear(2012, MetricCode.ArrivalRate, 25m, "%"));

        var campaign = new Campaign("第五轮招商引资九个月攻坚行动", new DateOnly(2012, 4, 1), new DateOnly(2012, 12, 31));
        db.Campaigns.Add(campaign);
        foreach (var (metric, value) in new[] { (MetricCode.ReserveCount, 130m), (MetricCode.SignedCount, 60m), (MetricCode.StrategicInvestorCount, 1m) })
        {
            db.Targets.Add(new Target(metric, PeriodKind.Campaign, campaign.Start, campaign.End, TargetScope.District, value, "个")
            {
                CampaignId = campaign.Id,
            });
        }

        // 十四五 targets (docs/domain.md).
        db.Targets.AddRange(
            new Target(MetricCode.DomesticFunds, PeriodKind.FiveYearPlan, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), TargetScope.District, 350m, "亿元"),
            new Target(MetricCode.ForeignFunds, PeriodKind.FiveYearPlan, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), TargetScope.District, 8000m, "万美元"));

        // 十三五实绩, the baseline 十四五 is compared with (docs/domain.md).
        db.PlanBaselines.AddRange(
            new PlanBaseline(2016, MetricCode.DomesticFunds, 305.2m, "南关区“十四五”规划纲要：十三五期间累计利用内资"),
            new PlanBaseline(2016, MetricCode.ForeignFunds, 12500m, "南关区“十四五”规划纲要：十三五期间累计引进外资 1.25 亿美元"));

        // Yearly average rates (demo values); monthly rates are entered by the finance bureau.
        foreach (var (year, usdToCny) in new[] { (2012, 6.3125m), (2021, 6.4515m), (2022, 6.7261m), (2023, 7.0467m), (2026, 7.1200m) })
            db.ExchangeRates.Add(new ExchangeRate(year, null, Money.Usd, usdToCny, 1m));
    }

    /// <summary>
    /// 2025 and 2026 (the year the demo is opened in), so that the cockpit has a year in progress to show:
    /// signings, landings and verified tranches month by month, 续建 funds, foreign funds in USD and HKD, and a
    /// key project whose start of construction is overdue. Names from docs/domain.md.
    /// </summary>
    private void SeedRecentYears()
    {
        Company AddCompany(string key, string name, CompanyNature nature, string first17, string industry, string origin, string? tags = null, bool strategic = false)
        {
            var company = new Company(name, nature, Code(first17))
            {
                OwnerDepartmentId = _departments["NG-SWJ"].Id,
                Industry = industry,
                Origin = origin,
                Tags = tags,
                IsStrategicInvestor = strategic,
            };
            _companies[key] = company;
            db.Companies.Add(company);
            return company;
        }

        AddCompany("psbc", "中国邮政储蓄银行股份有限公司", CompanyNature.CentralSoe, "91110000710920131", "金融业/银行", "北京市", "中国500强、上市");
        AddCompany("zllf", "吉林省智联力丰科技有限公司", CompanyNature.Private, "91220101330120458", "数字科创/软件和信息技术服务", "吉林省长春市", "规模企业、专精特新");
        AddCompany("guowen", "国文医疗健康产业集团有限公司", CompanyNature.Private, "91110105330271236", "大健康/医疗服务", "北京市");
        AddCompany("jlfh", "吉林省金融控股集团股份有限公司", CompanyNature.LocalSoe, "91220000316540127", "金融业/基金", "吉林省长春市", "地方金融");
        AddCompany("pingan-life", "中国平安人寿保险股份有限公司", CompanyNature.Private, "91440300710930251", "金融业/保险", "广东省深圳市", "世界500强、上市", strategic: true);

        var officer = _users["officer"].Id;
        var head = _users["head"].Id;
        var zhouting = _users["zhouting"].Id;
        var mahui = _users["mahui"].Id;

        var psbc = NewProject("邮储银行吉林省分行营运中心", ProjectType.Industrial, "金融业/银行", new DateOnly(2024, 10, 8), "NG-JRB", "人民大街金融隆起带", "精准招商");
        psbc.PlannedDomestic = Money.YiYuan(6m);
        Negotiate(psbc, "psbc", new DateOnly(2024, 12, 3), "邮储银行营运中心选址与政策洽谈");
        Sign(psbc, "NG-2025-006", new DateOnly(2025, 3, 18), "南关区人民政府；中国邮政储蓄银行股份有限公司", Money.YiYuan(6m), Money.Zero(Money.Usd));
        Land(psbc, new DateOnly(2025, 6, 2), LandingEvidenceKind.SpaceLeaseOrPurchase, "长春国际金融中心 12–15 层购置合同");
        psbc.SetContributors([(officer, ContributorRole.FirstNegotiator, 50m), (zhouting, ContributorRole.LandingService, 50m)]);
        Arrive(psbc, new DateOnly(2025, 7, 16), Money.YiYuan(1.2m), CapitalSource.Domestic);
        psbc.MoveTo(ProjectStage.Funded, new DateOnly(2025, 7, 16), _now, officer);
        Arrive(psbc, new DateOnly(2025, 11, 20), Money.YiYuan(0.8m), CapitalSource.Domestic);
        Arrive(psbc, new DateOnly(2026, 3, 12), Money.YiYuan(2m), CapitalSource.Domestic);
        Arrive(psbc, new DateOnly(2026, 8, 21), Money.YiYuan(1.5m), CapitalSource.Domestic);
        psbc.SetYearFlag(2026, isKeyProject: true, isContinuing: true);

        var life = NewProject("平安人寿吉林后援中心", ProjectType.BuildingFill, "金融业/金融后援（数据处理、研发、查询、客服、培训中心）", new DateOnly(2025, 2, 10), "NG-SWJ", "南部新城·总部商务集聚区", "以商招商");
        life.PlannedDomestic = Money.YiYuan(3m);
        Negotiate(life, "pingan-life", new DateOnly(2025, 5, 6), "平安人寿后援中心楼宇租赁洽谈");
        Sign(life, "NG-2025-019", new DateOnly(2025, 9, 10), "南关区人民政府；中国平安人寿保险股份有限公司", Money.YiYuan(3m), Money.Zero(Money.Usd), "第十七届东北亚博览会");
        Land(life, new DateOnly(2025, 12, 1), LandingEvidenceKind.SpaceLeaseOrPurchase, "绿地中心 A 座租赁合同");
        life.SetContributors([(officer, ContributorRole.FirstNegotiator, 100m)]);
        Arrive(life, new DateOnly(2025, 12, 18), Money.YiYuan(0.6m), CapitalSource.Domestic);
        life.MoveTo(ProjectStage.Funded, new DateOnly(2025, 12, 18), _now, officer);
        Arrive(life, new DateOnly(2026, 4, 22), Money.YiYuan(1.2m), CapitalSource.Domestic);

        var valley = NewProject("八一未来城智慧谷", ProjectType.Industrial, "数字科创/软件和信息技术服务", new DateOnly(2025, 8, 1), "NG-KFQ-ZS", "南部新城·数字科创集聚区", "产业链招商");
        valley.PlannedDomestic = Money.YiYuan(30m);
        valley.ResponsibleLeaderId = _users["baobao"].Id;
        valley.SetYearFlag(2026, isKeyProject: true, isContinuing: false);
        Negotiate(valley, "zllf", new DateOnly(2025, 10, 14), "智慧谷一期规划与产业导入方案洽谈");
        Sign(valley, "NG-2026-001", new DateOnly(2026, 1, 20), "南关区人民政府；吉林省智联力丰科技有限公司", Money.YiYuan(30m), Money.Zero(Money.Usd));
        Land(valley, new DateOnly(2026, 4, 15), LandingEvidenceKind.LandContract, "长国土挂 2026-017 成交确认书");
        valley.SetContributors([(mahui, ContributorRole.FirstNegotiator, 70m), (officer, ContributorRole.InformationProvider, 30m)]);
        Arrive(valley, new DateOnly(2026, 5, 28), Money.YiYuan(4m), CapitalSource.Domestic);
        valley.MoveTo(ProjectStage.Funded, new DateOnly(2026, 5, 28), _now, mahui);
        Arrive(valley, new DateOnly(2026, 7, 9), Money.YiYuan(3m), CapitalSource.Domestic);
        Arrive(valley, new DateOnly(2026, 10, 16), Money.YiYuan(5m), CapitalSource.Domestic);
        valley.ChangeDispatchPhase(DispatchPhase.PreApproval, new DateOnly(2026, 5, 6), null, false, mahui, _now);
        var permit = valley.AddMilestone(DispatchPhase.PreApproval, "取得建设工程规划许可证", new DateOnly(2026, 7, 31));
        valley.CompleteMilestone(permit.Id, new DateOnly(2026, 7, 24));
        valley.AddMilestone(DispatchPhase.Construction, "一期主体工程开工", new DateOnly(2026, 9, 30));

        var hospital = NewProject("国文（长春）医院", ProjectType.Livelihood, "大健康/医疗服务", new DateOnly(2025, 9, 15), "NG-JD-NL", "东部滨水宜居大街区", "以企引企");
        hospital.PlannedDomestic = Money.YiYuan(6m);
        Negotiate(hospital, "guowen", new DateOnly(2025, 11, 20), "国文医院床位规模与建设节点洽谈");
        Sign(hospital, "NG-2026-004", new DateOnly(2026, 2, 26), "南关区人民政府；国文医疗健康产业集团有限公司", Money.YiYuan(6m), Money.Zero(Money.Usd));
        Land(hospital, new DateOnly(2026, 5, 10), LandingEvidenceKind.BusinessLicence, "长春南关 2026-营-0510");
        hospital.SetContributors([(zhouting, ContributorRole.FirstNegotiator, 100m)]);
        Arrive(hospital, new DateOnly(2026, 6, 18), Money.YiYuan(2m), CapitalSource.Domestic);
        hospital.MoveTo(ProjectStage.Funded, new DateOnly(2026, 6, 18), _now, zhouting);
        Arrive(hospital, new DateOnly(2026, 9, 25), Money.YiYuan(1.5m), CapitalSource.Domestic);

        var fundSquare = NewProject("吉林长春基金广场二期", ProjectType.Industrial, "金融业/基金", new DateOnly(2025, 12, 1), "NG-SWJ", "人民大街金融隆起带", "定向招商");
        fundSquare.PlannedDomestic = Money.YiYuan(15m);
        Negotiate(fundSquare, "jlfh", new DateOnly(2026, 1, 12), "基金广场二期基金管理人集聚方案洽谈");
        Sign(fundSquare, "NG-2026-007", new DateOnly(2026, 3, 28), "南关区人民政府；吉林省金融控股集团股份有限公司", Money.YiYuan(15m), Money.Zero(Money.Usd));
        Land(fundSquare, new DateOnly(2026, 6, 30), LandingEvidenceKind.BusinessLicence, "长春南关 2026-营-0630");
        fundSquare.SetContributors([(officer, ContributorRole.FirstNegotiator, 60m), (head, ContributorRole.Introducer, 40m)]);
        Arrive(fundSquare, new DateOnly(2026, 8, 14), Money.YiYuan(3.5m), CapitalSource.Domestic);
        fundSquare.MoveTo(ProjectStage.Funded, new DateOnly(2026, 8, 14), _now, officer);
        Arrive(fundSquare, new DateOnly(2026, 11, 5), Money.YiYuan(2.5m), CapitalSource.Domestic);
        // Entered by 陈静, waiting in 商务局's 待认定 queue (a pending tranche counts in no figure).
        Arrive(fundSquare, new DateOnly(2026, 11, 18), Money.YiYuan(0.8m), CapitalSource.Domestic, verify: false).CreatedBy = officer;

        // 续建: 华为 and 华润中心 keep bringing money in after the year they were signed.
        var huawei = db.Projects.Local.Single(p => p.Name == "华为吉林区域总部");
        Arrive(huawei, new DateOnly(2025, 4, 24), Money.YiYuan(3m), CapitalSource.Domestic);
        Arrive(huawei, new DateOnly(2025, 10, 30), Money.YiYuan(2m), CapitalSource.Domestic);
        Arrive(huawei, new DateOnly(2026, 3, 27), Money.YiYuan(5m), CapitalSource.Domestic);
        huawei.SetYearFlag(2026, isKeyProject: true, isContinuing: true);
        var crc = db.Projects.Local.Single(p => p.Name == "华润中心");
        Arrive(crc, new DateOnly(2025, 8, 19), Money.WanDollars(500m), CapitalSource.Foreign);
        Arrive(crc, new DateOnly(2026, 6, 11), Money.WanDollars(300m), CapitalSource.Foreign);
        Arrive(crc, new DateOnly(2026, 9, 17), new Money(20_000_000m, "HKD"), CapitalSource.Foreign);
    }

    /// <summary>2026 targets decomposed district → departments → people (the tree shows the gaps), a campaign, 口径 per year.</summary>
    private void SeedRecentTargets()
    {
        Target District(MetricCode metric, decimal value)
        {
            var target = Target.ForYear(2026, metric, value, metric.UnitOf());
            db.Targets.Add(target);
            return target;
        }

        Target Child(Target parent, decimal value, string? department = null, string? user = null)
        {
            var target = new Target(parent.Metric, PeriodKind.Year, parent.PeriodStart, parent.PeriodEnd,
                user is null ? TargetScope.Department : TargetScope.Person, value, parent.Unit)
            {
                DepartmentId = department is null ? null : _departments[department].Id,
                UserId = user is null ? null : _users[user].Id,
                ParentTargetId = parent.Id,
            };
            db.Targets.Add(target);
            return target;
        }

        var domestic = District(MetricCode.DomesticFunds, 40m);
        var commerce = Child(domestic, 15m, "NG-SWJ");
        Child(commerce, 6m, user: "officer");
        Child(commerce, 4m, user: "head");
        var zone = Child(domestic, 15m, "NG-KFQ");
        Child(zone, 8m, user: "mahui");
        Child(domestic, 6m, "NG-JRB");
        var street = Child(domestic, 3m, "NG-JD-NL");
        Child(street, 2m, user: "zhouting");
        District(MetricCode.ForeignFunds, 1000m);
        District(MetricCode.FulfilmentRate, 80m);
        District(MetricCode.ArrivalRate, 25m);
        var signed = District(MetricCode.SignedCount, 8m);
        Child(signed, 3m, "NG-SWJ");
        Child(signed, 3m, "NG-KFQ");
        District(MetricCode.LandedCount, 6m);

        var campaign = new Campaign("2026年秋季招商引资百日攻坚行动", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 9));
        db.Campaigns.Add(campaign);
        foreach (var (metric, value) in new[] { (MetricCode.ReserveCount, 20m), (MetricCode.SignedCount, 5m), (MetricCode.StrategicInvestorCount, 1m) })
            db.Targets.Add(new Target(metric, PeriodKind.Campaign, campaign.Start, campaign.End, TargetScope.District, value, "个") { CampaignId = campaign.Id });

        // 重点项目: 亿元以上 in 2012, 5000万元以上 from 2022 (docs/domain.md).
        var rules2012 = new FigureRules(2012);
        rules2012.SetKeyProjectThreshold(100_000_000m);
        var rules2022 = new FigureRules(2022);
        rules2022.SetKeyProjectThreshold(50_000_000m);
        var rules2026 = new FigureRules(2026);
        rules2026.SetKeyProjectThreshold(50_000_000m);
        db.FigureRules.AddRange(rules2012, rules2022, rules2026);

        db.ExchangeRates.Add(new ExchangeRate(2025, null, Money.Usd, 7.1884m, 1m));
        db.ExchangeRates.Add(new ExchangeRate(2026, 9, "HKD", 0.9126m, 0.1282m));
    }
}
