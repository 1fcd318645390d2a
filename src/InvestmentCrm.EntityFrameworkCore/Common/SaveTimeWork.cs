using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>
/// Work a module does around every save of <see cref="CrmDbContext"/> (docs/architecture.md, "Persistence"): before the
/// rows are written (<see cref="BeforeSaveAsync"/>) and after (<see cref="AfterSaveAsync"/>), inside the save's one
/// transaction. What a module learns before the save and needs after it is kept per context and per save.
/// Only the asynchronous path exists: the context's synchronous save runs the asynchronous one.
/// </summary>
internal abstract class SaveTimeWork<TState> : SaveChangesInterceptor where TState : class
{
    private readonly ConditionalWeakTable<DbContext, TState> _pending = [];

    /// <summary>Before the rows are written; what it returns (or null: nothing to do after) is handed to <see cref="AfterSaveAsync"/>.</summary>
    protected abstract Task<TState?> BeforeSaveAsync(CrmDbContext db, CancellationToken ct);

    protected virtual Task AfterSaveAsync(CrmDbContext db, TState state, CancellationToken ct) => Task.CompletedTask;

    public sealed override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CrmDbContext db)
        {
            _pending.Remove(db);
            if (await BeforeSaveAsync(db, cancellationToken) is { } state)
                _pending.Add(db, state);
        }
        return result;
    }

    public sealed override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CrmDbContext db && _pending.TryGetValue(db, out var state))
        {
            _pending.Remove(db);
            await AfterSaveAsync(db, state, cancellationToken);
        }
        return result;
    }

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null)
            _pending.Remove(eventData.Context);
        return Task.CompletedTask;
    }
}
