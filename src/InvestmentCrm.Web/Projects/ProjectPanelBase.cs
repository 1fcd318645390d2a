using InvestmentCrm.Common;
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

    protected async Task RunAsync(bool allowed, Func<Task<bool>> action, string fragment = "")
    {
        if (!allowed)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            Error = "您没有执行该操作的权限。";
            return;
        }
        try
        {
            if (await action())
            {
                Navigation.NavigateTo($"projects/{ProjectId}?saved=true{fragment}", forceLoad: true);
                return;
            }
            Error = "项目不存在或您无权查看。";
        }
        catch (DomainException ex)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = ex.Message;
        }
        await ReloadAsync();
    }

    /// <summary>Reloads the panel's data after a refused action (the page loaded it the first time).</summary>
    protected virtual Task ReloadAsync() => Task.CompletedTask;
}
