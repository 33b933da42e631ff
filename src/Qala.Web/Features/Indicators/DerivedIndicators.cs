using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators;

/// <summary>
/// Keeps derived indicators (<see cref="Indicator.Derivation"/>) in step with their inputs: after an import changes an
/// input, and when a derived indicator is defined or redefined, its values are computed again from the inputs'
/// headline series and recorded like any value — a changed value becomes a revision, recorded by
/// <see cref="ComputedBy"/>. Derived indicators of derived indicators follow in turn.
/// </summary>
public sealed class DerivedIndicators(QalaDbContext db, ObservationStore store, TimeProvider time)
{
    /// <summary>What a computed observation names as its recorder.</summary>
    public const string ComputedBy = "formula";

    private const int ChunkSize = 1000;

    /// <summary>Recomputes every derived indicator that depends, directly or through others, on <paramref name="changed"/>.</summary>
    public async Task<int> RecomputeAfterAsync(IReadOnlyCollection<int> changed, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return 0;
        }

        var derived = await db.Set<Indicator>().AsNoTracking().Where(i => i.Derivation != null).ToListAsync(cancellationToken);
        var pending = new Queue<int>(changed);
        var done = new HashSet<int>();
        var recorded = 0;
        while (pending.TryDequeue(out var id))
        {
            foreach (var indicator in derived.Where(d => (d.InputIndicatorId == id || d.DenominatorIndicatorId == id) && done.Add(d.Id)))
            {
                recorded += await RecomputeAsync(indicator, cancellationToken);
                pending.Enqueue(indicator.Id);
            }
        }

        return recorded;
    }

    /// <summary>Computes all values of <paramref name="indicator"/> and records those that are new or differ; returns how many.</summary>
    public async Task<int> RecomputeAsync(Indicator indicator, CancellationToken cancellationToken)
    {
        if (indicator.Derivation is not { } kind || indicator.InputIndicatorId is not { } inputId)
        {
            return 0;
        }

        var input = await SeriesAsync(inputId, cancellationToken);
        var denominator = kind == DerivationKind.Ratio && indicator.DenominatorIndicatorId is { } denominatorId
            ? await SeriesAsync(denominatorId, cancellationToken)
            : null;
        var country = await db.Set<Territory>().Where(t => t.Kind == TerritoryKind.Country).Select(t => t.Id).FirstAsync(cancellationToken);
        var values = Derivation.Compute(kind, input, denominator, (double)(indicator.Scale ?? 1), country, key =>
        {
            var earlier = Period.Of(indicator.Periodicity, key.Year, key.PeriodNumber).YearEarlier();
            return new SeriesKey(key.TerritoryId, earlier.Year, earlier.Number);
        });

        var rows = values.Where(v => Math.Abs(v.Value) < 1e14)
            .Select(v => new ObservationValue(indicator.Id, v.Key.TerritoryId, v.Key.Year, v.Key.PeriodNumber, "", Math.Round((decimal)v.Value, 6)))
            .ToList();
        var recorded = 0;
        var now = time.GetUtcNow();
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            var outcomes = await store.CompareAsync(chunk, cancellationToken);
            recorded += outcomes.Count(o => o != ImportOutcome.Unchanged);
            await store.ApplyAsync([.. chunk.Zip(outcomes)], null, now, ComputedBy, cancellationToken);
        }

        return recorded;
    }

    /// <summary>Why a definition cannot be used, or null: a ratio needs a denominator, inputs exist, share the periodicity and lead to no cycle.</summary>
    public async Task<string?> ProblemAsync(int? indicatorId, DerivationKind kind, int? inputId, int? denominatorId, CancellationToken cancellationToken)
    {
        if (inputId is null || (kind == DerivationKind.Ratio && denominatorId is null))
        {
            return "Choose the indicators it is computed from.";
        }

        var all = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Id, cancellationToken);
        if (!all.TryGetValue(inputId.Value, out var input) || (denominatorId is { } d && !all.ContainsKey(d)))
        {
            return "Choose the indicators it is computed from.";
        }

        if (denominatorId is { } den && kind == DerivationKind.Ratio && all[den].Periodicity != input.Periodicity)
        {
            return "The input and the denominator must be measured equally often.";
        }

        // Follow the inputs upwards: reaching the indicator itself would make a cycle.
        var pending = new Stack<int>([inputId.Value, .. kind == DerivationKind.Ratio && denominatorId is { } n ? [n] : Array.Empty<int>()]);
        var seen = new HashSet<int>();
        while (pending.TryPop(out var id))
        {
            if (id == indicatorId)
            {
                return "An indicator cannot be computed from itself, even through others.";
            }

            if (seen.Add(id) && all.TryGetValue(id, out var next))
            {
                foreach (var source in new[] { next.InputIndicatorId, next.DenominatorIndicatorId }.OfType<int>())
                {
                    pending.Push(source);
                }
            }
        }

        return null;
    }

    private async Task<Dictionary<SeriesKey, double>> SeriesAsync(int indicatorId, CancellationToken cancellationToken)
    {
        var current = db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicatorId && o.IsCurrent);
        var dimensions = await current.Select(o => o.Dimensions).Distinct().ToListAsync(cancellationToken);
        if (dimensions.Count == 0)
        {
            return [];
        }

        var headline = Scorecards.HeadlineOf(dimensions);
        return await current.Where(o => o.Dimensions == headline)
            .ToDictionaryAsync(o => new SeriesKey(o.TerritoryId, o.Year, o.PeriodNumber), o => (double)o.Value, cancellationToken);
    }
}
