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
using Microsoft.EntityFrameworkCore.Storage;
using Qala.Engine.Audit;
using Qala.Engine.Privacy;

namespace Qala.Web.Data.Audit;

/// <summary>
/// Records every create, update and delete saved through the context, in the same transaction as the change: before
/// the save it notes old and new values and opens a transaction if the caller has none; after the save it locks the
/// chain head, appends the entries with their hashes, and commits. No feature has to remember to call anything.
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
        pending.AddOrUpdate(context, new Pending(changes, transaction));
        try
        {
            // The head is locked before any data row, so every writer takes its locks in the same order (no deadlock),
            // and appends queue across connections and nodes: a row lock on PostgreSQL, the writer lock on SQLite.
            await context.Database.ExecuteSqlRawAsync(
                "UPDATE \"AuditChainHeads\" SET \"LastSequence\" = \"LastSequence\" WHERE \"Id\" = 1", cancellationToken);
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
            await AppendAsync(context, work.Changes, cancellationToken);
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

    private static Dictionary<string, object?[]> Values(EntityEntry entry, AuditAction action)
    {
        var properties = entry.Properties.Select(p => (Name: p.Metadata.Name, IsKey: p.Metadata.IsPrimaryKey(), p.IsModified, p.OriginalValue, p.CurrentValue))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Select(p =>
                (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", IsKey: false, p.IsModified, p.OriginalValue, p.CurrentValue))));
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

    private async Task AppendAsync(DbContext context, List<Change> changes, CancellationToken cancellationToken)
    {
        // The head was locked before the data was written (SavingChangesAsync), so it is current and stays ours. A head
        // this context tracks already is from an earlier save and is read again; otherwise the query reads it fresh.
        var tracked = context.ChangeTracker.Entries<AuditChainHead>().Any();
        var head = await context.Set<AuditChainHead>().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        if (tracked)
        {
            await context.Entry(head).ReloadAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        foreach (var change in changes)
        {
            var actor = actors.Of(change.Entry.Entity);
            var entry = new AuditEntry
            {
                Sequence = head.LastSequence + 1,
                At = at,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Address = actor.Address,
                EntityType = change.Entry.Metadata.GetTableName() ?? change.Entry.Metadata.ShortName(),
                EntityKey = Key(change.Entry),
                Action = change.Action,
                Changes = JsonSerializer.Serialize(change.Values ?? Values(change.Entry, AuditAction.Created), Json),
                PreviousHash = head.LastHash,
                Hash = string.Empty,
            };
            entry.Hash = AuditChain.Hash(entry.ToRecord());
            context.Add(entry);
            head.LastSequence = entry.Sequence;
            head.LastHash = entry.Hash;
        }

        await context.SaveChangesAsync(cancellationToken);
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

        public bool Appending { get; set; }
    }
}

/// <summary>Operational rows (jobs, outbox messages) that are not official data and need no audit trail.</summary>
public interface IAuditExempt;
