using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Projects;

/// <summary>Issue 17: the 项目盘子 of a year (2016, a year the demo data leaves empty), as of dates, on both providers.</summary>
public class ProjectPoolTests
{
    private const int Year = 2016;
    private static readonly DateTime Now = TestClock.Default.UtcDateTime;
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Default.Date);

    private static Project Landed(CrmDbContext db, string name, DateOnly landedOn, decimal plannedYi)
    {
        var project = new Project(name, ProjectType.Industrial, "金融业/银行", landedOn.AddYears(-1), null, Now) { PlannedDomestic = Money.YiYuan(plannedYi) };
        project.MoveTo(ProjectStage.Negotiating, landedOn.AddMonths(-9), Now, null);
        project.MoveTo(ProjectStage.Signed, landedOn.AddMonths(-3), Now, null);
        project.MoveTo(ProjectStage.Landed, landedOn, Now, null);
        db.Projects.Add(project);
        return project;
    }

    private static void Build(Project p, ConstructionEventKind kind, DateOnly on, string? reason = null) =>
        p.RecordConstruction(kind, on, "施工许可证 2016", reason, null, Now, Today);

    private static async Task<ProjectPoolAppService> ServiceAsync(CrmDbContext db)
    {
        return FigureServices.For(db, await TestUser.LoadAsync(db, "leader")).Pool;
    }

    private static async Task<List<string>> NamesAsync(ProjectPoolAppService pool, int year, DateOnly asOf, PoolSelection show) =>
        [.. (await pool.RecordsAsync(year, asOf, show)).Rows.Select(p => p.Name)];

    [Theory, OnSqlite, OnPostgres]
    public async Task The_pool_counts_each_key_project_once_by_its_status_as_of_the_date_and_the_threshold_decides_membership(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using (var db = database.CreateContext())
        {
            var rules = new FigureRules(Year);
            rules.SetKeyProjectThreshold(500 * 100_000_000m);
            db.FigureRules.Add(rules);

            var a = Landed(db, "盘子新建项目", new DateOnly(2015, 6, 1), 12m);
            a.SetYearPool(Year, isKeyProject: true, isNewBuild: true, isContinuing: false, isMajor: true, isPackaged: false, 30 * 100_000_000m, 8 * 100_000_000m);
            Build(a, ConstructionEventKind.Started, new DateOnly(2016, 4, 1));

            var b = Landed(db, "盘子续建项目", new DateOnly(2014, 3, 1), 6m);
            b.SetYearPool(Year, true, false, true, false, false, null, 2 * 100_000_000m);
            Build(b, ConstructionEventKind.Started, new DateOnly(2015, 5, 1));

            var c = Landed(db, "盘子未开工项目", new DateOnly(2015, 9, 1), 3m);
            c.SetYearPool(Year, true, true, false, false, false, null, null);

            var d = Landed(db, "盘子复工项目", new DateOnly(2014, 8, 1), 5m);
            d.SetYearPool(Year, true, false, true, false, false, null, null);
            Build(d, ConstructionEventKind.Started, new DateOnly(2015, 3, 1));
            Build(d, ConstructionEventKind.Suspended, new DateOnly(2015, 10, 1), "资金");
            Build(d, ConstructionEventKind.Resumed, new DateOnly(2016, 5, 10));

            var e = Landed(db, "门槛项目", new DateOnly(2015, 2, 1), 300m);
            Build(e, ConstructionEventKind.Started, new DateOnly(2015, 7, 1));

            var f = new Project("包装策划在谈项目", ProjectType.Industrial, "金融业/银行", new DateOnly(2015, 1, 1), null, Now);
            f.MoveTo(ProjectStage.Negotiating, new DateOnly(2015, 11, 1), Now, null);
            f.SetYearPool(Year, false, false, false, false, isPackaged: true, null, null);
            db.Projects.Add(f);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var pool = await ServiceAsync(read);
        var end = await pool.GetAsync(Year, new DateOnly(2016, 12, 31));
        end.KeyProjects.ShouldBe(4);
        end.ByCategory.ToDictionary(c => c.Category, c => c.Count).ShouldBe(new Dictionary<PoolCategory, int>
        {
            [PoolCategory.NotStarted] = 1, [PoolCategory.UnderConstruction] = 2, [PoolCategory.Continuing] = 1, [PoolCategory.Suspended] = 0, [PoolCategory.Completed] = 0,
        });
        (end.Started, end.StartRatePercent).ShouldBe((3, 75m));
        (end.NewBuild, end.Continuing, end.Major).ShouldBe((2, 2, 1));
        end.PlannedTotalYuan.ShouldBe((30m + 6m + 3m + 5m) * 100_000_000m);
        end.PlannedYearYuan.ShouldBe(10m * 100_000_000m);
        (end.Packaged, end.PackagedLanded).ShouldBe((1, 0));
        (await NamesAsync(pool, Year, new DateOnly(2016, 12, 31), PoolSelection.Started)).Order().ShouldBe(["盘子复工项目", "盘子新建项目", "盘子续建项目"]);
        // The page shows one page of the selection and the selection's total.
        var second = await pool.GetAsync(Year, new DateOnly(2016, 12, 31), PoolSelection.All, page: 2, pageSize: 3);
        (second.Records.Total, second.Records.Page, second.Records.Items.Count).ShouldBe((4, 2, 1));

        // Before the resumption, 复工 is one 停缓建 and not yet started this year: exactly one count moves.
        var april = await pool.GetAsync(Year, new DateOnly(2016, 4, 30));
        april.ByCategory.Single(c => c.Category == PoolCategory.Suspended).Count.ShouldBe(1);
        april.ByCategory.Single(c => c.Category == PoolCategory.UnderConstruction).Count.ShouldBe(1);
        april.Started.ShouldBe(2);

        // Lowering the year's threshold brings the 300 亿元 project in (by threshold, building since 2015: 续建).
        var rules2016 = await read.FigureRules.SingleAsync(r => r.Year == Year);
        rules2016.SetKeyProjectThreshold(200 * 100_000_000m);
        await read.SaveChangesAsync();
        var lowered = await (await ServiceAsync(read)).GetAsync(Year, new DateOnly(2016, 12, 31));
        lowered.KeyProjects.ShouldBe(5);
        (await NamesAsync(await ServiceAsync(read), Year, new DateOnly(2016, 12, 31), PoolSelection.Continuing)).ShouldContain("门槛项目");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_2022_demo_pool_has_50_key_projects_all_started_792_3_yi_and_19_major(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var pool = await (await ServiceAsync(db)).GetAsync(2022, new DateOnly(2022, 9, 30));
        (pool.KeyProjects, pool.Started, pool.StartRatePercent, pool.Major).ShouldBe((50, 50, 100m, 19));
        pool.PlannedTotalYuan.ShouldBe(792.3m * 100_000_000m);
        (pool.NewBuild, pool.Continuing).ShouldBe((26, 24));
        // 包装策划: 银河一英里 (signed, not landed), 水文化园酒店 and 吉高服务区 (landed) → 2 ÷ 3.
        (pool.Packaged, pool.PackagedLanded).ShouldBe((3, 2));
        // 年度投资 of the named projects, January to September.
        pool.CompletedYearYuan.ShouldBe(16.45m * 100_000_000m);
        var major = await NamesAsync(await ServiceAsync(db), 2022, new DateOnly(2022, 9, 30), PoolSelection.Major);
        major.Count.ShouldBe(19);
        major.ShouldContain("华润中心");
        major.ShouldContain("华为吉林区域总部");
        // 2021's pool is another year's list: none of 2022's records carry over.
        (await NamesAsync(await ServiceAsync(db), 2021, new DateOnly(2021, 12, 31), PoolSelection.All)).ShouldNotContain("华为吉林区域总部");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_2020_demo_pool_is_14_waiting_31_continuing_18_stopped_40_building_and_11_completed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var pool = await (await ServiceAsync(db)).GetAsync(2020, new DateOnly(2020, 12, 31));
        pool.ByCategory.ToDictionary(c => c.Category, c => c.Count).ShouldBe(new Dictionary<PoolCategory, int>
        {
            [PoolCategory.NotStarted] = 14, [PoolCategory.UnderConstruction] = 40, [PoolCategory.Continuing] = 31, [PoolCategory.Suspended] = 18, [PoolCategory.Completed] = 11,
        });
        pool.KeyProjects.ShouldBe(114);
        // 开复工: 续建, 在建 (新开工 and 复工) and the 11 that were building when the year began — at least 50 (docs/domain.md).
        pool.Started.ShouldBe(82);
        pool.ThresholdYuan.ShouldBe(100_000_000m);
        (await NamesAsync(await ServiceAsync(db), 2020, new DateOnly(2020, 12, 31), PoolSelection.Completed)).ShouldContain("欧亚三环购物中心");
        // As the year began, nothing had yet started or been accepted in it: 在建 and 竣工 were still 续建 or 停缓建.
        var january = await (await ServiceAsync(db)).GetAsync(2020, new DateOnly(2020, 1, 1));
        january.ByCategory.Single(c => c.Category == PoolCategory.Completed).Count.ShouldBe(0);
    }

    [Fact]
    public void A_key_project_is_new_or_continuing_never_both_nor_neither()
    {
        var project = new Project("年度属性测试", ProjectType.Industrial, "金融业/银行", new DateOnly(2021, 1, 1), null, Now);
        Should.Throw<DomainException>(() => project.SetYearPool(2022, true, true, true, false, false, null, null)).Message.ShouldContain("不能两者都选");
        Should.Throw<DomainException>(() => project.SetYearPool(2022, true, false, false, false, false, null, null)).Message.ShouldContain("须注明本年度是新建还是续建");
        Should.Throw<DomainException>(() => project.SetYearPool(2022, true, true, false, false, false, 1m, 2m)).Message.ShouldContain("不能超过计划总投资");
        project.SetYearPool(2022, true, true, false, true, false, 10m, 2m);
        project.SetYearPool(2023, true, false, true, true, false, 10m, 5m);
        project.YearFlags.Select(f => (f.Year, f.IsContinuing)).ShouldBe([(2022, false), (2023, true)], "each year keeps its own record");
    }
}
