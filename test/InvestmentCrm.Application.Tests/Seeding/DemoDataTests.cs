using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Seeding;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.Settings;
using InvestmentCrm.Targets;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Seeding;

public class DemoDataTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Seeds_the_organisation_one_user_per_role_and_the_named_projects(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();

        var departments = await db.Departments.Select(d => d.Name).ToListAsync();
        departments.ShouldContain("项目建设指挥部（领导小组）");
        departments.ShouldContain("商务局");
        departments.Count(d => d.EndsWith("保障专班", StringComparison.Ordinal)).ShouldBe(4);
        departments.Count(d => d.EndsWith("街道", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3);

        var rolesWithUsers = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).Distinct().ToListAsync();
        rolesWithUsers.ShouldBe(Roles.All.Select(r => r.Name), ignoreOrder: true);

        var projects = await db.Projects.Select(p => p.Name).ToListAsync();
        projects.ShouldContain("华为吉林区域总部");
        projects.ShouldContain("华润中心");
        projects.ShouldContain("亿联银行总部");
        projects.ShouldContain("中国中铁吉林区域总部基地");
        (await db.Projects.Select(p => p.Stage).Distinct().CountAsync()).ShouldBe(7, "every stage and side state has demo projects");
        (await db.SystemSettings.AnyAsync(s => s.Key == SystemSetting.DemoSeedAppliedKey)).ShouldBeTrue();
    }

    /// <summary>The records behind docs/figures.md's worked example: the figures engine will read exactly these.</summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task The_2012_cohort_holds_the_worked_example_of_the_design(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var from = new DateOnly(2012, 1, 1);
        var to = new DateOnly(2012, 12, 31);

        var cohort = await db.Contracts
            .Where(c => c.Kind == ContractKind.FormalInvestment && c.SignedOn >= from && c.SignedOn <= to)
            .Select(c => new { c.ProjectId, c.ContractedDomestic.Amount })
            .ToListAsync();
        cohort.Count.ShouldBe(10);
        cohort.Sum(c => c.Amount).ShouldBe(Money.YiYuan(40m).Amount);

        var cohortIds = cohort.Select(c => c.ProjectId).ToList();
        var landed = await db.ProjectStageTransitions
            .Where(t => cohortIds.Contains(t.ProjectId) && t.ToStage == ProjectStage.Landed && t.EffectiveDate <= to)
            .Select(t => t.ProjectId).Distinct().ToListAsync();
        var verified = await db.FundsTranches
            .Where(t => cohortIds.Contains(t.ProjectId) && t.Verification == VerificationStatus.Verified && t.ArrivedOn >= from && t.ArrivedOn <= to)
            .Select(t => new { t.ProjectId, t.Amount.Amount, t.Source })
            .ToListAsync();

        landed.Count.ShouldBe(8);
        landed.ShouldAllBe(id => verified.Any(v => v.ProjectId == id));
        verified.Where(v => v.Source == CapitalSource.Domestic).Sum(v => v.Amount).ShouldBe(Money.YiYuan(10m).Amount);
        verified.ShouldNotContain(v => v.Source == CapitalSource.Foreign);
        (await db.Projects.CountAsync(p => cohortIds.Contains(p.Id) && p.Stage == ProjectStage.Terminated)).ShouldBe(1);

        var targets = await db.Targets.Where(t => t.PeriodKind == PeriodKind.Year && t.PeriodStart == from).ToDictionaryAsync(t => t.Metric, t => (t.Value, t.Unit));
        targets[MetricCode.DomesticFunds].ShouldBe((30m, "亿元"));
        targets[MetricCode.ForeignFunds].ShouldBe((5000m, "万美元"));
        targets[MetricCode.FulfilmentRate].ShouldBe((80m, "%"));
        targets[MetricCode.ArrivalRate].ShouldBe((25m, "%"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Seeding_twice_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var before = await db.Projects.CountAsync();

        (await new DemoDataSeeder(db, new TestClock()).SeedAsync()).ShouldBeFalse();
        (await db.Projects.CountAsync()).ShouldBe(before);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Demo_users_sign_in_with_the_demo_password(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var officer = await db.Users.SingleAsync(u => u.UserName == "officer");
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>();
        hasher.VerifyHashedPassword(officer, officer.PasswordHash!, DemoDataSeeder.DemoPassword)
            .ShouldNotBe(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed);
        hasher.VerifyHashedPassword(officer, officer.PasswordHash!, "wrong-password")
            .ShouldBe(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed);
    }
}
