using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace InvestmentCrm.Web.Tests.Performance;

/// <summary>Issue 21 (part): an idle node gives back the heap and the connections a busy spell grew — once per quiet spell, never while serving.</summary>
public class IdleMemoryTests
{
    [Fact]
    public void A_quiet_spell_is_taken_once_after_thirty_seconds_without_requests_and_only_after_work()
    {
        var clock = new TestClock();
        var activity = new NodeActivity(clock);
        activity.TakeIdleSpell().ShouldBeFalse("no request served yet: nothing to give back");

        activity.RequestSeen();
        clock.Now += NodeActivity.IdleAfter - TimeSpan.FromSeconds(1);
        activity.TakeIdleSpell().ShouldBeFalse("still within the spell of work");
        clock.Now += TimeSpan.FromSeconds(1);
        activity.TakeIdleSpell().ShouldBeTrue();
        clock.Now += TimeSpan.FromMinutes(5);
        activity.TakeIdleSpell().ShouldBeFalse("one trim per quiet spell");

        activity.RequestSeen();
        clock.Now += TimeSpan.FromSeconds(10);
        activity.TakeIdleSpell().ShouldBeFalse();
        clock.Now += NodeActivity.IdleAfter;
        activity.TakeIdleSpell().ShouldBeTrue();
    }

    [Fact]
    public async Task Pages_mark_the_node_busy_the_health_probe_does_not_and_the_scheduled_job_collects_once_quiet()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var activity = factory.Services.GetRequiredService<NodeActivity>();
        var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/health")).EnsureSuccessStatusCode();
        factory.Clock.Now += TimeSpan.FromMinutes(1);
        activity.TakeIdleSpell().ShouldBeFalse("/health alone is not work");

        var client = await factory.SignInAsync("officer");
        (await client.GetAsync("/projects")).EnsureSuccessStatusCode();
        factory.Clock.Now += NodeActivity.IdleAfter;
        var job = new IdleMemoryTrimJob(activity, factory.Services.GetRequiredService<IdleConnections>(), NullLogger<IdleMemoryTrimJob>.Instance);
        var collections = GC.CollectionCount(GC.MaxGeneration);
        await job.Execute(null!, CancellationToken.None);
        GC.CollectionCount(GC.MaxGeneration).ShouldBeGreaterThan(collections);
        activity.TakeIdleSpell().ShouldBeFalse("the job took the spell");

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        (await scheduler.GetTriggersOfJob(IdleMemoryTrimJob.Key, CancellationToken.None)).ShouldHaveSingleItem();
    }

    [Theory, OnPostgres]
    public async Task Releasing_closes_the_nodes_idle_pooled_connections_and_the_next_query_opens_one(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.Migrated);
        // The node's pool, told apart on the server by its application name.
        var application = $"crm-idle-{Guid.NewGuid():N}"[..30];
        var node = new Npgsql.NpgsqlConnectionStringBuilder(database.NodeConnectionString) { ApplicationName = application }.ConnectionString;
        var connections = new IdleConnections(provider, node);

        async Task<long> ServerProcessesAsync()
        {
            await using var observer = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
            await observer.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", observer) { Parameters = { new() { Value = application } } };
            return (long)(await count.ExecuteScalarAsync())!;
        }

        // A busy spell: three requests at once, each with its own connection, back in the pool afterwards.
        var busy = new List<Npgsql.NpgsqlConnection>();
        for (var i = 0; i < 3; i++)
        {
            var connection = new Npgsql.NpgsqlConnection(node);
            await connection.OpenAsync();
            busy.Add(connection);
        }
        foreach (var connection in busy)
            await connection.DisposeAsync();
        (await ServerProcessesAsync()).ShouldBe(3, "the pool keeps them open");

        connections.Release();
        // A closed connection's server process ends just after the client has gone: wait for it, bounded.
        for (var i = 0; i < 50 && await ServerProcessesAsync() > 0; i++)
            await Task.Delay(100);
        (await ServerProcessesAsync()).ShouldBe(0);

        await using (var db = PersistenceServiceCollectionExtensions.CreateContext(provider, node))
            (await db.Departments.CountAsync()).ShouldBe(0, "a migrated database without demo data");
        (await ServerProcessesAsync()).ShouldBe(1, "the next query opened one, and the pool keeps it");
    }
}
