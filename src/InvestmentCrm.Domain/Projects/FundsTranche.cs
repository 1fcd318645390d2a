using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Projects;

/// <summary>
/// 到位资金 — one arrival of capital. Only a verified (认定) tranche counts in any figure; it counts for
/// the period it arrived in, also for projects signed in earlier years (续建).
/// </summary>
public class FundsTranche : AggregateRoot, ISoftDelete
{
    private FundsTranche() { }

    public FundsTranche(Guid projectId, DateOnly arrivedOn, Money amount, CapitalSource source, FundsForm form, string? evidence)
    {
        ProjectId = projectId;
        Set(arrivedOn, amount, source, form, evidence);
    }

    private void Set(DateOnly arrivedOn, Money amount, CapitalSource source, FundsForm form, string? evidence)
    {
        if (amount.Amount <= 0) throw new DomainException("到位金额必须大于 0。");
        if (source == CapitalSource.Domestic && amount.Currency != Money.Cny)
            throw new DomainException("内资到位金额必须以人民币计。");
        (ArrivedOn, Amount, Source, Form, Evidence) = (arrivedOn, amount, source, form, evidence);
    }

    /// <summary>更正 of a tranche still 待认定, with the reason; a decided one is first 撤销认定 (<see cref="WithdrawDecision"/>).</summary>
    public void Correct(DateOnly arrivedOn, Money amount, CapitalSource source, FundsForm form, string? evidence, string? reason)
    {
        EnsureUndecided();
        var note = Corrections.Note("更正", reason);
        Set(arrivedOn, amount, source, form, evidence);
        CorrectionNote = note;
    }

    /// <summary>撤回 of a tranche still 待认定, with the reason (the caller deletes it, softly).</summary>
    public void NoteWithdrawal(string? reason)
    {
        EnsureUndecided();
        CorrectionNote = Corrections.Note("撤回", reason);
    }

    /// <summary>The last 更正/撤回 and why (<see cref="Corrections"/>).</summary>
    public string? CorrectionNote { get; private set; }

    public Guid ProjectId { get; private set; }
    public DateOnly ArrivedOn { get; private set; }
    public Money Amount { get; private set; }
    public CapitalSource Source { get; private set; }
    public FundsForm Form { get; private set; }
    /// <summary>验资报告、银行进账单、发票、外汇登记 — description until attachments arrive.</summary>
    public string? Evidence { get; private set; }

    public VerificationStatus Verification { get; private set; } = VerificationStatus.Pending;
    public Guid? VerifiedBy { get; private set; }
    public DateOnly? VerifiedOn { get; private set; }
    public string? VerificationNote { get; private set; }

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    /// <summary>认定. Four eyes: whoever entered the tranche cannot decide it.</summary>
    public void Verify(Guid verifier, DateOnly on, string? note = null)
    {
        EnsureFourEyes(verifier);
        EnsureUndecided();
        (Verification, VerifiedBy, VerifiedOn, VerificationNote) = (VerificationStatus.Verified, verifier, on, note);
    }

    /// <summary>不予认定, with the reason. Four eyes, as for <see cref="Verify"/>.</summary>
    public void Reject(Guid verifier, DateOnly on, string reason)
    {
        EnsureFourEyes(verifier);
        EnsureUndecided();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("不予认定必须填写原因。");
        (Verification, VerifiedBy, VerifiedOn, VerificationNote) = (VerificationStatus.Rejected, verifier, on, reason.Trim());
    }

    /// <summary>
    /// 撤销认定: a decided tranche (认定 or 不予认定) goes back to 待认定 only this way, with the written reason kept in its
    /// note and in the audit trail — never straight from one decision to the other. It then needs a new decision.
    /// </summary>
    public void WithdrawDecision(string reason)
    {
        if (Verification == VerificationStatus.Pending) throw new DomainException("该笔到位资金尚未认定，无需撤销。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("撤销认定必须填写原因。");
        var was = Verification == VerificationStatus.Verified ? "认定" : "不予认定";
        (Verification, VerifiedBy, VerifiedOn, VerificationNote) = (VerificationStatus.Pending, null, null, $"撤销{was}：{reason.Trim()}");
    }

    private void EnsureUndecided()
    {
        if (Verification != VerificationStatus.Pending)
            throw new DomainException($"该笔到位资金已{(Verification == VerificationStatus.Verified ? "认定" : "不予认定")}。如需更改，请先撤销认定并写明原因。");
    }

    private void EnsureFourEyes(Guid verifier)
    {
        if (CreatedBy == verifier) throw new DomainException("不能认定自己录入的到位资金，请由其他有认定权限的人员认定。");
    }
}

public enum CapitalSource
{
    /// <summary>内资.</summary>
    [Display(Name = "内资")]
    Domestic = 1,
    /// <summary>外资.</summary>
    [Display(Name = "外资")]
    Foreign = 2,
}

public enum FundsForm
{
    [Display(Name = "注册资本实缴")]
    PaidInCapital = 1,
    [Display(Name = "固定资产投资")]
    FixedAssetInvestment = 2,
    [Display(Name = "股权投资")]
    EquityInvestment = 3,
    [Display(Name = "借款")]
    Loan = 4,
    [Display(Name = "设备/无形资产作价")]
    InKind = 5,
}

public enum VerificationStatus
{
    [Display(Name = "待认定")]
    Pending = 0,
    [Display(Name = "已认定")]
    Verified = 1,
    [Display(Name = "不予认定")]
    Rejected = 2,
}

