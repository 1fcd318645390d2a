namespace InvestmentCrm.Web.Shared;

/// <summary>
/// A posted form the server refused: which one (its <c>@formname</c>, posted as <c>_handler</c>), why, and what the user
/// typed — so the page shows the message beside that form and fills it in again (bad input loses nothing).
/// </summary>
public sealed class RefusedForm(IFormCollection posted, string message)
{
    public string Name { get; } = posted["_handler"].FirstOrDefault() ?? "";
    public string Message { get; } = message;

    public string? Value(string field) => posted[field].FirstOrDefault();

    public IReadOnlyCollection<string> Values(string field) => posted[field].OfType<string>().ToList();
}
