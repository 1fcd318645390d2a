using InvestmentCrm.Common;
using InvestmentCrm.Projects;

namespace InvestmentCrm.Domain.Tests.Projects;

public class FundsAndContractTests
{
    private static readonly Guid ProjectId = Guid.NewGuid();

    [Fact]
    public void A_tranche_is_pending_until_verified_and_a_rejection_keeps_its_reason()
    {
        var tranche = new FundsTranche(ProjectId, new DateOnly(2012, 6, 15), Money.YiYuan(1.25m), CapitalSource.Domestic, FundsForm.PaidInCapital, "验资报告");
        tranche.Verification.ShouldBe(VerificationStatus.Pending);

        Should.Throw<DomainException>(() => tranche.Reject(Guid.NewGuid(), new DateOnly(2012, 6, 20), " ")).Message.ShouldBe("不予认定必须填写原因。");
        tranche.Reject(Guid.NewGuid(), new DateOnly(2012, 6, 20), "进账单与合同主体不一致");
        (tranche.Verification, tranche.VerificationNote).ShouldBe((VerificationStatus.Rejected, "进账单与合同主体不一致"));
    }

    [Fact]
    public void Domestic_capital_must_be_in_CNY_and_positive()
    {
        Should.Throw<DomainException>(() => new FundsTranche(ProjectId, new DateOnly(2012, 6, 15), Money.Dollars(100m), CapitalSource.Domestic, FundsForm.Loan, null))
            .Message.ShouldBe("内资到位金额必须以人民币计。");
        Should.Throw<DomainException>(() => new FundsTranche(ProjectId, new DateOnly(2012, 6, 15), Money.Yuan(0m), CapitalSource.Domestic, FundsForm.Loan, null))
            .Message.ShouldBe("到位金额必须大于 0。");
    }

    [Fact]
    public void Only_a_formal_investment_contract_counts_as_signed()
    {
        var formal = new Contract(ProjectId, ContractKind.FormalInvestment, "NG-2012-001", new DateOnly(2012, 3, 1), "南关区人民政府；甲公司", Money.YiYuan(4m), Money.Zero(Money.Usd));
        var intent = new Contract(ProjectId, ContractKind.LetterOfIntent, "YX-2012-001", new DateOnly(2012, 2, 1), "南关区人民政府；甲公司", Money.YiYuan(4m), Money.Zero(Money.Usd));
        formal.IsFormalInvestmentContract.ShouldBeTrue();
        intent.IsFormalInvestmentContract.ShouldBeFalse();
    }

    [Fact]
    public void A_contract_needs_a_number_and_CNY_domestic_amount()
    {
        Should.Throw<DomainException>(() => new Contract(ProjectId, ContractKind.FormalInvestment, " ", new DateOnly(2012, 3, 1), "甲；乙", Money.YiYuan(1m), Money.Zero(Money.Usd)))
            .Message.ShouldBe("合同编号不能为空。");
        Should.Throw<DomainException>(() => new Contract(ProjectId, ContractKind.FormalInvestment, "N-1", new DateOnly(2012, 3, 1), "甲；乙", Money.Dollars(1m), Money.Zero(Money.Usd)))
            .Message.ShouldBe("合同内资金额必须以人民币计。");
    }
}
