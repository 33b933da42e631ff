using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Engine.Participation.Topics;
using Qala.Web.Data;
using Qala.Web.Data.Audit;

namespace Qala.Web.Features.Participation;

/// <summary>
/// Stores the public form's suggestions by group commit (ADR 0007): requests queue their checked suggestion on this
/// node, one writer stores up to <see cref="ParticipationOptions.WriteBatch"/> waiting ones in one transaction —
/// suggestions, contacts and then their audit entries, chained under one lock of the audit head taken after the
/// suggestions are written — and only after the commit
/// gives each request its receipt. A batch that fails is stored again one suggestion at a time, so one bad suggestion
/// fails only its own request (and a form key stored meanwhile by another writer gets that receipt) and nothing is
/// acknowledged that is not committed. A form key already stored, or twice in one batch, gets the first suggestion's
/// receipt. What every suggestion of a batch needs from the database — whether
/// its consultation still takes suggestions, the topic model and the topics — is read once per batch
/// (<see cref="SuggestionBatch"/>).
/// </summary>
public sealed partial class SuggestionWriter(
    IServiceScopeFactory scopes, AuditActorAccessor actors, AuditInterceptor audit, DatabaseSettings database, IOptions<ParticipationOptions> options,
    ILogger<SuggestionWriter> logger)
    : BackgroundService
{
    /// <summary>The event <see cref="Diagnostics"/> writes before a batch is stored; its payload is the batch's suggestions.</summary>
    public const string StoringEvent = "Storing";

    private readonly Channel<Queued> queue = Channel.CreateUnbounded<Queued>();

    /// <summary>
    /// Announces every batch just before it is stored (<see cref="StoringEvent"/>), on the writer's own thread: how
    /// operators' diagnostics see the batches' sizes, and where tests hold or fail a batch. An observer's exception fails
    /// the batch like a database error would.
    /// </summary>
    public DiagnosticListener Diagnostics { get; } = new("Qala.Participation.SuggestionWriter");

    /// <summary>How many queued suggestions wait for the next batch (the one being written not counted).</summary>
    public int Waiting => queue.Reader.Count;

    /// <summary>
    /// Queues a suggestion and waits until it is committed; returns its receipt code, the code of the suggestion
    /// stored earlier with the same form key, or null when <paramref name="build"/> refused it. <paramref name="build"/>
    /// makes the suggestion in the writer's batch (it may run twice when a batch is retried); the audit log names
    /// <paramref name="actor"/> as its author.
    /// </summary>
    public async Task<string?> StoreAsync(Guid? key, Func<SuggestionBatch, CancellationToken, Task<Suggestion?>> build, AuditActor actor, CancellationToken cancellationToken)
    {
        var queued = new Queued(key, build, actor, new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(queued, cancellationToken);
        // Once queued the suggestion is stored or refused whatever the client does; waiting is all that is cancelled.
        return await queued.Receipt.Task.WaitAsync(cancellationToken);
    }

    public override void Dispose()
    {
        Diagnostics.Dispose();
        base.Dispose();
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // What is queued is still written; later submissions are refused.
        queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    /// <summary>SQLite takes one writing transaction at a time, so with it one writer stores every batch.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, database.Provider == DatabaseProvider.Sqlite ? 1 : options.Value.Writers)
            .Select(_ => Task.Run(WriteQueuedAsync, CancellationToken.None)));

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Queued>();
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < options.Value.WriteBatch && queue.Reader.TryRead(out var queued))
            {
                batch.Add(queued);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Queued> batch)
    {
        try
        {
            await CommitAsync(batch);
        }
        catch (Exception e)
        {
            // Stored again one by one: one bad suggestion fails only its own request, and a form key that another writer
            // stored meanwhile (a double click across two batches) now finds that suggestion's receipt.
            LogBatchFailed(logger, batch.Count, e);
            foreach (var queued in batch)
            {
                try
                {
                    await CommitAsync([queued]);
                }
                catch (Exception single)
                {
                    queued.Receipt.TrySetException(single);
                }
            }
        }
    }

    /// <summary>Stores the batch in one transaction and then, only then, acknowledges every request in it.</summary>
    private async Task CommitAsync(IReadOnlyList<Queued> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        // A failed batch is stored again one by one in new units of work, so its saves need no savepoints (two round
        // trips each, inside the audit head's lock). The pooled context goes back to other work with them on.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await CommitAsync(db, batch);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    private async Task CommitAsync(QalaDbContext db, IReadOnlyList<Queued> batch)
    {
        var suggestions = new SuggestionBatch(db, options.Value.ConfidentialTopicBar);
        var keys = batch.Where(q => q.Key is not null).Select(q => q.Key).Distinct().ToList();
        var receipts = keys.Count == 0
            ? []
            : await db.Set<Suggestion>().AsNoTracking().Where(s => keys.Contains(s.SubmissionKey))
                .ToDictionaryAsync(s => s.SubmissionKey!.Value, s => s.PublicCode);
        var stored = new List<(Queued Queued, Suggestion Suggestion)>();
        var refused = new List<Queued>();
        var first = new Dictionary<Guid, Suggestion>();
        var repeats = new List<(Queued Queued, Guid Key)>();
        foreach (var queued in batch)
        {
            if (queued.Key is { } key && (receipts.ContainsKey(key) || first.ContainsKey(key)))
            {
                repeats.Add((queued, key));
                continue;
            }

            if (await queued.Build(suggestions, CancellationToken.None) is not { } suggestion)
            {
                refused.Add(queued);
                continue;
            }

            actors.Attribute(suggestion, queued.Actor);

            stored.Add((queued, suggestion));
            if (queued.Key is { } newKey)
            {
                first.Add(newKey, suggestion);
            }
        }

        if (stored.Count > 0)
        {
            List<Suggestion> written = [.. stored.Select(s => s.Suggestion)];
            if (Diagnostics.IsEnabled(StoringEvent))
            {
                Diagnostics.Write(StoringEvent, written);
            }

            await SaveAsync(db, written);
        }

        foreach (var (queued, suggestion) in stored)
        {
            queued.Receipt.TrySetResult(suggestion.PublicCode);
        }

        foreach (var (queued, key) in repeats)
        {
            queued.Receipt.TrySetResult(receipts.TryGetValue(key, out var earlier) ? earlier : first[key].PublicCode);
        }

        foreach (var queued in refused)
        {
            queued.Receipt.TrySetResult(null);
        }
    }

    /// <summary>
    /// Saves new suggestions with their contacts. On PostgreSQL in bulk — keys taken from the sequence in one
    /// statement, the rows by binary COPY, then their audit entries under the head's lock — because EF's statement per
    /// row and per audit entry was most of a batch's time (ADR 0013); on SQLite, one writer at a time, through EF.
    /// </summary>
    private async Task SaveAsync(QalaDbContext db, List<Suggestion> suggestions)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            db.AddRange(suggestions);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var keys = await PostgresCopy.NextKeysAsync<Suggestion>(db, suggestions.Count, CancellationToken.None);
        var contacts = new List<SuggestionContact>();
        for (var i = 0; i < suggestions.Count; i++)
        {
            var suggestion = suggestions[i];
            suggestion.Id = keys[i];
            suggestion.Version = Guid.NewGuid();
            if (suggestion.Contact is { } contact)
            {
                contact.SuggestionId = suggestion.Id;
                contacts.Add(contact);
            }
        }

        await PostgresCopy.CopyAsync(db, suggestions, CancellationToken.None);
        await PostgresCopy.CopyAsync(db, contacts, CancellationToken.None);
        // Contacts are personal data kept out of the audit log (docs/personal-data.md): the suggestions' entries only.
        await audit.AppendCreatedAsync(db, suggestions, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Warning, "A batch of {Count} suggestions failed to commit; storing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record Queued(Guid? Key, Func<SuggestionBatch, CancellationToken, Task<Suggestion?>> Build, AuditActor Actor, TaskCompletionSource<string?> Receipt);
}

/// <summary>
/// One batch of the <see cref="SuggestionWriter"/>: what its suggestions need from the database, read once for all of
/// them — whether a consultation takes suggestions (read in the batch, so a discussion closed on any node refuses at
/// once) and the topics, tracked in the batch's unit of work.
/// </summary>
public sealed class SuggestionBatch(QalaDbContext db, double confidentialTopicBar)
{
    private readonly Dictionary<int, bool> accepting = [];
    private List<Topic>? topics;

    /// <summary>Whether the consultation takes suggestions now.</summary>
    public async Task<bool> AcceptsAsync(int consultationId, CancellationToken cancellationToken)
    {
        if (!accepting.TryGetValue(consultationId, out var accepts))
        {
            var phase = await db.Set<Consultation>().AsNoTracking().Where(c => c.Id == consultationId)
                .Select(c => (ConsultationPhase?)c.Phase).FirstOrDefaultAsync(cancellationToken);
            accepting[consultationId] = accepts = phase is { } known && Consultation.TakesSuggestionsIn(known);
        }

        return accepts;
    }

    /// <summary>The topic proposed by the model's prediction, or null when the model's topic is no longer known.</summary>
    internal async Task<TopicProposal?> ProposeAsync(TopicSuggestion prediction, CancellationToken cancellationToken)
    {
        topics ??= await db.Set<Topic>().ToListAsync(cancellationToken);
        return TopicProposal.Of(prediction, topics, confidentialTopicBar);
    }
}
