using System.Reflection;
using NetArchTest.Rules;

namespace InvestmentCrm.Web.Tests;

/// <summary>
/// The layering and the module boundaries of docs/architecture.md, as NetArchTest rules:
/// Web → Application → Domain; EntityFrameworkCore → Application/Domain; Domain references no package; a module's
/// persistence configurations stay inside it; the Web module folders depend on each other without cycles. Each rule is
/// also run against a deliberate violation in <see cref="ArchitectureProbes"/>, so none of them can pass vacuously.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(InvestmentCrm.Common.Money).Assembly;
    private static readonly Assembly Application = typeof(InvestmentCrm.Common.ICrmDbContext).Assembly;
    private static readonly Assembly EntityFrameworkCore = typeof(InvestmentCrm.EntityFrameworkCore.Common.CrmDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;
    private static readonly Assembly Probes = typeof(ArchitectureProbes.Domain.LeakyEntity).Assembly;

    /// <summary>The modules of the Web layer: one folder (namespace) each.</summary>
    private static readonly string[] WebModules = ["Account", "Admin", "Appraisal", "Companies", "Figures", "Projects", "Shared", "Targets", "Workbench"];

    // --- the rules, each over a set of types --------------------------------------------------------------------------

    private static TestResult DomainStaysPure(Assembly assembly, string inNamespace) =>
        Types.InAssembly(assembly).That().ResideInNamespace(inNamespace).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite",
                "InvestmentCrm.EntityFrameworkCore", "InvestmentCrm.Web", "InvestmentCrm.Authorization")
            .GetResult();

    /// <summary>Application may use EF Core's abstractions and Identity's types (docs/architecture.md, deviations), nothing of the host or providers.</summary>
    private static TestResult ApplicationStaysOffTheHost(Assembly assembly, string inNamespace) =>
        Types.InAssembly(assembly).That().ResideInNamespace(inNamespace).ShouldNot()
            .HaveDependencyOnAny("InvestmentCrm.EntityFrameworkCore", "InvestmentCrm.Web", "Npgsql", "Microsoft.Data.Sqlite",
                "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc",
                "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Routing")
            .GetResult();

    private static TestResult PersistenceStaysOffTheHost(Assembly assembly, string inNamespace) =>
        Types.InAssembly(assembly).That().ResideInNamespace(inNamespace).ShouldNot().HaveDependencyOn("InvestmentCrm.Web").GetResult();

    /// <summary>Entity configurations are internal to the persistence layer: only EF (through the DbContext) applies them.</summary>
    private static TestResult ConfigurationsStayInternal(Assembly assembly) =>
        Types.InAssembly(assembly).That().ImplementInterface(typeof(Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<>)).ShouldNot().BePublic().GetResult();

    /// <summary>Which module folder depends on which; a cycle is a pair (or ring) that cannot be split into layers.</summary>
    private static List<string> Cycles(Assembly assembly, string root, IReadOnlyList<string> modules)
    {
        var edges = modules.ToDictionary(m => m, m => modules.Where(other => other != m && !Types.InAssembly(assembly)
            .That().ResideInNamespace($"{root}.{m}").ShouldNot().HaveDependencyOn($"{root}.{other}").GetResult().IsSuccessful).ToList());
        var cycles = new List<string>();
        foreach (var start in modules)
        {
            var path = new Stack<string>();
            Visit(start);

            void Visit(string module)
            {
                path.Push(module);
                foreach (var next in edges[module])
                {
                    if (next == start)
                        cycles.Add(string.Join(" → ", path.Reverse().Append(start)));
                    else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0)
                        Visit(next);
                }
                path.Pop();
            }
        }
        return cycles;
    }

    // --- the product keeps them ---------------------------------------------------------------------------------------

    [Fact]
    public void Domain_references_no_package_and_no_other_layer()
    {
        Domain.GetReferencedAssemblies().Select(a => a.Name!)
            .ShouldAllBe(name => name.StartsWith("System.", StringComparison.Ordinal) || name == "System.Runtime" || name == "netstandard");
        DomainStaysPure(Domain, "InvestmentCrm").FailingTypeNames.ShouldBeNull();
    }

    [Fact]
    public void Application_depends_on_the_domain_but_not_on_persistence_providers_or_the_host() =>
        ApplicationStaysOffTheHost(Application, "InvestmentCrm").FailingTypeNames.ShouldBeNull();

    [Fact]
    public void Persistence_does_not_depend_on_the_host() =>
        PersistenceStaysOffTheHost(EntityFrameworkCore, "InvestmentCrm").FailingTypeNames.ShouldBeNull();

    [Fact]
    public void Entity_configurations_are_not_used_outside_persistence() =>
        ConfigurationsStayInternal(EntityFrameworkCore).FailingTypeNames.ShouldBeNull();

    [Fact]
    public void Web_module_folders_have_no_cycles()
    {
        // Hosting is the composition root: it lists every module, and no module may use it.
        Cycles(Web, "InvestmentCrm.Web", [.. WebModules, "Hosting"]).ShouldBeEmpty();
        foreach (var module in WebModules)
            Types.InAssembly(Web).That().ResideInNamespace($"InvestmentCrm.Web.{module}").ShouldNot().HaveDependencyOn("InvestmentCrm.Web.Hosting")
                .GetResult().FailingTypeNames.ShouldBeNull($"{module} 不应依赖 Hosting");
    }

    [Theory]
    [InlineData("Organization")]
    [InlineData("Companies")]
    [InlineData("Projects")]
    [InlineData("Targets")]
    [InlineData("Appraisal")]
    public void Each_module_has_its_folder_in_every_layer(string module)
    {
        Domain.GetTypes().ShouldContain(t => t.Namespace == $"InvestmentCrm.{module}");
        Application.GetTypes().ShouldContain(t => t.Namespace == $"InvestmentCrm.{module}");
        EntityFrameworkCore.GetTypes().ShouldContain(t => t.Namespace == $"InvestmentCrm.EntityFrameworkCore.{module}");
    }

    // --- and each rule catches a violation ----------------------------------------------------------------------------

    [Fact]
    public void The_domain_rule_catches_a_domain_type_that_uses_entity_framework() =>
        DomainStaysPure(Probes, "InvestmentCrm.Web.Tests.ArchitectureProbes.Domain").FailingTypeNames
            .ShouldBe([typeof(ArchitectureProbes.Domain.LeakyEntity).FullName]);

    [Fact]
    public void The_application_rule_catches_a_use_case_that_uses_the_http_context() =>
        ApplicationStaysOffTheHost(Probes, "InvestmentCrm.Web.Tests.ArchitectureProbes.Application").FailingTypeNames
            .ShouldBe([typeof(ArchitectureProbes.Application.HttpBoundService).FullName]);

    [Fact]
    public void The_persistence_rule_catches_a_type_that_uses_the_host() =>
        PersistenceStaysOffTheHost(Probes, "InvestmentCrm.Web.Tests.ArchitectureProbes.Persistence").FailingTypeNames
            .ShouldBe([typeof(ArchitectureProbes.Persistence.HostAwareRepository).FullName]);

    [Fact]
    public void The_configuration_rule_catches_a_public_configuration() =>
        ConfigurationsStayInternal(Probes).FailingTypeNames
            .ShouldBe([typeof(ArchitectureProbes.Configurations.PublicConfiguration).FullName]);

    [Fact]
    public void The_cycle_rule_catches_two_folders_that_use_each_other() =>
        Cycles(Probes, "InvestmentCrm.Web.Tests.ArchitectureProbes.Modules", ["Alpha", "Beta", "Gamma"])
            .ShouldBe(["Alpha → Beta → Alpha"]);
}
