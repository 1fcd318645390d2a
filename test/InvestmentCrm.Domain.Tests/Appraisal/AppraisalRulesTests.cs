using InvestmentCrm.Appraisal;
using InvestmentCrm.Common;

namespace InvestmentCrm.Domain.Tests.Appraisal;

public class AppraisalRulesTests
{
    private static AppraisalItem Item(AppraisalItemSpec spec) => new AppraisalRuleSet(2026, "测试口径").AddItem(spec);

    [Theory]
    [InlineData(150, 24)]   // 150 % of the target, capped at 120 % → 20 × 1.2
    [InlineData(120, 24)]
    [InlineData(90, 18)]
    [InlineData(59, 0)]     // below the 60 % floor
    [InlineData(60, 12)]
    public void Proportional_items_cap_and_floor_the_completion(decimal value, decimal points)
    {
        var item = Item(new AppraisalItemSpec(AppraisalSubject.Department, "利用内资", AppraisalMetric.DomesticFunds, 20m, CapPercent: 120m, FloorPercent: 60m));
        item.Score(value, 100m).Points.ShouldBe(points);
    }

    [Fact]
    public void Threshold_items_give_all_or_nothing_and_say_why()
    {
        var item = Item(new AppraisalItemSpec(AppraisalSubject.Person, "签约达标", AppraisalMetric.SignedCount, 10m, ScoringFunction.Threshold, ThresholdPercent: 80m));
        item.Score(4m, 5m).ShouldBe((10m, "完成率 80.0% ≥ 门槛 80%，得满分 10"));
        item.Score(3.9m, 5m).Points.ShouldBe(0m);
        item.Score(3m, null).ShouldBe((0m, "未设置指标（或指标为 0），本项不得分"));
    }

    [Fact]
    public void Bonuses_and_deductions_count_per_record_up_to_their_maximum()
    {
        Item(new AppraisalItemSpec(AppraisalSubject.Department, "世界500强", AppraisalMetric.Fortune500Investor, 2m, MaxPoints: 5m)).Count(3)
            .ShouldBe((5m, "3 个 × 每个加 2 分 = 6，最多加 5 分"));
        Item(new AppraisalItemSpec(AppraisalSubject.Department, "核减", AppraisalMetric.RejectedTranche, 3m)).Count(2).Points.ShouldBe(-6m);
        Item(new AppraisalItemSpec(AppraisalSubject.Person, "核减", AppraisalMetric.RejectedTranche, 3m)).Count(0.5m).Points.ShouldBe(-1.5m);
    }

    [Fact]
    public void Items_are_validated_in_Chinese()
    {
        Should.Throw<DomainException>(() => Item(new AppraisalItemSpec(AppraisalSubject.Person, "", AppraisalMetric.DomesticFunds, 10m)))
            .Message.ShouldBe("请填写评分项名称。");
        Should.Throw<DomainException>(() => Item(new AppraisalItemSpec(AppraisalSubject.Person, "走访", AppraisalMetric.VisitCount, 10m)))
            .Message.ShouldBe("走访、推介次数没有年度指标，请在评分项中填写固定目标值。");
        Should.Throw<DomainException>(() => Item(new AppraisalItemSpec(AppraisalSubject.Person, "大项目", AppraisalMetric.LargeProject, 5m)))
            .Message.ShouldBe("请填写大项目门槛（亿元），例如 10。");
        Should.Throw<DomainException>(() => Item(new AppraisalItemSpec(AppraisalSubject.Person, "内资", AppraisalMetric.DomesticFunds, 10m, CapPercent: 0m)))
            .Message.ShouldContain("封顶比例");
    }

    [Fact]
    public void A_published_rule_set_is_immutable_and_changes_only_through_a_new_version()
    {
        var rules = new AppraisalRuleSet(2026, "2026年度考核办法");
        Should.Throw<DomainException>(() => rules.Publish(Guid.NewGuid(), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc))).Message.ShouldBe("考核口径没有任何评分项，不能发布。");
        var item = rules.AddItem(new AppraisalItemSpec(AppraisalSubject.Department, "利用内资", AppraisalMetric.DomesticFunds, 20m));
        rules.SetExclusions("房地产、 财政 ,房地产", true, 0.5m, " 长春 ");
        rules.ExcludedIndustryWords.ShouldBe(["房地产", "财政"]);
        rules.Publish(Guid.NewGuid(), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));

        Should.Throw<DomainException>(() => rules.UpdateItem(item.Id, item.ToSpec() with { Points = 30m }))
            .Message.ShouldBe("考核口径“2026年度考核办法”第 1 版已发布，不能修改；请新建版本。");
        Should.Throw<DomainException>(() => rules.RemoveItem(item.Id));
        Should.Throw<DomainException>(() => rules.SetExclusions(null, false, null, null));

        var next = rules.NewVersion(2);
        next.Status.ShouldBe(RuleSetStatus.Draft);
        next.Items.ShouldHaveSingleItem().ToSpec().ShouldBe(item.ToSpec());
        (next.ExcludedIndustries, next.LocalOrigin, next.MinimumProjectYi).ShouldBe(("房地产、财政", "长春", 0.5m));
        rules.Supersede();
        rules.Status.ShouldBe(RuleSetStatus.Superseded);
        Should.Throw<DomainException>(() => new AppraisalRun(next, new DateOnly(2026, 12, 31), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc))).Message.ShouldBe("考核口径尚未发布，不能用于考核。");
    }

    [Fact]
    public void A_frozen_run_takes_no_more_scores_and_ranks_ties_together()
    {
        var rules = new AppraisalRuleSet(2026, "2026年度考核办法");
        var item = rules.AddItem(new AppraisalItemSpec(AppraisalSubject.Person, "利用内资", AppraisalMetric.DomesticFunds, 20m));
        rules.Publish(Guid.NewGuid(), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        var run = new AppraisalRun(rules, new DateOnly(2026, 12, 31), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        AppraisalLine Line(decimal points) => new(run.Id, AppraisalSubject.Person, Guid.NewGuid(), item, 1m, 1m, "", "", points);
        run.AddScore(AppraisalSubject.Person, Guid.NewGuid(), "甲", null, [Line(20m)]);
        run.AddScore(AppraisalSubject.Person, Guid.NewGuid(), "乙", null, [Line(20m)]);
        run.AddScore(AppraisalSubject.Person, Guid.NewGuid(), "丙", null, [Line(5m)]);
        run.Rank();
        run.Scores.Select(s => s.Rank).ShouldBe([1, 1, 3]);

        // Before the year is over the freeze says why it matters and needs the assessor's confirmation.
        var today = new DateOnly(2026, 11, 22);
        run.IsEarly(today).ShouldBeTrue();
        Should.Throw<DomainException>(() => run.Freeze(Guid.NewGuid(), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), today, earlyConfirmed: false))
            .Message.ShouldContain("此后认定的到位资金、阶段变更和里程碑都不再计入 2026 年度考核结果");
        run.IsFrozen.ShouldBeFalse();
        run.IsEarly(new DateOnly(2027, 1, 5)).ShouldBeFalse(); // after the year, as of 31 December: nothing to confirm
        run.Freeze(Guid.NewGuid(), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), today, earlyConfirmed: true);
        Should.Throw<DomainException>(() => run.AddScore(AppraisalSubject.Person, Guid.NewGuid(), "丁", null, [])).Message.ShouldBe("已冻结的考核结果不能修改。");
        Should.Throw<DomainException>(() => run.Freeze(Guid.NewGuid(), new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), new DateOnly(2027, 1, 5), earlyConfirmed: false));
    }
}
