using InvestmentCrm.Common;
using Microsoft.AspNetCore.Components;

namespace InvestmentCrm.Web.Shared;

/// <summary>
/// The one way a page or panel runs a posted form (docs/architecture.md, "Web"): the change runs and, on success,
/// the browser goes to a fresh GET; a refusal gets the status the API would give (Shared/BusinessErrors.cs), its message
/// beside the form that was sent, and that form filled in again with what the user typed.
/// </summary>
public abstract class FormComponentBase : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected FormValues Form => new(HttpContext.Request.Form);

    /// <summary>The form that was sent and refused, with what was typed into it.</summary>
    protected RefusedForm? Refused { get; private set; }

    /// <summary>The refusal's message, for the form named <paramref name="form"/> only.</summary>
    protected string? MessageFor(string form) => Refused?.Name == form ? Refused.Message : null;

    /// <summary>What the user typed into <paramref name="field"/> of the refused <paramref name="form"/>, else the default.</summary>
    protected string? Kept(string form, string field, string? fallback = null) => Refused?.Name == form ? Refused.Value(field) ?? fallback : fallback;

    /// <summary>The <paramref name="index"/>-th value typed into a repeated <paramref name="field"/> of the refused form, else the default.</summary>
    protected string? KeptAt(string form, string field, int index, string? fallback = null) =>
        Refused?.Name == form ? Refused.Values(field).ElementAtOrDefault(index) : fallback;

    /// <summary>Whether <paramref name="value"/> was chosen in the refused form, else whether it is the default.</summary>
    protected bool KeptChoice(string form, string field, string value, bool byDefault = false) =>
        Refused?.Name == form ? Refused.Values(field).Contains(value) : byDefault;

    /// <summary>What was posted in any refused form (for pages with one form at a time).</summary>
    protected string? Posted(string field) => Refused?.Value(field);

    /// <summary>
    /// Runs the posted change <paramref name="action"/> (false: its record was not found, <paramref name="notFound"/>);
    /// on success goes to <paramref name="successUrl"/>, else returns the refusal, already recorded for the form.
    /// </summary>
    protected async Task<PageAction.Refusal?> SubmitAsync(Func<Task<bool>> action, Func<string> successUrl, string notFound)
    {
        var refusal = await PageAction.RunAsync(HttpContext, async () =>
        {
            if (!await action())
                throw new NotFoundException(notFound);
            Navigation.NavigateTo(successUrl(), forceLoad: true);
        });
        Record(refusal);
        return refusal;
    }

    /// <summary>
    /// Runs a posted change whose answer is shown once, on this response, instead of after a redirect (a new API token:
    /// it must not travel in an address). Null when refused; the refusal is recorded for the form as above.
    /// </summary>
    protected async Task<T?> SubmitShowingOnceAsync<T>(Func<Task<T>> action) where T : class
    {
        T? answer = null;
        Record(await PageAction.RunAsync(HttpContext, async () => answer = await action()));
        return answer;
    }

    private void Record(PageAction.Refusal? refusal)
    {
        if (refusal is not null && HttpContext.Request.HasFormContentType)
            Refused = new RefusedForm(HttpContext.Request.Form, refusal.Message);
    }
}
