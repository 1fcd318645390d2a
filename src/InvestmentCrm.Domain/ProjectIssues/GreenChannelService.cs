using System.ComponentModel.DataAnnotations;
using InvestmentCrm.Common;

namespace InvestmentCrm.ProjectIssues;

/// <summary>What a 绿色通道 project is served with (docs/domain.md, "绿色通道").</summary>
public enum GreenChannelItem
{
    [Display(Name = "占道费减免")]
    RoadOccupancyRelief = 1,
    [Display(Name = "渣土费减免")]
    SpoilRelief = 2,
    [Display(Name = "扫雪费减免")]
    SnowClearingRelief = 3,
    [Display(Name = "代办服务")]
    Agency = 4,
    [Display(Name = "其他")]
    Other = 9,
}

/// <summary>
/// One service of the 绿色通道: an item promised by a unit within a time limit (限时办结), done on a day, with the amount
/// relieved (减免) where the item is a relief. Only a project in the 绿色通道 gets them.
/// </summary>
public class GreenChannelService : AggregateRoot, ISoftDelete
{
    private GreenChannelService() { }

    public GreenChannelService(Guid projectId, bool projectInGreenChannel, GreenChannelItem item, string? detail, Guid responsibleDepartmentId,
        DateOnly requestedOn, DateOnly dueOn, DateOnly today)
    {
        if (!projectInGreenChannel)
            throw new DomainException("该项目未纳入绿色通道，不能登记绿色通道服务。");
        if (!Enum.IsDefined(item))
            throw new DomainException("请选择服务事项。");
        if (item == GreenChannelItem.Other && string.IsNullOrWhiteSpace(detail))
            throw new DomainException("“其他”事项请写明服务内容。");
        BusinessDates.EnsureDate(requestedOn, "受理日期");
        BusinessDates.EnsureDate(dueOn, "限办日期");
        if (requestedOn > today)
            throw new DomainException("受理日期不能晚于今天。");
        if (dueOn < requestedOn)
            throw new DomainException($"限办日期 {dueOn:yyyy-MM-dd} 早于受理日期 {requestedOn:yyyy-MM-dd}。");
        (ProjectId, Item, Detail, ResponsibleDepartmentId, RequestedOn, DueOn) =
            (projectId, item, string.IsNullOrWhiteSpace(detail) ? null : detail.Trim(), responsibleDepartmentId, requestedOn, dueOn);
    }

    public Guid ProjectId { get; private set; }
    public GreenChannelItem Item { get; private set; }
    public string? Detail { get; private set; }
    public Guid ResponsibleDepartmentId { get; private set; }
    public DateOnly RequestedOn { get; private set; }
    /// <summary>限时办结: done by this day.</summary>
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    /// <summary>减免 in 元 (reliefs only).</summary>
    public decimal? ReliefYuan { get; private set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }

    public bool IsRelief => Item is GreenChannelItem.RoadOccupancyRelief or GreenChannelItem.SpoilRelief or GreenChannelItem.SnowClearingRelief;

    public bool IsOverdue(DateOnly today) => DoneOn is null && today > DueOn;

    public void Complete(DateOnly doneOn, decimal? reliefYuan, DateOnly today)
    {
        if (DoneOn is not null)
            throw new DomainException("该服务已办结。");
        BusinessDates.EnsureDate(doneOn, "办结日期");
        if (doneOn < RequestedOn)
            throw new DomainException("办结日期不能早于受理日期。");
        if (doneOn > today)
            throw new DomainException("办结日期不能晚于今天。");
        if (reliefYuan is not null && !IsRelief)
            throw new DomainException($"“{Item.ToDisplay()}”不是减免事项，不填减免金额。");
        if (reliefYuan is < 0)
            throw new DomainException("减免金额不能为负数。");
        if (IsRelief && reliefYuan is null)
            throw new DomainException("减免事项请填写减免金额（无减免填 0）。");
        (DoneOn, ReliefYuan) = (doneOn, reliefYuan);
    }
}
