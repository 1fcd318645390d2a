using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using InvestmentCrm.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Figures;

/// <summary>
/// Builds projects on top of the demo data in a year the demo never touches (2030), so a test's figures
/// contain exactly what the test created.
/// </summary>
internal sealed class FigureScenario(CrmDbContext db)
{
    public const int Year = 2030;
    private int _number;

    public static FigurePeriod Period => FigurePeriod.Year(Year);

    public static DateOnly On(int month, int day) => new(Year, month, day);

    public async Task<Guid> DepartmentAsync(string code) => (await db.Departments.SingleAsync(d => d.Code == code)).Id;

    public async Task<Guid> UserAsync(string userName) => (await db.Users.SingleAsync(u => u.UserName == userName)).Id;

    /// <summary>A project signed (正式投资合同) on <paramref name="signedOn"/> with the contracted amounts.</summary>
    public async Task<Project> SignedAsync(string department, DateOnly signedOn, decimal contractedYi, Money? contractedForeign = null)
    {
        var project = await NegotiatingWithFormalContractAsync(department, signedOn, contractedYi, contractedForeign);
        project.MoveTo(ProjectStage.Signed, signedOn, TestClock.Default.UtcDateTime, null);
        await db.SaveChangesAsync();
        return project;
    }

    /// <summary>A project still 在谈 whose 正式投资合同 is on record, signed on <paramref name="signedOn"/> (its move to 签约 was refused or not yet made).</summary>
    public async Task<Project> NegotiatingWithFormalContractAsync(string department, DateOnly signedOn, decimal contractedYi, Money? contractedForeign = null)
    {
        var number = ++_number;
        var project = new Project($"测试项目{number}", ProjectType.Industrial, "金融业/银行", signedOn.AddMonths(-3), null, TestClock.Default.UtcDateTime)
        {
            LeadDepartmentId = await DepartmentAsync(department),
        };
        project.MoveTo(ProjectStage.Negotiating, signedOn.AddMonths(-2), TestClock.Default.UtcDateTime, null);
        db.Projects.Add(project);
        db.Contracts.Add(new Contract(project.Id, ContractKind.FormalInvestment, $"TEST-{number}", signedOn, "南关区人民政府；测试投资方",
            Money.YiYuan(contractedYi), contractedForeign ?? Money.Zero(Money.Usd)));
        await db.SaveChangesAsync();
        return project;
    }

    public async Task LandAsync(Project project, DateOnly on)
    {
        project.AddLandingEvidence(LandingEvidenceKind.BusinessLicence, on, "测试执照", null);
        project.MoveTo(ProjectStage.Landed, on, TestClock.Default.UtcDateTime, null);
        await db.SaveChangesAsync();
    }

    public async Task<FundsTranche> ArriveAsync(Project project, DateOnly on, Money amount, bool verified = true)
    {
        var tranche = new FundsTranche(project.Id, on, amount, amount.Currency == Money.Cny ? CapitalSource.Domestic : CapitalSource.Foreign, FundsForm.PaidInCapital, "测试凭证");
        if (verified)
            tranche.Verify(await UserAsync("assessor"), on.AddDays(5));
        db.FundsTranches.Add(tranche);
        await db.SaveChangesAsync();
        return tranche;
    }

    public async Task TargetAsync(MetricCode metric, decimal value)
    {
        db.Targets.Add(Target.ForYear(Year, metric, value, metric.UnitOf()));
        await db.SaveChangesAsync();
    }

    public static async Task<FigureServices> FiguresForAsync(CrmDbContext db, string userName, TimeProvider? clock = null) =>
        FigureServices.For(db, await TestUser.LoadAsync(db, userName), clock);
}
