using InvestmentCrm.Web.Hosting;

namespace InvestmentCrm.Web.Tests.Hosting;

/// <summary>Bad configuration stops start-up with one clear Chinese line on stderr and exit code 1 — no stack trace.</summary>
[Collection(ConsoleCollection.Name)]
public class StartupConfigurationTests
{
    private static async Task<(int ExitCode, string Error)> RunHostAsync(params string[] args)
    {
        var original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            var exit = await CrmHost.RunAsync([.. args, "Logging:LogLevel:Default=None"]);
            return (exit, error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public async Task An_unknown_provider_is_named_with_the_choices()
    {
        var (exit, error) = await RunHostAsync("Database:Provider=Oracle");
        exit.ShouldBe(1);
        error.Trim().ShouldBe("配置错误：不支持的数据库类型 Database:Provider = “Oracle”。可选值：Sqlite、PostgreSql。");
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_says_what_to_set()
    {
        var (exit, error) = await RunHostAsync("Database:Provider=PostgreSql");
        exit.ShouldBe(1);
        error.ShouldContain("必须设置 Database:ConnectionString");
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_not_a_stack_trace()
    {
        var (exit, error) = await RunHostAsync("Database:Provider=PostgreSql", "Database:ConnectionString=Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2");
        exit.ShouldBe(1);
        error.ShouldStartWith("无法连接数据库：");
        error.ShouldNotContain("   at ");
        error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_verb_lists_the_verbs()
    {
        var (exit, error) = await RunHostAsync("frobnicate");
        exit.ShouldBe(1);
        error.ShouldContain("可用命令：migrate、migrate --script、seed、create-admin");
    }

    [Theory]
    [InlineData(new string[0], null, "")]
    [InlineData(new[] { "migrate" }, "migrate", "")]
    [InlineData(new[] { "migrate", "--script", "Database:Provider=PostgreSql" }, "migrate", "--script")]
    [InlineData(new[] { "create-admin", "admin", "--name", "王磊", "Database:Provider=Sqlite" }, "create-admin", "admin --name 王磊")]
    [InlineData(new[] { "--urls", "http://localhost:5090" }, null, "")]
    [InlineData(new[] { "Database:Provider=PostgreSql" }, null, "")]
    public void Verbs_are_told_apart_from_configuration(string[] args, string? verb, string option)
    {
        var parsed = CrmHost.ParseVerb(args);
        parsed.Verb.ShouldBe(verb);
        string.Join(" ", parsed.Options).ShouldBe(option);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
