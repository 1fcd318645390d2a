using System.Globalization;
using InvestmentCrm.Common;

namespace InvestmentCrm.Web.Shared;

/// <summary>Reads typed values from a posted form, refusing bad input with the field's Chinese name.</summary>
public sealed class FormValues(IFormCollection form)
{
    public string? Text(string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;

    public string Required(string name, string label) => Text(name) ?? throw new DomainException($"请填写{label}。");

    public DateOnly Date(string name, string label) =>
        DateOnly.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new DomainException($"请填写有效的{label}（年-月-日）。");

    public DateOnly? OptionalDate(string name, string label) => Text(name) is null ? null : Date(name, label);

    public decimal Number(string name, string label) =>
        decimal.TryParse(Text(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value : throw new DomainException($"{label}必须是数字。");

    public decimal? OptionalNumber(string name, string label) => Text(name) is null ? null : Number(name, label);

    public T Enum<T>(string name, string label) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(Text(name), out var value) && System.Enum.IsDefined(value) ? value : throw new DomainException($"请选择{label}。");

    public Guid? OptionalId(string name) => Guid.TryParse(Text(name), out var id) ? id : null;
}
