using InvestmentCrm.EntityFrameworkCore.Common;
using Quartz;

namespace InvestmentCrm.Web.Hosting;

/// <summary>
/// When this node last served a request. The collector keeps the heap a busy hour grew and only gives it back when it
/// collects again, which an idle process does not do; <see cref="IdleMemoryTrimJob"/> asks for that collection once the
/// node has been quiet for <see cref="IdleAfter"/> (docs/architecture.md, "Resources of a node").
/// </summary>
public sealed class NodeActivity(TimeProvider clock)
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(30);

    private long _lastRequestTicks = long.MinValue;
    private int _workSinceTrim;

    public void RequestSeen()
    {
        Interlocked.Exchange(ref _lastRequestTicks, clock.GetUtcNow().UtcTicks);
        Volatile.Write(ref _workSinceTrim, 1);
    }

    /// <summary>True once per quiet spell: requests were served since the last trim and none for <see cref="IdleAfter"/>.</summary>
    public bool TakeIdleSpell()
    {
        if (Volatile.Read(ref _workSinceTrim) == 0)
            return false;
        var last = Interlocked.Read(ref _lastRequestTicks);
        if (clock.GetUtcNow().UtcTicks - last < IdleAfter.Ticks)
            return false;
        return Interlocked.Exchange(ref _workSinceTrim, 0) == 1;
    }
}

/// <summary>
/// Every 15 s on each node (Quartz's in-memory store, so every node runs its own): after a quiet spell, the idle pooled
/// database connections closed, then one full blocking collection in the aggressive mode, which compacts and returns the
/// free regions to the system. It never runs while requests arrive, so no request waits for it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IdleMemoryTrimJob(NodeActivity activity, IdleConnections connections, ILogger<IdleMemoryTrimJob> log) : IJob
{
    public static readonly JobKey Key = new("idle-memory-trim", "hosting");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (activity.TakeIdleSpell())
        {
            var before = Environment.WorkingSet;
            connections.Release();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            NativeHeap.Trim();
            log.LogDebug("Idle: working set {Before} → {After} bytes", before, Environment.WorkingSet);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The native heap's share of an idle trim: glibc keeps the pages freed inside its arenas (the database drivers' and the
/// runtime's own allocations) until asked; <c>malloc_trim</c> gives them back (docs/architecture.md, "Memory").
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (_unavailable)
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true; // a C library without it (musl)
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

public static class IdleMemory
{
    public static void AddIdleMemoryTrim(this IQuartzBuilder quartz)
    {
        quartz.AddJob<IdleMemoryTrimJob>(job => job.WithIdentity(IdleMemoryTrimJob.Key));
        quartz.AddTrigger(trigger => trigger.ForJob(IdleMemoryTrimJob.Key).WithIdentity("idle-memory-trim", "hosting")
            .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(15)).RepeatForever()));
    }

    /// <summary>Marks the node busy for every request but the health probe, which a proxy sends to idle nodes too.</summary>
    public static IApplicationBuilder UseNodeActivity(this IApplicationBuilder app)
    {
        var activity = app.ApplicationServices.GetRequiredService<NodeActivity>();
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                activity.RequestSeen();
            await next();
        });
    }
}
