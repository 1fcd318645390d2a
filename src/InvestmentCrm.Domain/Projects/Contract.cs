using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.Projects;

/// <summary>合同/协议. Only a 正式投资合同 makes a project 签约 and puts it in the 履约率 cohort.</summary>
public class Contract : AggregateRoot, ISoftDelete
{
    private Contract() { Number = ""; Parties = ""; }

    public Contract(Guid projectId, ContractKind kind, string number, DateOnly signedOn, string parties, Money contractedDomestic, Money contractedForeign)
    {
        ProjectId = projectId;
        (Number, Parties) = ("", "");
        Set(kind, number, signedOn, parties, contractedDomestic, contractedForeign);
    }

    private void Set(ContractKind kind, string number, DateOnly signedOn, string parties, Money contractedDomestic, Money contractedForeign)
    {
        if (string.IsNullOrWhiteSpace(number)) throw new DomainException("合同编号不能为空。");
        if (string.IsNullOrWhiteSpace(parties)) throw new DomainException("合同签约方不能为空。");
        if (contractedDomestic.Currency != Money.Cny) throw new DomainException("合同内资金额必须以人民币计。");
        if (contractedDomestic.Amount < 0 || contractedForeign.Amount < 0) throw new DomainException("合同金额不能为负数。");
        (Kind, Number, SignedOn, Parties, ContractedDomestic, ContractedForeign) =
            (kind, number.Trim(), signedOn, parties.Trim(), contractedDomestic, contractedForeign);
    }

    /// <summary>更正 with the reason; the agreed dates are checked again against the (new) signing date.</summary>
    public void Correct(ContractKind kind, string number, DateOnly signedOn, string parties, Money contractedDomestic, Money contractedForeign,
        DateOnly? agreedLanding, DateOnly? agreedStart, DateOnly? agreedOperation, string? reason)
    {
        var note = Corrections.Note("更正", reason);
        Set(kind, number, signedOn, parties, contractedDomestic, contractedForeign);
        SetAgreedDates(agreedLanding, agreedStart, agreedOperation);
        CorrectionNote = note;
    }

    /// <summary>撤回 with the reason: the contract leaves every figure (the caller deletes it, softly).</summary>
    public void NoteWithdrawal(string? reason) => CorrectionNote = Corrections.Note("撤回", reason);

    /// <summary>The last 更正/撤回 and why (<see cref="Corrections"/>).</summary>
    public string? CorrectionNote { get; private set; }

    public Guid ProjectId { get; private set; }
    public ContractKind Kind { get; private set; }
    public string Number { get; private set; }
    public DateOnly SignedOn { get; private set; }
    /// <summary>签约场合, e.g. 东北亚博览会.</summary>
    public string? Occasion { get; set; }
    public string Parties { get; private set; }
    /// <summary>Contracted 内资 (CNY).</summary>
    public Money ContractedDomestic { get; private set; }
    /// <summary>Contracted 外资 (USD or another currency).</summary>
    public Money ContractedForeign { get; private set; }
    public DateOnly? AgreedLandingDate { get; private set; }
    public DateOnly? AgreedStartDate { get; private set; }
    public DateOnly? AgreedOperationDate { get; private set; }

    /// <summary>
    /// 合同约定的落位、开工、投产日期 (the cockpit's 已过合同约定落位日期 reads the first): none before the signing, and in
    /// their natural order where given.
    /// </summary>
    public void SetAgreedDates(DateOnly? landing, DateOnly? start, DateOnly? operation)
    {
        foreach (var (date, name) in new[] { (landing, "约定落位日期"), (start, "约定开工日期"), (operation, "约定投产日期") })
        {
            if (date is { } d && d < SignedOn)
                throw new DomainException($"{name}不能早于签约日期 {SignedOn:yyyy-MM-dd}。");
            if (date is { } sane)
                BusinessDates.EnsureDate(sane, name);
        }
        if (landing is { } l && start is { } s && s < l) throw new DomainException("约定开工日期不能早于约定落位日期。");
        if (start is { } s2 && operation is { } o && o < s2) throw new DomainException("约定投产日期不能早于约定开工日期。");
        (AgreedLandingDate, AgreedStartDate, AgreedOperationDate) = (landing, start, operation);
    }
    /// <summary>约定的资金到位计划, free text until the funding-schedule issue structures it.</summary>
    public string? FundingSchedule { get; set; }

    public bool IsFormalInvestmentContract => Kind == ContractKind.FormalInvestment;

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }
}

public enum ContractKind
{
    [Display(Name = "意向协议")]
    LetterOfIntent = 1,
    [Display(Name = "框架协议")]
    Framework = 2,
    [Display(Name = "正式投资合同")]
    FormalInvestment = 3,
    [Display(Name = "补充协议")]
    Supplementary = 4,
    [Display(Name = "租赁购置合同")]
    LeaseOrPurchase = 5,
}

