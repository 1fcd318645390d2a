using InvestmentCrm.Common;

namespace InvestmentCrm.Appraisal;

/// <summary>
/// The assessor's decision on a verified tranche of a year that the appraisal flags for manual review — funds of a project
/// whose referring intermediary is blacklisted (<see cref="Projects.ReferrerRisk"/>): counted (确认计入) or left out of
/// the year's appraisal (不计入), always with the written reason. One decision per tranche and year; it can be changed.
/// </summary>
public class FundsReview : Entity
{
    private FundsReview() { Reason = ""; }

    public FundsReview(int year, Guid trancheId, bool included, string reason, Guid decidedBy, DateTime decidedAt)
    {
        (Year, TrancheId, Reason) = (year, trancheId, "");
        Decide(included, reason, decidedBy, decidedAt);
    }

    public int Year { get; private set; }
    public Guid TrancheId { get; private set; }
    /// <summary>True: the tranche counts in the year's appraisal; false: it is excluded.</summary>
    public bool Included { get; private set; }
    public string Reason { get; private set; }
    public Guid DecidedBy { get; private set; }
    /// <summary>UTC.</summary>
    public DateTime DecidedAt { get; private set; }

    public void Decide(bool included, string reason, Guid decidedBy, DateTime decidedAt)
    {
        Reason = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("请填写复核理由。") : reason.Trim();
        if (Reason.Length > 500) throw new DomainException("复核理由不能超过 500 个字符。");
        (Included, DecidedBy, DecidedAt) = (included, decidedBy, decidedAt);
    }
}
