using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Targets;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Figures;

public class TargetAppServiceTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_tree_shows_each_gap_and_refuses_wrong_decompositions(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var targets = new TargetAppService(db);
        var period = FigurePeriod.Year(2026);

        var tree = await targets.GetTreeAsync(period);
        var district = tree.Nodes.First(n => n.Metric == MetricCode.DomesticFunds && n.Scope == TargetScope.District);
        district.Value.ShouldBe(40m);
        district.ChildrenSum.ShouldBe(39m);
        district.Gap.ShouldBe(1m);
        var commerce = tree.Nodes.Single(n => n.Metric == MetricCode.DomesticFunds && n.Owner == "商务局");
        commerce.Depth.ShouldBe(1);
        commerce.Gap.ShouldBe(5m);
        tree.Nodes.Single(n => n.Owner == "陈静").Depth.ShouldBe(2);

        var swj = (await db.Departments.SingleAsync(d => d.Code == "NG-SWJ")).Id;
        var zhouting = (await db.Users.SingleAsync(u => u.UserName == "zhouting")).Id;
        (await Should.ThrowAsync<DomainException>(() => targets.CreateAsync(period, new TargetInput(MetricCode.DomesticFunds, TargetScope.Department, swj, null, district.Id, 3m))))
            .Message.ShouldBe("2026年已有该部门的“利用内资（到位）”指标，请直接修改。");
        (await Should.ThrowAsync<DomainException>(() => targets.CreateAsync(period, new TargetInput(MetricCode.ForeignFunds, TargetScope.Person, null, zhouting, commerce.Id, 3m))))
            .Message.ShouldBe("上级指标必须是同一项指标。");
        var street = (await db.Departments.SingleAsync(d => d.Code == "NG-JD-ZQ")).Id;
        (await Should.ThrowAsync<DomainException>(() => targets.CreateAsync(period, new TargetInput(MetricCode.DomesticFunds, TargetScope.Department, street, null, null, 3m))))
            .Message.ShouldBe("已有全区指标时，部门和个人指标须选择上级指标（分解关系）。");
        (await Should.ThrowAsync<DomainException>(() => targets.CreateAsync(period, new TargetInput(MetricCode.FulfilmentRate, TargetScope.Department, swj, null, null, 120m))))
            .Message.ShouldBe("比率类指标不能超过 100%。");
        (await Should.ThrowAsync<DomainException>(() => targets.DeleteAsync(commerce.Id))).Message.ShouldBe("该指标已分解到下级，请先删除下级指标。");

        var head = tree.Nodes.Single(n => n.Owner == "刘洋");
        (await targets.SetValueAsync(head.Id, 9m)).ShouldBeTrue();
        (await targets.GetTreeAsync(period)).Nodes.Single(n => n.Id == commerce.Id).Gap.ShouldBe(0m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_exported_tree_opens_with_numbers_as_numbers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        using var stream = new MemoryStream();

        await new TargetAppService(db).ExportTreeAsync(FigurePeriod.Year(2026), stream);

        var workbook = XlsxWorkbook.Read(stream.ToArray());
        workbook.SheetNames.ShouldBe(["指标分解"]);
        var rows = workbook.Rows();
        ((string)rows[0][0]!).ShouldStartWith($"指标分解 · {FigurePeriod.Year(2026).Label}　单位见各行");
        rows[1][0].ShouldBe("指标");
        workbook.FrozenRows().ShouldBe(2, "the title and the header stay in view");
        rows.Count.ShouldBe(2 + (await new TargetAppService(db).GetTreeAsync(FigurePeriod.Year(2026))).Nodes.Count);
        var first = rows[2];
        first[3].ShouldBe(40d); // 利用内资 全区 40 亿元, a number
        first[6].ShouldBe(1d);  // the gap
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Campaigns_rates_and_yearly_rules_are_kept_and_validated(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var targets = new TargetAppService(db);

        var id = await targets.SaveCampaignAsync(null, new CampaignInput("2027年春季攻坚行动", new DateOnly(2027, 3, 1), new DateOnly(2027, 5, 31), 30m, 8m, null));
        var saved = (await targets.ListCampaignsAsync()).Single(c => c.Id == id);
        (saved.ReserveTarget, saved.SignedTarget, saved.StrategicTarget).ShouldBe((30m, 8m, (decimal?)null));
        await targets.SaveCampaignAsync(id, new CampaignInput("2027年春季攻坚行动", new DateOnly(2027, 3, 15), new DateOnly(2027, 6, 30), 30m, null, 1m));
        saved = (await targets.ListCampaignsAsync()).Single(c => c.Id == id);
        (saved.SignedTarget, saved.StrategicTarget).ShouldBe(((decimal?)null, 1m));
        (await db.Targets.Where(t => t.CampaignId == id).Select(t => t.PeriodStart).Distinct().ToListAsync()).ShouldBe([new DateOnly(2027, 3, 15)]);
        (await Should.ThrowAsync<DomainException>(() => targets.SaveCampaignAsync(null, new CampaignInput("无效", new DateOnly(2027, 5, 1), new DateOnly(2027, 4, 1), null, null, null))))
            .Message.ShouldBe("攻坚行动的结束日期不能早于开始日期。");

        await targets.SaveRateAsync(new ExchangeRateInput(2027, 2, "hkd", 0.91m, 0.128m));
        await targets.SaveRateAsync(new ExchangeRateInput(2027, 2, "HKD", 0.92m, 0.129m)); // a correction replaces
        (await targets.ListRatesAsync(2027)).ShouldHaveSingleItem().ToUsd.ShouldBe(0.129m);
        (await Should.ThrowAsync<DomainException>(() => targets.SaveRateAsync(new ExchangeRateInput(2027, 2, "CNY", 1m, 0.14m))))
            .Message.ShouldBe("币种“CNY”无效（人民币不需要汇率）。");
        (await Should.ThrowAsync<DomainException>(() => targets.SaveRateAsync(new ExchangeRateInput(2027, 13, "HKD", 1m, 0.14m))))
            .Message.ShouldBe("月份必须在 1 到 12 之间。");

        await targets.SaveRulesAsync(new FigureRulesInput(2027, 5000m, true, true, false, false, ArrivalWindow.UpToAsOfDate, -2m, -8m));
        var rules = await targets.GetRulesAsync(2027);
        rules.KeyProjectThresholdYuan.ShouldBe(50_000_000m);
        rules.ArrivalWindow.ShouldBe(ArrivalWindow.UpToAsOfDate);
        rules.LightFor(-8m).ShouldBe(ScheduleLight.Yellow);
        (await targets.GetRulesAsync(2031)).KeyProjectThresholdYuan.ShouldBe(100_000_000m); // a year without rules uses the defaults
    }
}
