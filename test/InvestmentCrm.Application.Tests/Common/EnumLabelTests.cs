using System.Reflection;
using System.Text.RegularExpressions;

namespace InvestmentCrm.Application.Tests.Common;

/// <summary>
/// Every enum the product defines has a Chinese label for every value (a <c>ToDisplay</c> extension beside it), so views
/// show labels and never an English member name or a number.
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
            .SingleOrDefault(m => m.Name == "ToDisplay" && m.ReturnType == typeof(string) && m.GetParameters() is [{ } p] && p.ParameterType == type);
        label.ShouldNotBeNull($"{type.Name} 没有 ToDisplay 中文名称");

        foreach (var value in Enum.GetValues(type))
        {
            var text = (string)label.Invoke(null, [value])!;
            Han().IsMatch(text).ShouldBeTrue($"{type.Name}.{value} 的名称“{text}”不是中文");
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
