using InvestmentCrm.Common;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Benchmarks;

/// <summary>Synthetic pipeline data: projects across all stages, contracts for signed ones, two tranches each.</summary>
internal static class PipelineData
{
    /// <summary>Generates the data; returns the user who reads it (data scope 全部).</summary>
    public static async Task<Guid> GenerateAsync(TestDatabase database, int projects)
    {
        var random = new Random(2012);
        var now = TestClock.Default.UtcDateTime;
        var verifier = await CreateVerifierAsync(database);
        const int batch = 2_000;
        for (var start = 0; start < projects; start += batch)
        {
            await using var db = database.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(projects, start + batch); i++)
            {
                var registered = new DateOnly(2012 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28));
                var project = new Project($"项目{i:D6}", (ProjectType)(1 + random.Next(7)), "金融业/银行", registered, null, now);
                var stages = random.Next(6);
                var date = registered;
                foreach (var stage in ProjectNames.MainLine.Skip(1).Take(stages))
                {
                    date = date.AddDays(1 + random.Next(90));
                    project.MoveTo(stage, date, now, null);
                }
                db.Projects.Add(project);
                if (stages >= 2)
                    db.Contracts.Add(new Contract(project.Id, ContractKind.FormalInvestment, $"HT-{i:D6}", date, "南关区人民政府；投资方", Money.YiYuan(1 + random.Next(20)), Money.Zero(Money.Usd)));
                for (var t = 0; t < 2; t++)
                {
                    var tranche = new FundsTranche(project.Id, date.AddDays(30 * t), Money.Yuan(1_000_000m * (1 + random.Next(50))), t == 0 ? CapitalSource.Domestic : CapitalSource.Foreign, FundsForm.PaidInCapital, null);
                    if (random.Next(4) > 0)
                        tranche.Verify(verifier, date.AddDays(30 * t + 5));
                    db.FundsTranches.Add(tranche);
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return verifier;
    }

    private static async Task<Guid> CreateVerifierAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var department = new Department("BENCH", "基准测试部门", DepartmentKind.Functional);
        var user = new AppUser { UserName = "bench", NormalizedUserName = "BENCH", DisplayName = "认定人", DepartmentId = department.Id, CreatedAt = TestClock.Default.UtcDateTime };
        var role = new AppRole("bench-all", "全部数据（基准）", DataScope.All);
        db.Departments.Add(department);
        db.Users.Add(user);
        db.Roles.Add(role);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }
}
