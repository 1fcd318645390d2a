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
    public void Whoever_entered_a_tranche_can_neither_verify_nor_reject_it()
    {
        var clerk = Guid.NewGuid();
        var tranche = new FundsTranche(ProjectId, new DateOnly(2012, 6, 15), Money.YiYuan(1m), CapitalSource.Domestic, FundsForm.PaidInCapital, "验资报告") { CreatedBy = clerk };

        Should.Throw<DomainException>(() => tranche.Verify(clerk, new DateOnly(2012, 6, 20))).Message.ShouldBe("不能认定自己录入的到位资金，请由其他有认定权限的人员认定。");
        Should.Throw<DomainException>(() => tranche.Reject(clerk, new DateOnly(2012, 6, 20), "材料不全")).Message.ShouldBe("不能认定自己录入的到位资金，请由其他有认定权限的人员认定。");
        tranche.Verification.ShouldBe(VerificationStatus.Pending);

        tranche.Verify(Guid.NewGuid(), new DateOnly(2012, 6, 20));
        tranche.Verification.ShouldBe(VerificationStatus.Verified);
    }

    [Fact]
    public void A_decided_tranche_changes_only_by_withdrawing_the_decision_with_a_reason()
    {
        var tranche = new FundsTranche(ProjectId, new DateOnly(2012, 6, 15), Money.YiYuan(1m), CapitalSource.Domestic, FundsForm.PaidInCapital, "验资报告");
        tranche.Verify(Guid.NewGuid(), new DateOnly(2012, 6, 20));

        // No flipping between 认定 and 不予认定.
        Should.Throw<DomainException>(() => tranche.Reject(Guid.NewGuid(), new DateOnly(2012, 7, 1), "复核不通过")).Message.ShouldBe("该笔到位资金已认定。如需更改，请先撤销认定并写明原因。");
        Should.Throw<DomainException>(() => tranche.Verify(Guid.NewGuid(), new DateOnly(2012, 7, 1)));
        Should.Throw<DomainException>(() => tranche.WithdrawDecision(" ")).Message.ShouldBe("撤销认定必须填写原因。");

        tranche.WithdrawDecision("验资报告金额与进账单不符");
        (tranche.Verification, tranche.VerifiedBy, tranche.VerificationNote).ShouldBe((VerificationStatus.Pending, (Guid?)null, "撤销认定：验资报告金额与进账单不符"));
        Should.Throw<DomainException>(() => tranche.WithdrawDecision("再次撤销")).Message.ShouldBe("该笔到位资金尚未认定，无需撤销。");
        tranche.Reject(Guid.NewGuid(), new DateOnly(2012, 7, 2), "进账单与合同主体不一致");
        tranche.Verification.ShouldBe(VerificationStatus.Rejected);
    }

    [Fact]
    public void A_contracts_agreed_dates_follow_the_signing_and_each_other()
    {
        var contract = new Contract(ProjectId, ContractKind.FormalInvestment, "NG-2012-001", new DateOnly(2012, 3, 1), "南关区人民政府；甲公司", Money.YiYuan(4m), Money.Zero(Money.Usd));
        Should.Throw<DomainException>(() => contract.SetAgreedDates(new DateOnly(2012, 2, 1), null, null)).Message.ShouldBe("约定落位日期不能早于签约日期 2012-03-01。");
        Should.Throw<DomainException>(() => contract.SetAgreedDates(new DateOnly(2012, 6, 1), new DateOnly(2012, 5, 1), null)).Message.ShouldBe("约定开工日期不能早于约定落位日期。");
        Should.Throw<DomainException>(() => contract.SetAgreedDates(null, new DateOnly(2012, 6, 1), new DateOnly(2012, 5, 1))).Message.ShouldBe("约定投产日期不能早于约定开工日期。");
        Should.Throw<DomainException>(() => contract.SetAgreedDates(new DateOnly(9999, 12, 31), null, null));
        contract.SetAgreedDates(new DateOnly(2012, 6, 9), null, new DateOnly(2015, 3, 1));
        (contract.AgreedLandingDate, contract.AgreedStartDate, contract.AgreedOperationDate).ShouldBe((new DateOnly(2012, 6, 9), (DateOnly?)null, new DateOnly(2015, 3, 1)));
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
