using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Participation.Duplicates;
using Qala.Web.Data;

namespace Qala.Web.Features.Participation;

/// <summary>A group of a consultation's suggestions that nearly repeat each other: their ids (ascending) and least similarity.</summary>
public sealed record DuplicateGroup(IReadOnlyList<int> SuggestionIds, double LeastSimilarity);

/// <summary>
/// The near-duplicate groups of a consultation's suggestions that are not merged yet, among the latest
/// <see cref="Window"/>. Grouping 20,000 texts takes a few hundred milliseconds, so each node keeps the last result per
/// consultation (and per "with the confidential or not") and recomputes it only when the suggestions changed: a
/// stamp of their count and highest id, read by one query, tells it — suggestions only arrive or get merged, and their
/// texts never change.
/// </summary>
public sealed class DuplicateGroups(QalaDbContext db, DuplicateGroupCache cache)
{
    public const int Window = 20_000;

    public async Task<IReadOnlyList<DuplicateGroup>> OfAsync(int consultationId, bool withConfidential, CancellationToken cancellationToken)
    {
        var candidates = db.Set<Suggestion>().AsNoTracking()
            .Where(s => s.ConsultationId == consultationId && s.DuplicateOfId == null && (withConfidential || !s.Confidential));
        var stamp = await candidates.GroupBy(_ => 1).Select(g => new Stamp(g.Count(), g.Max(s => s.Id))).FirstOrDefaultAsync(cancellationToken)
            ?? new Stamp(0, 0);
        var key = (consultationId, withConfidential);
        if (cache.Entries.TryGetValue(key, out var known) && known.Stamp == stamp)
        {
            return known.Groups;
        }

        var texts = await candidates.OrderByDescending(s => s.Id).Take(Window).Select(s => new { s.Id, s.Text }).ToListAsync(cancellationToken);
        var groups = NearDuplicates.Group([.. texts.Select(t => t.Text)])
            .Select(g => new DuplicateGroup([.. g.Members.Select(m => texts[m].Id).Order()], g.LeastSimilarity))
            .ToList();
        cache.Entries[key] = new DuplicateGroupCache.Entry(stamp, groups);
        return groups;
    }

    public sealed record Stamp(int Count, int LastId);
}

/// <summary>The last grouping of each consultation on this node (see <see cref="DuplicateGroups"/>).</summary>
public sealed class DuplicateGroupCache
{
    public sealed record Entry(DuplicateGroups.Stamp Stamp, IReadOnlyList<DuplicateGroup> Groups);

    public ConcurrentDictionary<(int ConsultationId, bool WithConfidential), Entry> Entries { get; } = new();
}
