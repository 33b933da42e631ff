using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators;

/// <summary>A value to record: indicator × territory × period × dimensions.</summary>
public sealed record ObservationValue(int IndicatorId, int TerritoryId, int Year, int PeriodNumber, string Dimensions, decimal Value)
{
    public string Key => $"{IndicatorId}|{TerritoryId}|{Year}|{PeriodNumber}|{Dimensions}";
}

/// <summary>
/// Compares values with the current observations and records them: a new key adds revision 1, a different value adds
/// the next revision and retires the previous one, an equal value changes nothing. Every import of values uses it.
/// </summary>
public sealed class ObservationStore(QalaDbContext db)
{
    private readonly HashSet<int> touched = [];

    /// <summary>The indicators that got a new or revised value through this store: the inputs whose derived indicators need recomputing.</summary>
    public IReadOnlyCollection<int> Touched => touched;

    public async Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<ObservationValue> values, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(values, tracked: false, cancellationToken);
        return [.. values.Select(v => !current.TryGetValue(v.Key, out var o)
            ? ImportOutcome.Added
            : o.Value == v.Value ? ImportOutcome.Unchanged : ImportOutcome.Changed)];
    }

    /// <summary>Adds the observations of <paramref name="values"/> that are added or changed, from <paramref name="batch"/>.</summary>
    public Task ApplyAsync(IReadOnlyList<(ObservationValue Value, ImportOutcome Outcome)> values, ImportBatch batch, CancellationToken cancellationToken) =>
        ApplyAsync(values, batch.Id, batch.ImportedAt, batch.ImportedBy, cancellationToken);

    /// <summary>Adds the observations of <paramref name="values"/> that are added or changed, recorded by <paramref name="recordedBy"/> (an import batch, a user or a computation).</summary>
    public async Task ApplyAsync(
        IReadOnlyList<(ObservationValue Value, ImportOutcome Outcome)> values, long? batchId, DateTimeOffset recordedAt, string? recordedBy, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync([.. values.Where(v => v.Outcome == ImportOutcome.Changed).Select(v => v.Value)], tracked: true, cancellationToken);
        foreach (var (value, outcome) in values)
        {
            var revision = 1;
            switch (outcome)
            {
                case ImportOutcome.Unchanged:
                    continue;
                case ImportOutcome.Changed:
                    var previous = current[value.Key];
                    previous.IsCurrent = false;
                    revision = previous.Revision + 1;
                    break;
                case ImportOutcome.Added:
                    break;
            }

            touched.Add(value.IndicatorId);
            db.Add(new Observation
            {
                IndicatorId = value.IndicatorId,
                TerritoryId = value.TerritoryId,
                Year = value.Year,
                PeriodNumber = value.PeriodNumber,
                Dimensions = value.Dimensions,
                Value = value.Value,
                Revision = revision,
                IsCurrent = true,
                ImportBatchId = batchId,
                RecordedAt = recordedAt,
                RecordedBy = recordedBy,
            });
        }

        // Old revisions stop being current before their successors are written.
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, Observation>> CurrentAsync(IReadOnlyList<ObservationValue> values, bool tracked, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var indicators = values.Select(v => v.IndicatorId).Distinct().ToList();
        var territories = values.Select(v => v.TerritoryId).Distinct().ToList();
        var years = values.Select(v => v.Year).Distinct().ToList();
        var query = db.Set<Observation>().Where(o =>
            o.IsCurrent && indicators.Contains(o.IndicatorId) && territories.Contains(o.TerritoryId) && years.Contains(o.Year));
        var found = await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        var wanted = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        return found.Select(o => (Key: new ObservationValue(o.IndicatorId, o.TerritoryId, o.Year, o.PeriodNumber, o.Dimensions, o.Value).Key, Observation: o))
            .Where(o => wanted.Contains(o.Key))
            .ToDictionary(o => o.Key, o => o.Observation, StringComparer.Ordinal);
    }
}
