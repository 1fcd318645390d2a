using System.Globalization;
using InvestmentCrm.Common;

namespace InvestmentCrm.Web.Shared;

/// <summary>Reads typed values from a posted form, refusing bad input with the field's Chinese name.</summary>
public sealed class FormValues(IFormCollection form)
{
    public string? Text(string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;

    public string Required(string name, string label) => Text(name) ?? throw new DomainException($"请填写{label}。");

    public DateOnly Date(string name, string label) =>
        DateInputs.TryParse(Text(name), out var date) ? date : throw new DomainException($"请填写有效的{label}（年-月-日）。");

    public DateOnly? OptionalDate(string name, string label) => Text(name) is null ? null : Date(name, label);

    public decimal Number(string name, string label) =>
        decimal.TryParse(Text(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value : throw new DomainException($"{label}必须是数字。");

    public decimal? OptionalNumber(string name, string label) => Text(name) is null ? null : Number(name, label);

    public int Int(string name, string label) =>
        int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new DomainException($"{label}必须是整数。");

    public T Enum<T>(string name, string label) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(Text(name), out var value) && System.Enum.IsDefined(value) ? value : throw new DomainException($"请选择{label}。");

    public Guid? OptionalId(string name) => Guid.TryParse(Text(name), out var id) ? id : null;

    /// <summary>Every id chosen in a repeated field (checkboxes, a multiple select); what is not an id is left out.</summary>
    public IReadOnlyList<Guid> Ids(string name) => [.. form[name].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()];
}

/// <summary>Dates as an &lt;input type="date"&gt; holds them.</summary>
public static class DateInputs
{
    /// <summary>Today on the business clock (Beijing), as a date input's value.</summary>
    public static string TodayInput(this TimeProvider clock) => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as forms and query strings carry it (年-月-日); the one parser of the web layer.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date from a query string inside the product's window (docs/figures.md), or null.</summary>
    public static DateOnly? ParseBusinessDate(string? text) =>
        TryParse(text, out var date) && date.Year is >= BusinessDates.FirstYear and <= BusinessDates.LastYear ? date : null;
}
