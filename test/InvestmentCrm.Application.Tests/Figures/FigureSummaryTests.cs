using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Figures;

/// <summary>
/// The summary tables (verified funds and stage entries per 招引单位 and month) must give the same rows as the detail
/// queries for every window and as-of date, and stay equal to a recount after every kind of change.
/// </summary>
public class FigureSummaryTests
{
    private static readonly DateOnly[] AsOfDates =
    [
        new(2029, 12, 31), new(2030, 1, 1), new(2030, 2, 14), new(2030, 3, 31), new(2030, 6, 15), new(2030, 11, 22), new(2030, 12, 31),
    ];

    /// <summary>The default 履约 rule, landing alone, and construction or move-in without landing.</summary>
    private static readonly FigureRules[] RuleVariants = [FigureRules.DefaultFor(2030), Rules(true, false, false, false), Rules(false, false, true, true)];

    private static FigureRules Rules(bool landing, bool funds, bool construction, bool moveIn)
    {
        var rules = FigureRules.DefaultFor(2030);
        rules.SetFulfilmentRule(landing, funds, construction, moveIn);
        return rules;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Summary_reads_equal_the_detail_queries_for_every_as_of_date(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        await GenerateAsync(db, seed: 7);

        var projects = FigureQueries.ByDepartment(db.Projects);
        var (detail, summary) = (new FigureQueries(db), new FigureSummaryQueries(db));
        // Also the day before a signing in mid-month: the project signs after the cut within the cut's month.
        var signingEves = (await db.ProjectStageTransitions
                .Where(t => t.ToStage == ProjectStage.Signed && t.EffectiveDate >= new DateOnly(2030, 1, 2) && t.EffectiveDate <= new DateOnly(2030, 12, 31))
                .Select(t => t.EffectiveDate).ToListAsync())
            .Where(d => d.Day > 1).Order().Take(3).Select(d => d.AddDays(-1)).ToList();
        signingEves.ShouldNotBeEmpty();
        foreach (var asOf in AsOfDates.Concat(signingEves))
        {
            var year = FigurePeriod.Year(2030);
            var earlier = year.YearEarlier()!;
            var cut = asOf < year.End ? asOf : year.End;
            var earlierCut = asOf.AddYears(-1) < earlier.End ? asOf.AddYears(-1) : earlier.End;
            var window = new DateWindow(year.Start, cut, earlier.Start, earlierCut, earlier.End);
            var toDate = new DateWindow(year.Start, cut, earlier.Start, earlierCut, earlierCut);
            FigureSummaryQueries.CanReadFunds(window).ShouldBeTrue();
            FigureSummaryQueries.CanReadStageEntries(toDate).ShouldBeTrue();

            Sorted(await summary.VerifiedFundsAsync(window, default))
                .ShouldBe(Sorted(await detail.VerifiedFundsAsync(projects, window, default)), $"funds as of {asOf}");
            Sorted(await summary.StageEntriesAsync(toDate, default))
                .ShouldBe(Sorted(await detail.StageEntriesAsync(projects, toDate, default)), $"stage entries as of {asOf}");
            Sorted(await summary.FurthestStagesAsync(asOf, default))
                .ShouldBe(Sorted(await detail.FurthestStagesAsync(projects, asOf, default)), $"funnel as of {asOf}");

            foreach (var rules in RuleVariants)
            {
                Sorted(await summary.CohortCountsAsync(year.Start, cut, asOf, rules, default))
                    .ShouldBe(Sorted(await detail.CohortCountsAsync(projects, year.Start, cut, asOf, rules, default)), $"cohort as of {asOf}");
            }
            Sorted(await summary.ContractedAsync(year.Start, cut, default))
                .ShouldBe(Sorted(await detail.ContractedAsync(projects, year.Start, cut, default)), $"contracted as of {asOf}");
            Sorted(await summary.CohortFundsAsync(year.Start, cut, year.Start, asOf, default))
                .ShouldBe(Sorted(await detail.VerifiedFundsAsync(detail.Cohort(projects, year.Start, cut), year.Start, asOf, default)), $"cohort funds as of {asOf}");
            Sorted(await summary.CohortFundsAsync(year.Start, cut, year.Start, cut, default))
                .ShouldBe(Sorted(await detail.VerifiedFundsAsync(detail.Cohort(projects, year.Start, cut), year.Start, cut, default)), $"cohort funds within the year as of {asOf}");
            // The earlier year's whole cohort with arrivals up to the as-of date (arrivals counted to the 统计日), and a quarter's cohort.
            Sorted(await summary.ContractedAsync(earlier.Start, earlierCut, default))
                .ShouldBe(Sorted(await detail.ContractedAsync(projects, earlier.Start, earlierCut, default)), $"earlier contracted as of {asOf}");
            Sorted(await summary.CohortFundsAsync(earlier.Start, earlier.End, earlier.Start, asOf, default))
                .ShouldBe(Sorted(await detail.VerifiedFundsAsync(detail.Cohort(projects, earlier.Start, earlier.End), earlier.Start, asOf, default)), $"earlier cohort funds to {asOf}");
            var quarter = new DateOnly(2030, 4, 1);
            if (cut >= quarter)
            {
                Sorted(await summary.ContractedAsync(quarter, cut, default))
                    .ShouldBe(Sorted(await detail.ContractedAsync(projects, quarter, cut, default)), $"quarter contracted as of {asOf}");
                Sorted(await summary.CohortFundsAsync(quarter, cut, quarter, cut, default))
                    .ShouldBe(Sorted(await detail.VerifiedFundsAsync(detail.Cohort(projects, quarter, cut), quarter, cut, default)), $"quarter cohort funds as of {asOf}");
                Sorted(await summary.CohortCountsAsync(quarter, cut, asOf, RuleVariants[0], default))
                    .ShouldBe(Sorted(await detail.CohortCountsAsync(projects, quarter, cut, asOf, RuleVariants[0], default)), $"quarter cohort as of {asOf}");
            }
        }
        // A period that does not start in January (a campaign) is not read from the summary.
        FigureSummaryQueries.CanReadStageEntries(DateWindow.Only(new DateOnly(2030, 4, 1), new DateOnly(2030, 6, 30))).ShouldBeFalse();
        FigureSummaryQueries.CanReadFunds(DateWindow.Only(new DateOnly(2030, 4, 15), new DateOnly(2030, 6, 30))).ShouldBeFalse();
        // Nor funds of a period that overlaps the one a year earlier (a five-year plan).
        FigureSummaryQueries.CanReadFunds(new DateWindow(new DateOnly(2026, 1, 1), new DateOnly(2030, 6, 30), new DateOnly(2025, 1, 1), new DateOnly(2029, 6, 30), new DateOnly(2029, 12, 31)))
            .ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_summary_stays_equal_to_a_recount_after_moves_verification_rejection_deletion_and_a_new_lead_department(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var (projects, tranches) = await GenerateAsync(db, seed: 11);
        (await SummaryAsync(db)).ShouldBe(await RecountAsync(database));

        var departments = await db.Departments.Select(d => d.Id).ToListAsync();
        var assessor = await db.Users.Where(u => u.UserName == "assessor").Select(u => u.Id).SingleAsync();
        tranches[0].WithdrawDecision("复核发现凭证不符");                                          // verified → withdrawn
        tranches[0].Reject(assessor, new DateOnly(2030, 7, 1), "凭证不符");                      // → rejected
        tranches[1].IsDeleted = true;                                                             // soft delete
        db.FundsTranches.Remove(tranches[2]);                                                     // delete (soft)
        projects[0].LeadDepartmentId = departments.First(d => d != projects[0].LeadDepartmentId);  // 招引单位 changes
        projects[1].LeadDepartmentId = null;
        projects[3].MoveTo(ProjectStage.Suspended, new DateOnly(2030, 8, 1), TestClock.Default.UtcDateTime, null, "暂缓");
        await db.SaveChangesAsync();
        (await SummaryAsync(db)).ShouldBe(await RecountAsync(database));

        // A project deleted as the app deletes it (soft, loaded on its own): its rows and facts go.
        await using (var other = database.CreateContext())
        {
            other.Projects.Remove(await other.Projects.SingleAsync(p => p.Id == projects[4].Id));
            await other.SaveChangesAsync();
        }
        (await SummaryAsync(db)).ShouldBe(await RecountAsync(database));
        (await db.ProjectFigureFacts.AnyAsync(f => f.ProjectId == projects[4].Id)).ShouldBeFalse();

        var pending = tranches.First(t => t.Verification == VerificationStatus.Pending);
        pending.Verify(assessor, new DateOnly(2030, 9, 1));
        await db.SaveChangesAsync();
        (await SummaryAsync(db)).ShouldBe(await RecountAsync(database));

        // A 正式投资合同 corrected (amount and month), one withdrawn, one added: the cohort's contracted sums follow.
        var contracts = await db.Contracts.Where(c => c.Kind == ContractKind.FormalInvestment).OrderBy(c => c.Number).Take(3).ToListAsync();
        contracts[0].Correct(ContractKind.FormalInvestment, contracts[0].Number, contracts[0].SignedOn.AddDays(35), contracts[0].Parties,
            Money.YiYuan(12), Money.Dollars(70_000m), null, null, null, "金额录入有误");
        contracts[1].NoteWithdrawal("重复录入");
        db.Contracts.Remove(contracts[1]);
        db.Contracts.Add(new Contract(contracts[2].ProjectId, ContractKind.FormalInvestment, "SUM-ADDED", contracts[2].SignedOn.AddDays(3),
            "南关区人民政府；测试投资方", Money.YiYuan(2), Money.Zero(Money.Usd)));
        await db.SaveChangesAsync();
        (await SummaryAsync(db)).ShouldBe(await RecountAsync(database));
        // A signed project that signs again in a later year joins that year's cohort too.
        var signed = projects.First(p => p.Stage == ProjectStage.Signed);
        signed.MoveTo(ProjectStage.Suspended, new DateOnly(2031, 1, 5), TestClock.Default.UtcDateTime, null, "暂缓");
        signed.MoveTo(ProjectStage.Signed, new DateOnly(2031, 2, 5), TestClock.Default.UtcDateTime, null, "恢复");
        await db.SaveChangesAsync();
        (await SummaryAsync(db)).ShouldBe(await RecountAsync(database));
        (await db.ProjectSignings.CountAsync(s => s.ProjectId == signed.Id)).ShouldBeGreaterThan(1);

        // A milestone completed on its own (开工 or 投产) changes the project's 履约 facts.
        var open = projects.Skip(5).SelectMany(p => p.Milestones).First(m => m.ActualDate is null);
        projects.Single(p => p.Milestones.Contains(open)).CompleteMilestone(open.Id, new DateOnly(2029, 5, 5));
        await db.SaveChangesAsync();
        (await SummaryAsync(db)).ShouldBe(await RecountAsync(database));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Data_stored_before_the_summaries_existed_is_summarised_when_the_database_is_prepared(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        await GenerateAsync(db, seed: 3);
        var expected = await SummaryAsync(db);
        // As after the migration that adds the tables (or a schema applied from the DBA script): empty summaries.
        await db.FundsMonthTotals.ExecuteDeleteAsync();
        await db.StageMonthCounts.ExecuteDeleteAsync();
        await db.ProjectFigureFacts.ExecuteDeleteAsync();
        await db.CohortMonthTotals.ExecuteDeleteAsync();
        await db.ProjectSignings.ExecuteDeleteAsync();

        await new DatabaseMigrator(db).FillDerivedDataAsync();

        (await SummaryAsync(db)).ShouldBe(expected);
        expected.ShouldNotBeEmpty();
        (await db.ProjectSignings.AnyAsync()).ShouldBeTrue();

        // As after the migration that adds the cohort's summaries to a database whose other summaries were filled.
        await db.CohortMonthTotals.ExecuteDeleteAsync();
        await db.ProjectSignings.ExecuteDeleteAsync();

        await new DatabaseMigrator(db).FillDerivedDataAsync();

        (await SummaryAsync(db)).ShouldBe(expected);
    }

    /// <summary>Projects over three years in several departments (and none), with stage moves back and forth and tranches in three currencies.</summary>
    private static async Task<(List<Project> Projects, List<FundsTranche> Tranches)> GenerateAsync(CrmDbContext db, int seed)
    {
        var random = new Random(seed);
        var departments = await db.Departments.Select(d => (Guid?)d.Id).Take(6).ToListAsync();
        departments.Add(null);
        var assessor = await db.Users.Where(u => u.UserName == "assessor").Select(u => u.Id).SingleAsync();
        var (projects, tranches) = (new List<Project>(), new List<FundsTranche>());
        for (var i = 0; i < 60; i++)
        {
            var date = new DateOnly(2029, 1, 1).AddDays(random.Next(700));
            var project = new Project($"汇总测试{i}", ProjectType.Industrial, "金融业/银行", date, null, TestClock.Default.UtcDateTime)
            {
                LeadDepartmentId = departments[random.Next(departments.Count)],
            };
            foreach (var stage in ProjectNames.MainLine.Skip(1).Take(random.Next(5)))
            {
                date = date.AddDays(random.Next(40));
                project.MoveTo(stage, date, TestClock.Default.UtcDateTime, null);
                if (stage == ProjectStage.Signed)
                {
                    // Some projects sign a second formal contract later: they belong to both years' cohorts.
                    for (var c = random.Next(3) == 0 ? 2 : 1; c > 0; c--)
                        db.Contracts.Add(new Contract(project.Id, ContractKind.FormalInvestment, $"SUM-{seed}-{i}-{c}", date.AddDays(c == 2 ? random.Next(400) : 0),
                            "南关区人民政府；测试投资方", Money.YiYuan(1 + random.Next(9)), random.Next(3) == 0 ? Money.Dollars(50_000m * (1 + random.Next(9))) : Money.Zero(Money.Usd)));
                }
                if (stage == ProjectStage.Landed)
                    foreach (var phase in new[] { DispatchPhase.Construction, DispatchPhase.Operation })
                    {
                        var milestone = project.AddMilestone(phase, phase.ToString(), date.AddDays(random.Next(200)));
                        if (random.Next(2) == 0)
                            project.CompleteMilestone(milestone.Id, date.AddDays(random.Next(300)));
                    }
                if (random.Next(4) == 0)
                {
                    // Out and back in: the same stage entered twice in one year counts once.
                    date = date.AddDays(random.Next(20));
                    project.MoveTo(ProjectStage.Suspended, date, TestClock.Default.UtcDateTime, null, "暂缓");
                    date = date.AddDays(random.Next(20));
                    project.MoveTo(stage, date, TestClock.Default.UtcDateTime, null, "恢复");
                }
            }
            db.Projects.Add(project);
            projects.Add(project);
            for (var t = random.Next(4); t > 0; t--)
            {
                var amount = random.Next(3) switch
                {
                    0 => Money.Yuan(1_000_000.37m * (1 + random.Next(50))),
                    1 => Money.Dollars(10_000.5m * (1 + random.Next(50))),
                    _ => new Money(100_000m * (1 + random.Next(50)), "HKD"),
                };
                var tranche = new FundsTranche(project.Id, date.AddDays(random.Next(300)), amount,
                    amount.Currency == Money.Cny ? CapitalSource.Domestic : CapitalSource.Foreign, FundsForm.PaidInCapital, "测试凭证");
                if (random.Next(4) > 0)
                    tranche.Verify(assessor, tranche.ArrivedOn);
                db.FundsTranches.Add(tranche);
                tranches.Add(tranche);
            }
        }
        await db.SaveChangesAsync();
        return (projects, tranches.OrderByDescending(t => t.Verification == VerificationStatus.Verified).ToList());
    }

    // A project without 招引单位 is keyed null by the detail and Guid.Empty by the summary; amounts compare without trailing zeros.
    private static List<string> Sorted(IEnumerable<FundsRow> rows) =>
        rows.Select(r => $"{r.Key ?? Guid.Empty} {r.Source} {r.Currency} {r.Year}-{r.Month} part {r.Part}: {r.Amount:0.##}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Sorted(IEnumerable<CohortRow> rows) =>
        rows.Select(r => $"{r.Key ?? Guid.Empty}: {r.Cohort} / {r.Fulfilled}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Sorted(IEnumerable<ContractRow> rows) =>
        rows.Select(r => $"{r.Key ?? Guid.Empty} {r.ForeignCurrency} {r.Year}-{r.Month}: {r.Domestic:0.##} {r.Foreign:0.##}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Sorted(IEnumerable<StageRow> rows) =>
        rows.Select(r => $"{r.Key ?? Guid.Empty} {r.Stage} part {r.Part}: {r.Count}").Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> SummaryAsync(CrmDbContext db) =>
        Rows(await db.FundsMonthTotals.AsNoTracking().ToListAsync(), await db.StageMonthCounts.AsNoTracking().ToListAsync(),
            await db.ProjectFigureFacts.AsNoTracking().ToListAsync(), await db.CohortMonthTotals.AsNoTracking().ToListAsync(),
            await db.ProjectSignings.AsNoTracking().ToListAsync());

    /// <summary>The summary as a recount from the detail gives it, in a copy of the database's current state.</summary>
    private static async Task<List<string>> RecountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await EntityFrameworkCore.Figures.FigureSummaryMaintenance.RebuildAsync(db, default);
        var rows = await SummaryAsync(db);
        await transaction.RollbackAsync();
        return rows;
    }

    private static List<string> Rows(List<FundsMonthTotal> funds, List<StageMonthCount> stages, List<ProjectFigureFacts> facts,
        List<CohortMonthTotal> cohortMoney, List<ProjectSigning> signings) =>
    [
        .. signings.Select(s => $"{s.ProjectId} {s.Year} {s.SignedOn} {s.DepartmentId} {s.LandedOn} {s.FirstVerifiedFundsOn} {s.ConstructionStartedOn} {s.MovedInOn}").Order(StringComparer.Ordinal),
        .. cohortMoney.Where(c => c.AmountCents != 0 || c.Records != 0)
            .Select(c => $"{c.CohortYear}-{c.CohortMonth} {c.DepartmentId} {c.Kind} {c.Source} {c.Currency} {c.Year}-{c.Month} {c.AmountCents} {c.Records}").Order(StringComparer.Ordinal),
        .. facts.Select(f => $"{f.ProjectId} {f.DepartmentId} {f.LandedOn} {f.FirstVerifiedFundsOn} {f.ConstructionStartedOn} {f.MovedInOn}").Order(StringComparer.Ordinal),
        .. funds.Where(f => f.AmountCents != 0).Select(f => $"{f.Year}-{f.Month} {f.DepartmentId} {f.Source} {f.Currency} {f.AmountCents}").Order(StringComparer.Ordinal),
        .. stages.Where(s => s.Entered != 0 || s.Reached != 0).Select(s => $"{s.Year}-{s.Month} {s.DepartmentId} {s.Stage} {s.Entered} {s.Reached}").Order(StringComparer.Ordinal),
    ];
}
