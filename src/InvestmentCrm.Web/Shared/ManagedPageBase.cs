using InvestmentCrm.Common;
using InvestmentCrm.Organization;
using Microsoft.AspNetCore.Components;

namespace InvestmentCrm.Web.Shared;

/// <summary>
/// What pages that read for one permission and change for another share (指标管理, 年度考核): a successful change
/// redirects to a fresh GET with “已保存”, a refused one shows the Chinese reason with its status (Shared/BusinessErrors.cs).
/// </summary>
public abstract class ManagedPageBase : FormComponentBase
{
    [SupplyParameterFromQuery(Name = "saved")] protected string? Saved { get; set; }

    protected string? Message { get; set; }
    protected bool IsError { get; set; }
    /// <summary>The refused change's reason, for pages that show more than its message (e.g. a link to a duplicate).</summary>
    protected DomainException? Error { get; set; }
    /// <summary>The permission that allows the page's changes.</summary>
    protected abstract string ManagePermission { get; }
    /// <summary>What a user without it is told.</summary>
    protected abstract string RefusedMessage { get; }
    protected bool CanManage => HttpContext.User.HasClaim(Permissions.ClaimType, ManagePermission);
    protected override async Task OnInitializedAsync()
    {
        if (Saved is not null)
            Message = "已保存。";
        await LoadAsync();
    }

    protected abstract Task LoadAsync();

    /// <summary>Where to go after a successful change (the page itself, keeping its query).</summary>
    protected abstract string ReturnUrl { get; }

    /// <summary>Runs a change; the action answers false when its record does not exist (404).</summary>
    protected async Task RunAsync(Func<Task<bool>> action)
    {
        if (!CanManage)
        {
            (Message, IsError) = (PageAction.Forbidden(HttpContext, RefusedMessage), true);
            return;
        }
        var refusal = await SubmitAsync(action, () => ReturnUrl + (ReturnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "saved=1", "记录不存在。");
        if (refusal is null)
            return;
        (Message, IsError, Error) = (refusal.Message, true, refusal.Reason as DomainException);
        await LoadAsync();
    }
}
