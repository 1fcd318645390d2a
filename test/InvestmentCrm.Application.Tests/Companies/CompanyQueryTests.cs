using InvestmentCrm.Common;
using InvestmentCrm.Companies;

namespace InvestmentCrm.Application.Tests.Companies;

public class CompanyQueryTests
{
    [Fact]
    public void Terms_are_split_on_spaces_and_commas_and_a_valid_credit_code_is_recognised()
    {
        var query = CompanyQuery.Parse("  金融 500强，北京  ");
        query.Terms.ShouldBe(["金融", "500强", "北京"]);
        query.Code.ShouldBeNull();

        var first17 = "91220000MA0Y4JPW2";
        var code = first17 + CreditCode.CheckCharacter(first17);
        CompanyQuery.Parse(code.ToLowerInvariant()).Code!.Value.ShouldBe(code);
        CompanyQuery.Parse("、 ，").Terms.ShouldBeEmpty();
        Should.Throw<DomainException>(() => CompanyQuery.Parse("一 二 三 四 五 六 七")).Message.ShouldBe("搜索词最多 6 个，请精简后再查。");
    }

    [Fact]
    public void Matches_are_marked_case_insensitively_and_excerpts_are_cut_around_the_first_one()
    {
        Highlighter.Parts("IBM（中国）有限公司", ["ibm", "中国"])
            .ShouldBe([new TextPart("IBM", true), new TextPart("（", false), new TextPart("中国", true), new TextPart("）有限公司", false)]);
        var excerpt = Highlighter.Excerpt(new string('甲', 60) + "医疗器械销售" + new string('乙', 60), ["医疗器械"], width: 20);
        string.Concat(excerpt.Select(p => p.Text)).ShouldStartWith("…");
        string.Concat(excerpt.Select(p => p.Text)).ShouldEndWith("…");
        excerpt.Single(p => p.IsMatch).Text.ShouldBe("医疗器械");
    }

    [Fact]
    public void A_cursor_round_trips_and_a_broken_one_is_refused_in_Chinese()
    {
        var cursor = new CompanySearchCursor(2, 8, "华为技术有限公司", Guid.NewGuid());
        CompanySearchCursor.Decode(cursor.Encode()).ShouldBe(cursor);
        Should.Throw<DomainException>(() => CompanySearchCursor.Decode("%%%")).Message.ShouldBe("翻页位置无效，请从第一页重新搜索。");
    }
}
