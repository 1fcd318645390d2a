using System.Reflection;
using System.Text.RegularExpressions;

namespace InvestmentCrm.Application.Tests.Common;

/// <summary>
/// Every enum the product defines has a Chinese label for every value — its <c>[Display(Name)]</c>, read by
/// <c>EnumLabels.ToDisplay</c>, or a <c>ToDisplay</c> of its own where the label is worked out — so views show labels and
/// never an English member name or a number.
/// </summary>
public partial class EnumLabelTests
{
    private static readonly Assembly[] ProductAssemblies =
        [typeof(InvestmentCrm.Common.Money).Assembly, typeof(InvestmentCrm.Common.ICrmDbContext).Assembly];

    public static TheoryData<string> Enums()
    {
        var data = new TheoryData<string>();
        foreach (var type in ProductAssemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsVisible && t.Namespace?.StartsWith("InvestmentCrm", StringComparison.Ordinal) == true))
            data.Add(type.AssemblyQualifiedName!);
        return data;
    }

    [Fact]
    public void The_product_has_enums_to_check() => Enums().Count.ShouldBeGreaterThan(30);

    [Theory, MemberData(nameof(Enums))]
    public void Every_value_has_a_Chinese_label(string enumType)
    {
        var type = Type.GetType(enumType)!;
        var label = ProductAssemblies.SelectMany(a => a.GetTypes())
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                .SingleOrDefault(m => m.Name == "ToDisplay" && m.ReturnType == typeof(string) && m.GetParameters() is [{ } p] && p.ParameterType == type)
            ?? typeof(EnumLabels).GetMethod(nameof(EnumLabels.ToDisplay))!.MakeGenericMethod(type);

        foreach (var value in Enum.GetValues(type))
        {
            var text = (string)label.Invoke(null, [value])!;
            Han().IsMatch(text).ShouldBeTrue($"{type.Name}.{value} 的名称“{text}”不是中文");
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
