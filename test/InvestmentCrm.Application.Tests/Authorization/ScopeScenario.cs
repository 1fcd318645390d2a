using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.EntityFrameworkCore.Seeding;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Authorization;

/// <summary>
/// A small district built for the authorisation matrix: 街道A, 街道B and a 开发区 with a sub-unit; one user per
/// data-scope level; projects whose 招引单位, creator, 包保领导 and contributors differ; one verified tranche each
/// (1, 2, 4, 8, 16, 32, 64 亿元 — powers of two, so every visible subset has its own sum).
/// </summary>
internal sealed class ScopeScenario
{
    public required Dictionary<string, Guid> Users { get; init; }
    public required Dictionary<string, Guid> Projects { get; init; }

    /// <summary>Verified 内资 of each project, in 亿元.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Funds = new Dictionary<string, decimal>
    {
        ["甲街道项目一"] = 1, ["甲街道项目二"] = 2, ["乙街道项目"] = 4, ["开发区分局项目"] = 8,
        ["乙街道自建项目"] = 16, ["乙街道包保项目"] = 32, ["开发区贡献项目"] = 64,
    };

    public static async Task<ScopeScenario> CreateAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var roles = await new SystemRolesSeeder(db).EnsureAsync();
        var root = new Department("T", "测试区", DepartmentKind.District);
        var streetA = new Department("T-A", "甲街道", DepartmentKind.SubDistrict, root);
        var streetB = new Department("T-B", "乙街道", DepartmentKind.SubDistrict, root);
        var zone = new Department("T-Z", "测试开发区", DepartmentKind.DevelopmentZone, root);
        var zoneUnit = new Department("T-Z1", "开发区招商分局", DepartmentKind.Functional, zone);
        db.Departments.AddRange(root, streetA, streetB, zone, zoneUnit);

        var users = new Dictionary<string, Guid>();
        void User(string name, Department department, string? role)
        {
            var user = new AppUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, DepartmentId = department.Id, CreatedAt = TestClock.Default.UtcDateTime };
            db.Users.Add(user);
            if (role is not null)
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
            users[name] = user.Id;
        }
        User("all", root, Roles.DistrictLeader);              // 全部
        User("a.officer", streetA, Roles.Officer);            // 本部门
        User("zone.head", zone, Roles.DepartmentHead);        // 本部门及以下
        User("custom", root, Roles.Assessor);                 // 自定义部门 (set below: 乙街道)
        User("self", streetB, Roles.ResponsibleLeader);       // 仅本人 + 包保
        User("nobody", streetA, null);                        // no role: default deny
        roles[Roles.Assessor].DataScope = DataScope.CustomDepartments;
        db.RoleDepartments.Add(new RoleDepartment(roles[Roles.Assessor].Id, streetB.Id));
        await db.SaveChangesAsync();

        var projects = new Dictionary<string, Guid>();
        var verifier = users["all"];
        void Add(string name, Department lead, Guid? createdBy = null, Guid? leader = null, Guid? contributor = null)
        {
            var project = new Project(name, ProjectType.Industrial, "金融业/银行", new DateOnly(2026, 1, 5), null, TestClock.Default.UtcDateTime)
            {
                LeadDepartmentId = lead.Id,
                ResponsibleLeaderId = leader,
                CreatedBy = createdBy,
                PlannedDomestic = Money.YiYuan(Funds[name] * 2),
            };
            if (contributor is { } c)
                project.SetContributors([(c, ContributorRole.FirstNegotiator, 100m)]);
            db.Projects.Add(project);
            var tranche = new FundsTranche(project.Id, new DateOnly(2026, 6, 1), Money.YiYuan(Funds[name]), CapitalSource.Domestic, FundsForm.PaidInCapital, null);
            tranche.Verify(verifier, new DateOnly(2026, 6, 2));
            db.FundsTranches.Add(tranche);
            projects[name] = project.Id;
        }
        Add("甲街道项目一", streetA);
        Add("甲街道项目二", streetA);
        Add("乙街道项目", streetB);
        Add("开发区分局项目", zoneUnit);
        Add("乙街道自建项目", streetB, createdBy: users["self"]);
        Add("乙街道包保项目", streetB, leader: users["self"]);
        Add("开发区贡献项目", zone, contributor: users["a.officer"]);
        await db.SaveChangesAsync();
        return new ScopeScenario { Users = users, Projects = projects };
    }

    /// <summary>What each user must see, derived from the rules by hand (not by the code under test).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Visible = new Dictionary<string, string[]>
    {
        ["all"] = ["甲街道项目一", "甲街道项目二", "乙街道项目", "开发区分局项目", "乙街道自建项目", "乙街道包保项目", "开发区贡献项目"],
        ["a.officer"] = ["甲街道项目一", "甲街道项目二", "开发区贡献项目"],
        ["zone.head"] = ["开发区分局项目", "开发区贡献项目"],
        ["custom"] = ["乙街道项目", "乙街道自建项目", "乙街道包保项目"],
        ["self"] = ["乙街道自建项目", "乙街道包保项目"],
        ["nobody"] = [],
    };
}
