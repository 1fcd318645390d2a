using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using InvestmentCrm.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace InvestmentCrm.Web.Tests.Performance;

/// <summary>Issue 21 (part): an idle node gives back the heap a busy spell grew — once per quiet spell, never while serving.</summary>
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
        var job = new IdleMemoryTrimJob(activity, NullLogger<IdleMemoryTrimJob>.Instance);
        var collections = GC.CollectionCount(GC.MaxGeneration);
        await job.Execute(null!, CancellationToken.None);
        GC.CollectionCount(GC.MaxGeneration).ShouldBeGreaterThan(collections);
        activity.TakeIdleSpell().ShouldBeFalse("the job took the spell");

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        (await scheduler.GetTriggersOfJob(IdleMemoryTrimJob.Key, CancellationToken.None)).ShouldHaveSingleItem();
    }
}
