namespace InvestmentCrm.Common;

/// <summary>Base of every persisted record: a time-ordered GUID key (v7 keeps B-tree inserts local).</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

/// <summary>
/// An aggregate root: edited as a whole and guarded by an optimistic concurrency stamp that changes on
/// every save, so a stale edit is refused instead of silently overwriting (docs/architecture.md).
/// </summary>
public abstract class AggregateRoot : Entity, IAuditedEntity
{
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>Who created and last changed a record; filled in by the persistence layer from the clock and the signed-in user.</summary>
public interface IAuditedEntity
{
    DateTime CreatedAt { get; set; }
    Guid? CreatedBy { get; set; }
    DateTime? UpdatedAt { get; set; }
    Guid? UpdatedBy { get; set; }
}

/// <summary>Business records are never hard-deleted; they are hidden with who and when (docs/architecture.md).</summary>
public interface ISoftDelete
{
    bool IsDeleted { get; set; }
    DateTime? DeletedAt { get; set; }
    Guid? DeletedBy { get; set; }
}

/// <summary>A record that belongs to the department of whoever created it (RuoYi's dept_id), for data scope.</summary>
public interface IDepartmentOwned
{
    Guid? OwnerDepartmentId { get; set; }
}
