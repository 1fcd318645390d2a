using InvestmentCrm.Common;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace InvestmentCrm.Web.Projects;

/// <summary>
/// What the panels of the project page share: the posted form, and how one form's action is run — on success
/// back to the project page (a fresh GET), otherwise the reason in Chinese, the right status and nothing saved.
/// </summary>
public abstract class ProjectPanelBase : FormComponentBase
{
    [Parameter, EditorRequired] public Guid ProjectId { get; set; }

    /// <summary>Why the last action was refused (shown beside the form that was sent, or above the panel if none).</summary>
    protected string? Error { get; private set; }

    /// <summary>Runs one form's change; the action answers false when the project is not found (or not in scope).</summary>
    protected async Task RunAsync(bool allowed, Func<Task<bool>> action, string fragment = "")
    {
        if (!allowed)
        {
            Error = PageAction.Forbidden(HttpContext, "您没有执行该操作的权限。");
            return;
        }
        var refusal = await SubmitAsync(action, () => $"projects/{ProjectId}?saved=true{fragment}", "项目不存在或您无权查看。");
        if (refusal is null)
            return;
        Error = refusal.Message;
        await ReloadAsync();
    }

    /// <summary>Reloads the panel's data after a refused action (the page loaded it the first time).</summary>
    protected virtual Task ReloadAsync() => Task.CompletedTask;
}
