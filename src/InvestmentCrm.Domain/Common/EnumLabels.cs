using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace InvestmentCrm;

/// <summary>
/// The Chinese label of an enum value: the <see cref="DisplayAttribute"/> name on its member, the one way the product
/// names enum values (DTOs carry the enum, views show this). EnumLabelTests checks that every public enum has a label
/// for every value.
/// </summary>
public static class EnumLabels
{
    private static readonly ConcurrentDictionary<Enum, string> Labels = new();

    public static string ToDisplay<TEnum>(this TEnum value) where TEnum : struct, Enum => Label(value);

    /// <summary>The same, for a value whose enum type is known only at run time (e.g. a cell of an export).</summary>
    public static string Label(Enum value) =>
        Labels.GetOrAdd(value, static v => v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());
}
