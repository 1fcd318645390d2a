using InvestmentCrm.Common;
using InvestmentCrm.Companies;

namespace InvestmentCrm.Domain.Tests.Companies;

public class SearchTermsTests
{
    [Theory]
    [InlineData("华为技术", "华为 为技 技术 术")]
    [InlineData("世界500强", "世界 界 500 强")]
    [InlineData("ＩＢＭ（中国）", "ibm 中国 国")]
    [InlineData("华为、华为", "华为 为")]
    [InlineData("", "")]
    public void Han_runs_give_bigrams_and_their_last_character_and_words_are_lower_case(string text, string terms)
    {
        SearchTerms.Of(text).ShouldBe(terms);
    }

    [Fact]
    public void Names_also_give_every_character()
    {
        SearchTerms.Of(["华为技术"], ["技术开发"]).ShouldBe("华 华为 为 为技 技 技术 术 术开 开发 发");
    }

    [Fact]
    public void Every_one_or_two_character_piece_of_a_name_is_found_by_its_query()
    {
        const string text = "长春华为路餐饮店";
        var terms = SearchTerms.Of([text], []).Split(' ');
        for (var length = 1; length <= 2; length++)
        {
            for (var start = 0; start + length <= text.Length; start++)
            {
                foreach (var (term, isPrefix) in SearchTerms.Query(text.Substring(start, length)))
                    terms.Any(t => isPrefix ? t.StartsWith(term, StringComparison.Ordinal) : t == term).ShouldBeTrue($"{text.Substring(start, length)} → {term}");
            }
        }
    }

    [Fact]
    public void Queries_are_bigrams_or_prefixes()
    {
        SearchTerms.Query("华为").ShouldBe([("华为", false)]);
        SearchTerms.Query("华").ShouldBe([("华", false)]);
        SearchTerms.Query("华为云").ShouldBe([("华为", false), ("为云", false)]);
        SearchTerms.Query("5G").ShouldBe([("5g", true)]);
        SearchTerms.Query("500强").ShouldBe([("500", true), ("强", false)]);
    }
}

public class CompanyNameNormalizerTests
{
    [Theory]
    [InlineData("华为终端（长春）有限公司", "华为终端")]
    [InlineData("华为终端有限公司", "华为终端")]
    [InlineData("中国太平洋保险（集团）股份有限公司", "中国太平洋保险")]
    [InlineData("长春城投建设投资（集团）有限公司", "长春城投建设投资")]
    [InlineData("绿地控股集团有限公司", "绿地")]
    [InlineData("Hana Bank Co., Ltd.", "hanabank")]
    [InlineData("华为", "华为")]
    public void Legal_forms_bracketed_places_and_spaces_are_removed(string name, string core)
    {
        CompanyNameNormalizer.Normalize(name).ShouldBe(core);
    }

    [Theory]
    [InlineData("华为终端有限公司", "华为终端（长春）有限公司", true)]
    [InlineData("华为终端有限公司", "华为终端股份有限公司", true)]
    [InlineData("长春华为终端销售有限公司", "华为终端有限公司", true)]
    [InlineData("华为技术有限公司", "华为终端有限公司", false)]
    [InlineData("有限公司", "华为有限公司", false)]
    public void Similar_names_share_their_core(string a, string b, bool similar)
    {
        CompanyNameNormalizer.AreSimilar(a, b).ShouldBe(similar);
    }
}

public class CompanyMergeTests
{
    private static CreditCode Code(string first17) => CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17));

    [Fact]
    public void The_survivor_takes_the_names_contacts_tags_and_empty_fields_of_the_duplicate()
    {
        var survivor = new Company("华为技术有限公司", CompanyNature.Private, Code("91440300192203821")) { Tags = "世界500强" };
        var duplicate = new Company("华为公司", CompanyNature.Private) { Aliases = "华为", Tags = "上市、世界500强", Origin = "广东省深圳市", IsStrategicInvestor = true };
        duplicate.AddContact("刘经理", "代表处", "13804310001", null);

        survivor.Absorb(duplicate);

        survivor.AliasList.ShouldBe(["华为公司", "华为"]);
        survivor.Tags.ShouldBe("世界500强、上市");
        (survivor.Origin, survivor.IsStrategicInvestor).ShouldBe(("广东省深圳市", true));
        survivor.Contacts.Select(c => c.Name).ShouldBe(["刘经理"]);
        duplicate.MergedIntoId.ShouldBe(survivor.Id);
        Should.Throw<DomainException>(() => survivor.Absorb(duplicate)).Message.ShouldBe("“华为公司”已被合并或删除。");
    }

    [Fact]
    public void Two_different_credit_codes_or_the_company_itself_cannot_be_merged()
    {
        var a = new Company("甲公司", CompanyNature.Private, Code("91440300192203821"));
        var b = new Company("乙公司", CompanyNature.Private, Code("91110000101730016"));
        Should.Throw<DomainException>(() => a.Absorb(b)).Message.ShouldStartWith("两家企业的统一社会信用代码不同");
        Should.Throw<DomainException>(() => a.Absorb(a)).Message.ShouldBe("不能把企业合并到它自己。");
        Should.Throw<DomainException>(() => a.SetParent(a.Id)).Message.ShouldBe("上级/集团企业不能是企业本身。");
    }

    [Fact]
    public void Aliases_drop_repeats_and_the_name_itself()
    {
        var company = new Company("吉林亿联银行股份有限公司", CompanyNature.Private);
        company.SetAliases(["亿联银行", " 亿联银行 ", "吉林亿联银行股份有限公司", ""]);
        company.Aliases.ShouldBe("亿联银行");
        Should.Throw<DomainException>(() => company.SetAliases([new string('名', 501)]));
    }
}
