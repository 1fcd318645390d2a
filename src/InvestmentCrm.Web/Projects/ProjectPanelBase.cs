using InvestmentCrm.Common;
using InvestmentCrm.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace InvestmentCrm.Web.Projects;

/// <summary>
/// What the panels of the project page share: the posted form, and how one form's action is run — on success
/// back to the project page (a fresh GET), otherwise the reason in Chinese, the right status and nothing saved.
/// </summary>
public abstract class ProjectPanelBase : ComponentBase
{
    [Parameter, EditorRequired] public Guid ProjectId { get; set; }
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected string? Error { get; private set; }
    protected FormValues Form => new(HttpContext.Request.Form);

    /// <summary>Runs one form's change; the action answers false when the project is not found (or not in scope).</summary>
    protected async Task RunAsync(bool allowed, Func<Task<bool>> action, string fragment = "")
    {
        if (!allowed)
        {
            Error = PageAction.Forbidden(HttpContext, "您没有执行该操作的权限。");
            return;
        }
        Error = (await PageAction.RunAsync(HttpContext, async () =>
        {
            if (!await action())
                throw new NotFoundException("项目不存在或您无权查看。");
            Navigation.NavigateTo($"projects/{ProjectId}?saved=true{fragment}", forceLoad: true);
        }))?.Message;
        if (Error is not null)
            await ReloadAsync();
    }

    /// <summary>Reloads the panel's data after a refused action (the page loaded it the first time).</summary>
    protected virtual Task ReloadAsync() => Task.CompletedTask;
}
