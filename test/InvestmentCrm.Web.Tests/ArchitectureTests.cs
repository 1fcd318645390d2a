using System.Reflection;

namespace InvestmentCrm.Web.Tests;

/// <summary>
/// The layering of DESIGN §4.1, checked by reflection (no architecture-test package restores here):
/// Web → Application → Domain; EntityFrameworkCore → Application/Domain; Domain references no package.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(InvestmentCrm.Common.Money).Assembly;
    private static readonly Assembly Application = typeof(InvestmentCrm.Common.ICrmDbContext).Assembly;
    private static readonly Assembly EntityFrameworkCore = typeof(InvestmentCrm.EntityFrameworkCore.Common.CrmDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static IEnumerable<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Domain_references_only_the_runtime()
    {
        References(Domain).ShouldAllBe(name => name == "System.Runtime" || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard");
    }

    [Fact]
    public void Application_depends_on_Domain_but_not_on_persistence_or_the_host()
    {
        References(Application).ShouldContain(Domain.GetName().Name!);
        References(Application).ShouldNotContain(EntityFrameworkCore.GetName().Name!);
        References(Application).ShouldNotContain(Web.GetName().Name!);
        References(Application).ShouldNotContain(name => name.StartsWith("Npgsql", StringComparison.Ordinal) || name.Contains("Sqlite", StringComparison.Ordinal));
    }

    [Fact]
    public void EntityFrameworkCore_does_not_depend_on_the_host()
    {
        References(EntityFrameworkCore).ShouldNotContain(Web.GetName().Name!);
    }

    [Fact]
    public void Domain_types_do_not_mention_entity_framework_or_aspnet()
    {
        var leaking = Domain.GetTypes()
            .SelectMany(t => t.GetProperties().Select(p => p.PropertyType).Concat(t.GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Select(f => f.FieldType)))
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .ToList();
        leaking.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Organization")]
    [InlineData("Companies")]
    [InlineData("Projects")]
    [InlineData("Targets")]
    public void Each_module_has_its_folder_in_the_domain_and_in_persistence(string module)
    {
        Domain.GetTypes().ShouldContain(t => t.Namespace == $"InvestmentCrm.{module}");
        EntityFrameworkCore.GetTypes().ShouldContain(t => t.Namespace == $"InvestmentCrm.EntityFrameworkCore.{module}");
    }

    [Fact]
    public void Business_modules_do_not_reach_into_each_others_persistence_configurations()
    {
        // Entity configurations are internal to the persistence layer: nothing outside it can use them.
        EntityFrameworkCore.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition().Name.StartsWith("IEntityTypeConfiguration", StringComparison.Ordinal)))
            .ShouldAllBe(t => !t.IsPublic);
    }
}
