using InvestmentCrm.Common;
using InvestmentCrm.Companies;

namespace InvestmentCrm.Domain.Tests.Companies;

public class CompanyTests
{
    [Fact]
    public void Only_intermediaries_can_be_blacklisted_and_only_with_a_reason()
    {
        var enterprise = new Company("华为技术有限公司", CompanyNature.Private);
        Should.Throw<DomainException>(() => enterprise.Blacklist("虚报", new DateOnly(2022, 6, 30))).Message.ShouldBe("只有中介机构、商会或协会可以列入黑名单。");

        var broker = new Company("长春鑫诚招商咨询服务有限公司", CompanyNature.Private, kind: CompanyKind.Intermediary);
        Should.Throw<DomainException>(() => broker.Blacklist("", new DateOnly(2022, 6, 30))).Message.ShouldBe("列入黑名单必须填写原因。");
        broker.Blacklist("虚报引荐项目", new DateOnly(2022, 6, 30));
        (broker.IsBlacklisted, broker.BlacklistReason, broker.BlacklistedOn).ShouldBe((true, "虚报引荐项目", new DateOnly(2022, 6, 30)));
    }

    [Theory]
    [InlineData("13804310001", "138****0001")]
    [InlineData("043188881234", "043*****1234")]
    [InlineData("12345", "12345")]
    [InlineData(null, null)]
    public void Masks_phone_numbers_for_lists(string? phone, string? masked)
    {
        CompanyContact.MaskPhone(phone).ShouldBe(masked);
    }

    [Fact]
    public void Registered_capital_round_trips_as_money()
    {
        var company = new Company("华润置地有限公司", CompanyNature.CentralSoe) { RegisteredCapital = Money.YiYuan(5m) };
        company.RegisteredCapital.ShouldBe(Money.YiYuan(5m));
        company.RegisteredCapital = null;
        company.RegisteredCapitalAmount.ShouldBeNull();
    }
}
