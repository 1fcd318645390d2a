using Microsoft.EntityFrameworkCore;
using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.Targets;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Identity;

namespace InvestmentCrm.Benchmarks;

/// <summary>
/// The cockpit's data at district scale (issue 5): 50 departments in two levels, 100,000 projects registered over
/// ten years, about 1,000,000 stage transitions and tranches, formal contracts, milestones, targets for the year,
/// and a leader whose data scope is 全部.
/// </summary>
internal static class CockpitData
{
    public const int Year = 2026;

    public static async Task<Guid> GenerateAsync(TestDatabase database, int projects)
    {
        var (leader, departments) = await OrganisationAsync(database);
        await ProjectsAsync(database, projects, leader, departments);
        await TargetsAsync(database, departments);
        return leader;
    }

    /// <summary>
    /// The same projects, transitions, contracts and tranches led by the given departments and verified by the given user
    /// — the load case puts them into the demo organisation, whose accounts sign in.
    /// </summary>
    public static async Task ProjectsAsync(TestDatabase database, int projects, Guid verifier, IReadOnlyList<Guid> departments)
    {
        var leader = verifier;
        var random = new Random(2026);
        // Construction after 落位 draws from its own sequence, so the cockpit's figures stay those of earlier reports.
        var building = new Random(2017);
        var today = DateOnly.FromDateTime(TestClock.Default.Date);
        var now = TestClock.Default.UtcDateTime;
        const int batch = 2_000;
        var rows = 0L;
        for (var start = 0; start < projects; start += batch)
        {
            await using var db = database.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(projects, start + batch); i++)
            {
                var registered = new DateOnly(2017 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28));
                var project = new Project($"项目{i:D6}", (ProjectType)(1 + random.Next(7)), "金融业/银行", registered, null, now)
                {
                    LeadDepartmentId = departments[random.Next(departments.Count)],
                    PlannedDomestic = Money.Yuan(10_000_000m * (1 + random.Next(300))),
                };
                var reached = random.Next(5); // 0 = 储备 … 4 = 到位
                var date = registered;
                foreach (var stage in ProjectNames.MainLine.Skip(1).Take(reached))
                {
                    date = date.AddDays(1 + random.Next(120));
                    project.MoveTo(stage, date, now, null);
                    if (stage == ProjectStage.Signed)
                        db.Contracts.Add(new Contract(project.Id, ContractKind.FormalInvestment, $"HT-{i:D6}", date, "南关区人民政府；投资方",
                            Money.YiYuan(1 + random.Next(20)), random.Next(10) == 0 ? Money.WanDollars(100 + random.Next(900)) : Money.Zero(Money.Usd)));
                    if (stage == ProjectStage.Landed)
                        project.AddMilestone(DispatchPhase.Construction, "主体开工", date.AddDays(90 + random.Next(200)));
                }
                if (reached >= 3)
                    Build(project, building, today, now);
                if (random.Next(20) == 0)
                    project.MoveTo(ProjectStage.Suspended, date.AddDays(30), now, null, "基准数据：暂缓");
                rows += project.StageTransitions.Count;
                db.Projects.Add(project);

                // Landed and funded projects bring money in over the following years (续建 included).
                var tranches = reached >= 3 ? 6 + random.Next(24) : 0;
                for (var t = 0; t < tranches; t++)
                {
                    var arrived = date.AddDays(20 + random.Next(900));
                    var foreign = random.Next(8) == 0;
                    var amount = foreign ? (random.Next(3) == 0 ? new Money(1_000_000m * (1 + random.Next(20)), "HKD") : Money.Dollars(100_000m * (1 + random.Next(30))))
                        : Money.Yuan(1_000_000m * (1 + random.Next(80)));
                    var tranche = new FundsTranche(project.Id, arrived, amount, foreign ? CapitalSource.Foreign : CapitalSource.Domestic, FundsForm.PaidInCapital, null);
                    if (random.Next(5) > 0)
                        tranche.Verify(leader, arrived.AddDays(7));
                    db.FundsTranches.Add(tranche);
                    rows++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if ((start / batch) % 10 == 0)
                Console.WriteLine($"  {start + batch:N0} projects, {rows:N0} transitions and tranches");
        }
    }

    /// <summary>
    /// After 落位: most projects start within a year (施工许可证), some stop (停缓建) and half of those resume, a quarter are
    /// accepted (竣工验收); one in fifty carries the year's own pool record (listed, 新建 or 续建, some 重大, a year's plan).
    /// </summary>
    private static void Build(Project project, Random random, DateOnly today, DateTime now)
    {
        var on = project.LandedOn!.Value.AddDays(30 + random.Next(370));
        if (random.Next(5) > 0 && on <= today)
        {
            project.RecordConstruction(ConstructionEventKind.Started, on, $"施工许可证 {random.Next(100_000):D5}", null, null, now, today);
            if (random.Next(7) == 0 && (on = on.AddDays(60 + random.Next(300))) <= today)
            {
                project.RecordConstruction(ConstructionEventKind.Suspended, on, null, "资金未到位", null, now, today);
                if (random.Next(2) == 0 && (on = on.AddDays(30 + random.Next(200))) <= today)
                    project.RecordConstruction(ConstructionEventKind.Resumed, on, null, null, null, now, today);
            }
            if (random.Next(4) == 0 && (on = on.AddDays(200 + random.Next(500))) <= today
                && project.ConstructionStatusAsOf(today) == ConstructionStatus.UnderConstruction)
                project.RecordConstruction(ConstructionEventKind.Accepted, on, "竣工验收备案", null, null, now, today);
        }
        if (random.Next(50) == 0)
        {
            var total = project.PlannedDomestic.Amount;
            var continuing = project.ConstructionStatusAsOf(new DateOnly(Year - 1, 12, 31)) == ConstructionStatus.UnderConstruction;
            project.SetYearPool(Year, true, !continuing, continuing, random.Next(3) == 0, false, total, total / 4);
        }
    }

    /// <summary>The benchmark leader of data generated earlier.</summary>
    public static async Task<Guid> LeaderAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.UserName == "bench").Select(u => u.Id).SingleAsync();
    }

    private static async Task<(Guid Leader, List<Guid> Departments)> OrganisationAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var root = new Department("BENCH", "基准区人民政府", DepartmentKind.District);
        db.Departments.Add(root);
        var departments = new List<Guid>();
        for (var g = 0; g < 7; g++)
        {
            var group = new Department($"BENCH-{g}", $"第{g + 1}片区", DepartmentKind.Functional, root, g);
            db.Departments.Add(group);
            departments.Add(group.Id);
            for (var c = 0; c < 6; c++)
            {
                var child = new Department($"BENCH-{g}-{c}", $"第{g + 1}片区第{c + 1}科", DepartmentKind.Functional, group, c);
                db.Departments.Add(child);
                departments.Add(child.Id);
            }
        }
        // 1 + 7 + 42 = 50 departments.
        var role = new AppRole("bench-leader", "区领导（基准）", DataScope.All);
        var leader = new AppUser { UserName = "bench", NormalizedUserName = "BENCH", DisplayName = "基准领导", DepartmentId = root.Id, CreatedAt = TestClock.Default.UtcDateTime, IsActive = true };
        db.Roles.Add(role);
        db.Users.Add(leader);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = leader.Id, RoleId = role.Id });
        foreach (var (year, rate) in Enumerable.Range(2017, 12).Select(y => (y, 6.9m)))
        {
            db.ExchangeRates.Add(new ExchangeRate(year, null, Money.Usd, rate, 1m));
            db.ExchangeRates.Add(new ExchangeRate(year, null, "HKD", 0.9m, 0.128m));
        }
        await db.SaveChangesAsync();
        return (leader.Id, departments);
    }

    private static async Task TargetsAsync(TestDatabase database, List<Guid> departments)
    {
        await using var db = database.CreateContext();
        var district = Target.ForYear(Year, MetricCode.DomesticFunds, 20_000m, "亿元");
        db.Targets.Add(district);
        foreach (var department in departments.Take(7))
            db.Targets.Add(new Target(MetricCode.DomesticFunds, PeriodKind.Year, district.PeriodStart, district.PeriodEnd, TargetScope.Department, 2_800m, "亿元")
            {
                DepartmentId = department,
                ParentTargetId = district.Id,
            });
        db.Targets.AddRange(
            Target.ForYear(Year, MetricCode.ForeignFunds, 50_000m, "万美元"),
            Target.ForYear(Year, MetricCode.FulfilmentRate, 80m, "%"),
            Target.ForYear(Year, MetricCode.ArrivalRate, 25m, "%"),
            Target.ForYear(Year, MetricCode.SignedCount, 12_000m, "个"));
        var campaign = new Campaign("基准攻坚行动", new DateOnly(Year, 4, 1), new DateOnly(Year, 12, 31));
        db.Campaigns.Add(campaign);
        db.Targets.Add(new Target(MetricCode.SignedCount, PeriodKind.Campaign, campaign.Start, campaign.End, TargetScope.District, 8_000m, "个") { CampaignId = campaign.Id });
        await db.SaveChangesAsync();
    }
}
