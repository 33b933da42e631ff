using Microsoft.EntityFrameworkCore;
using Qala.Engine.Audit;

namespace Qala.Web.Data.Audit;

/// <summary>Reading the audit log: an entity's history, and the verification of the whole chain.</summary>
public sealed class AuditLog(QalaDbContext db)
{
    private const int Batch = 2000;

    public Task<List<AuditEntry>> HistoryAsync(string entityType, string entityKey, CancellationToken cancellationToken) =>
        db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityKey == entityKey)
            .OrderByDescending(e => e.Sequence)
            .ToListAsync(cancellationToken);

    /// <summary>The history of a row together with its parts' (rows of <paramref name="partType"/> keyed <paramref name="partKeys"/>), newest first.</summary>
    public Task<List<AuditEntry>> HistoryAsync(string entityType, string entityKey, string partType, IReadOnlyCollection<string> partKeys, CancellationToken cancellationToken) =>
        db.Set<AuditEntry>().AsNoTracking()
            .Where(e => (e.EntityType == entityType && e.EntityKey == entityKey) || (e.EntityType == partType && partKeys.Contains(e.EntityKey)))
            .OrderByDescending(e => e.Sequence)
            .ToListAsync(cancellationToken);

    /// <summary>Walks the chain in order, in batches, and reports the first broken link.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        // The head is read first and the walk stops there: entries appended meanwhile are not mistaken for a broken end.
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var verifier = new AuditChainVerifier();
        long after = 0;
        while (true)
        {
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Sequence > after && e.Sequence <= head.LastSequence).OrderBy(e => e.Sequence).Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (verifier.Check(entry.ToRecord()) is { } broken)
                {
                    return new AuditVerification(false, verifier.Checked, broken);
                }
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Sequence;
        }

        var end = verifier.Finish(head.LastSequence, head.LastHash);
        return new AuditVerification(end is null, verifier.Checked, end);
    }
}

public sealed record AuditVerification(bool Intact, long EntriesChecked, AuditBreak? FirstBreak);
