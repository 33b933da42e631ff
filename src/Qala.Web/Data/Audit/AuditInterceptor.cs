using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Qala.Engine.Audit;
using Qala.Engine.Privacy;

namespace Qala.Web.Data.Audit;

/// <summary>
/// Records every create, update and delete saved through the context, in the same transaction as the change: before
/// the save it notes old and new values, opens a transaction if the caller has none and locks the chain head; after
/// the save it appends the entries with their hashes and commits. No feature has to remember to call anything. Rows
/// written in bulk without change tracking get theirs through <see cref="AppendCreatedAsync"/>.
/// </summary>
public sealed class AuditInterceptor(AuditActorAccessor actors, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>Values never copied into the log: secrets of Identity, mailbox passwords and concurrency tokens.</summary>
    private static readonly HashSet<string> Masked = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Secret" };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "Version" };

    /// <summary>
    /// Contact data is kept masked: the log must outlive an erasure request without keeping what was erased.
    /// </summary>
    private static readonly Dictionary<string, Func<string?, string>> Personal = new(StringComparer.Ordinal)
    {
        ["Email"] = PersonalDataMask.Email,
        ["NormalizedEmail"] = PersonalDataMask.Email,
        ["PhoneNumber"] = PersonalDataMask.Phone,
    };

    // Kazakh and Russian stay readable in the stored JSON; pages encode it again when they show it.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && !IsAppending(context) && Capture(context).Count > 0)
        {
            throw new InvalidOperationException("Audited data is saved with SaveChangesAsync, so that its audit entries join the same transaction.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || IsAppending(context))
        {
            return result;
        }

        var changes = Capture(context);
        if (changes.Count == 0)
        {
            return result;
        }

        var transaction = context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var work = new Pending(changes, transaction);
        pending.AddOrUpdate(context, work);
        try
        {
            // The head is locked before any data row, so every writer takes its locks in the same order (no deadlock),
            // and appends queue across connections and nodes: a row lock on PostgreSQL, the writer lock on SQLite.
            work.Head = await LockHeadAsync(context, cancellationToken);
        }
        catch
        {
            await ReleaseAsync(context);
            throw;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !pending.TryGetValue(context, out var work) || work.Appending)
        {
            return result;
        }

        try
        {
            work.Appending = true;
            await AppendAsync(context, work, cancellationToken);
            if (work.Transaction is not null)
            {
                await work.Transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            pending.Remove(context);
            if (work.Transaction is not null)
            {
                await work.Transaction.DisposeAsync();
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await ReleaseAsync(context);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await ReleaseAsync(context);
        }
    }

    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        // EF reports a concurrency conflict here instead of as a failed save: roll back what this save opened.
        if (eventData.Context is { } context)
        {
            await ReleaseAsync(context);
        }

        return result;
    }

    /// <summary>Ends a save that will not reach <see cref="SavedChangesAsync"/>: the transaction it opened rolls back.</summary>
    private async Task ReleaseAsync(DbContext context)
    {
        if (pending.TryGetValue(context, out var work) && !work.Appending)
        {
            pending.Remove(context);
            if (work.Transaction is not null)
            {
                await work.Transaction.DisposeAsync();
            }
        }
    }

    private bool IsAppending(DbContext context) => pending.TryGetValue(context, out var work) && work.Appending;

    private static List<Change> Capture(DbContext context)
    {
        var changes = new List<Change>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(entry.Entity))
            {
                var action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                };
                // New rows are read after the save, when their generated keys and foreign keys are known.
                var values = action == AuditAction.Created ? null : Values(entry, action);
                if (values is null || values.Count > 0)
                {
                    changes.Add(new Change(entry, action, values));
                }
            }
        }

        return changes;
    }

    private static bool IsAudited(object entity) =>
        entity is not (AuditEntry or AuditChainHead or DataProtectionKey or IdentityUserToken<string> or IAuditExempt);

    private static Dictionary<string, object?[]> Values(EntityEntry entry, AuditAction action) =>
        Values(
            entry.Properties.Select(p => (Name: p.Metadata.Name, IsKey: p.Metadata.IsPrimaryKey(), p.IsModified, p.OriginalValue, p.CurrentValue))
                .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Select(p =>
                    (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", IsKey: false, p.IsModified, p.OriginalValue, p.CurrentValue)))),
            action);

    private static Dictionary<string, object?[]> Values(
        IEnumerable<(string Name, bool IsKey, bool IsModified, object? OriginalValue, object? CurrentValue)> properties, AuditAction action)
    {
        var values = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var (name, isKey, isModified, original, current) in properties)
        {
            var leaf = name[(name.LastIndexOf('.') + 1)..];
            if (Skipped.Contains(leaf) || isKey)
            {
                continue;
            }

            var (before, after) = action switch
            {
                AuditAction.Created => (null, current),
                AuditAction.Deleted => (original, null),
                _ when isModified && !Equals(original, current) => (original, current),
                _ => (Unchanged, Unchanged),
            };
            if (ReferenceEquals(before, Unchanged))
            {
                continue;
            }

            values[name] = Masked.Contains(leaf)
                ? [before is null ? null : "***", after is null ? null : "***"]
                : Personal.TryGetValue(leaf, out var mask)
                    ? [before is null ? null : mask(before as string), after is null ? null : mask(after as string)]
                    : [before, after];
        }

        return values;
    }

    private async Task AppendAsync(DbContext context, Pending work, CancellationToken cancellationToken)
    {
        var at = Now();
        var entries = work.Changes.Select(change => NewEntry(
            change.Entry.Entity,
            change.Entry.Metadata,
            Key(change.Entry),
            change.Action,
            change.Values ?? Values(change.Entry, AuditAction.Created),
            at)).ToList();
        var (sequence, hash) = Chain(entries, work.Head);

        // The head goes in the same batch as the entries: attached as the lock read it, then moved to the last link.
        foreach (var tracked in context.ChangeTracker.Entries<AuditChainHead>().ToList())
        {
            tracked.State = EntityState.Detached;
        }

        var head = new AuditChainHead { Id = AuditChainHead.SingletonId, LastSequence = work.Head.Sequence, LastHash = work.Head.Hash };
        context.Attach(head);
        head.LastSequence = sequence;
        head.LastHash = hash;
        context.AddRange(entries);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            context.Entry(head).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Appends the creation of rows that a bulk path wrote without change tracking — in the caller's open transaction on
    /// PostgreSQL, after the rows themselves, so the head's lock is held for the entries alone (ADR 0013). The entries
    /// are the ones a tracked save of the same rows would give: none for audit-exempt rows such as citizens' contacts.
    /// </summary>
    public async Task AppendCreatedAsync(DbContext context, IReadOnlyList<object> created, CancellationToken cancellationToken)
    {
        var at = Now();
        var entries = created.Where(IsAudited).Select(entity =>
        {
            var type = context.Model.FindEntityType(entity.GetType())
                ?? throw new InvalidOperationException($"{entity.GetType().Name} is not part of the model.");
            var key = string.Join('|', type.FindPrimaryKey()!.Properties
                .Select(p => Convert.ToString(p.GetGetter().GetClrValue(entity), CultureInfo.InvariantCulture)));
            var properties = type.GetProperties()
                .Select(p => (p.Name, IsKey: p.IsPrimaryKey(), IsModified: false, OriginalValue: (object?)null, CurrentValue: p.GetGetter().GetClrValue(entity)));
            return NewEntry(entity, type, key, AuditAction.Created, Values(properties, AuditAction.Created), at);
        }).ToList();
        var locked = await LockHeadAsync(context, cancellationToken);
        var (sequence, hash) = Chain(entries, locked);
        await PostgresCopy.CopyAsync(context, entries, cancellationToken);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = "UPDATE \"AuditChainHeads\" SET \"LastSequence\" = @sequence, \"LastHash\" = @hash WHERE \"Id\" = 1";
        command.Parameters.Add(new NpgsqlParameter<long>("sequence", sequence));
        command.Parameters.Add(new NpgsqlParameter<string>("hash", hash));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private AuditEntry NewEntry(object entity, IEntityType type, string key, AuditAction action, Dictionary<string, object?[]> values, DateTimeOffset at)
    {
        var actor = actors.Of(entity);
        return new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Address = actor.Address,
            EntityType = type.GetTableName() ?? type.ShortName(),
            EntityKey = key,
            Action = action,
            Changes = JsonSerializer.Serialize(values, Json),
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };
    }

    /// <summary>Links the entries to the head and to each other; returns the new head.</summary>
    private static (long Sequence, string Hash) Chain(List<AuditEntry> entries, (long Sequence, string Hash) head)
    {
        var (sequence, hash) = head;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = hash;
            entry.Hash = hash = AuditChain.Hash(entry.ToRecord());
        }

        return (sequence, hash);
    }

    /// <summary>
    /// Locks the chain's head for the rest of the transaction and reads it in the same statement: appends queue across
    /// connections and nodes (a row lock on PostgreSQL, the writer lock on SQLite).
    /// </summary>
    private static async Task<(long Sequence, string Hash)> LockHeadAsync(DbContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            "UPDATE \"AuditChainHeads\" SET \"LastSequence\" = \"LastSequence\" WHERE \"Id\" = 1 RETURNING \"LastSequence\", \"LastHash\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The audit chain has no head row: the database is not migrated.");
        }

        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static string Key(EntityEntry entry) =>
        string.Join('|', entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue, CultureInfo.InvariantCulture)));

    private static readonly object Unchanged = new();

    private sealed record Change(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]>? Values);

    private sealed class Pending(List<Change> changes, IDbContextTransaction? transaction)
    {
        public List<Change> Changes { get; } = changes;

        public IDbContextTransaction? Transaction { get; } = transaction;

        /// <summary>The head as the lock read it before the data was written.</summary>
        public (long Sequence, string Hash) Head { get; set; }

        public bool Appending { get; set; }
    }
}

/// <summary>Operational rows (jobs, outbox messages) that are not official data and need no audit trail.</summary>
public interface IAuditExempt;
