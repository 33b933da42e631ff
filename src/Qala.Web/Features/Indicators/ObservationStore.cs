using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
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
/// <remarks>
/// Observations are written in bulk, outside the change tracker and the audit log (ADR 0008): on PostgreSQL by a
/// binary <c>COPY</c>, elsewhere as plain inserts; the only update ever made is retiring a revision. Each row keeps
/// who and when recorded it and its import batch, and earlier revisions stay, so the history is in the table itself.
/// </remarks>
public sealed class ObservationStore(QalaDbContext db)
{
    private const string CopyCommand = """
        COPY "Observations" ("IndicatorId", "TerritoryId", "Year", "PeriodNumber", "Dimensions", "Value", "Revision", "IsCurrent", "ImportBatchId", "RecordedAt", "RecordedBy")
        FROM STDIN (FORMAT BINARY)
        """;

    private readonly HashSet<int> touched = [];

    /// <summary>The indicators that got a new or revised value through this store: the inputs whose derived indicators need recomputing.</summary>
    public IReadOnlyCollection<int> Touched => touched;

    public async Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<ObservationValue> values, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(values, cancellationToken);
        return [.. values.Select(v => !current.TryGetValue(v.Key, out var o)
            ? ImportOutcome.Added
            : o.Value == v.Value ? ImportOutcome.Unchanged : ImportOutcome.Changed)];
    }

    /// <summary>
    /// Records values read from a text — a meeting's, a source document's — as one import batch of
    /// <paramref name="kind"/> named <paramref name="name"/>, whose hash is the SHA-256 of <paramref name="text"/>;
    /// a repeated key keeps its last value. Saves.
    /// </summary>
    public async Task RecordFromTextAsync(
        string kind, string name, string text, IReadOnlyList<ObservationValue> values, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var distinct = values.GroupBy(v => v.Key).Select(g => g.Last()).ToList();
        var outcomes = await CompareAsync(distinct, cancellationToken);
        var batch = new ImportBatch
        {
            Kind = kind,
            FileName = name,
            FileHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            FileSize = Encoding.UTF8.GetByteCount(text),
            ImportedBy = by,
            ImportedAt = at,
            Added = outcomes.Count(o => o == ImportOutcome.Added),
            Changed = outcomes.Count(o => o == ImportOutcome.Changed),
            Unchanged = outcomes.Count(o => o == ImportOutcome.Unchanged),
        };
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        await ApplyAsync([.. distinct.Zip(outcomes)], batch, cancellationToken);
    }

    /// <summary>Adds the observations of <paramref name="values"/> that are added or changed, from <paramref name="batch"/>.</summary>
    public Task ApplyAsync(IReadOnlyList<(ObservationValue Value, ImportOutcome Outcome)> values, ImportBatch batch, CancellationToken cancellationToken) =>
        ApplyAsync(values, batch.Id, batch.ImportedAt, batch.ImportedBy, cancellationToken);

    /// <summary>Adds the observations of <paramref name="values"/> that are added or changed, recorded by <paramref name="recordedBy"/> (an import batch, a user or a computation).</summary>
    public async Task ApplyAsync(
        IReadOnlyList<(ObservationValue Value, ImportOutcome Outcome)> values, long? batchId, DateTimeOffset recordedAt, string? recordedBy, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync([.. values.Where(v => v.Outcome == ImportOutcome.Changed).Select(v => v.Value)], cancellationToken);
        var retired = new List<long>();
        var rows = new List<Observation>();
        foreach (var (value, outcome) in values)
        {
            var revision = 1;
            switch (outcome)
            {
                case ImportOutcome.Unchanged:
                    continue;
                case ImportOutcome.Changed:
                    var previous = current[value.Key];
                    retired.Add(previous.Id);
                    revision = previous.Revision + 1;
                    break;
                case ImportOutcome.Added:
                    break;
            }

            touched.Add(value.IndicatorId);
            rows.Add(new Observation
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
                RecordedAt = recordedAt.ToUniversalTime(),
                RecordedBy = recordedBy,
            });
        }

        if (rows.Count == 0)
        {
            return;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        // Old revisions stop being current before their successors are written.
        if (retired.Count > 0)
        {
            await db.Set<Observation>().Where(o => retired.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCurrent, false), cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            await CopyAsync(rows, cancellationToken);
        }
        else
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task CopyAsync(List<Observation> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.IndicatorId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.TerritoryId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Year, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.PeriodNumber, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Dimensions, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(row.Value, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(row.Revision, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.IsCurrent, NpgsqlDbType.Boolean, cancellationToken);
            if (row.ImportBatchId is { } batch)
            {
                await copy.WriteAsync(batch, NpgsqlDbType.Bigint, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }

            await copy.WriteAsync(row.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            if (row.RecordedBy is { } by)
            {
                await copy.WriteAsync(by, NpgsqlDbType.Varchar, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The current observation of each key of <paramref name="values"/> that has one: its id, revision and value.</summary>
    private async Task<Dictionary<string, CurrentObservation>> CurrentAsync(IReadOnlyList<ObservationValue> values, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return [];
        }

        List<CurrentObservation> found;
        if (db.Database.IsNpgsql())
        {
            // One probe of the unique key index per value, joined on the whole key.
            int[] indicators = [.. values.Select(v => v.IndicatorId)], territories = [.. values.Select(v => v.TerritoryId)],
                years = [.. values.Select(v => v.Year)], periods = [.. values.Select(v => v.PeriodNumber)];
            string[] dimensions = [.. values.Select(v => v.Dimensions)];
            found = await db.Database.SqlQuery<CurrentObservation>($"""
                SELECT o."Id", o."IndicatorId", o."TerritoryId", o."Year", o."PeriodNumber", o."Dimensions", o."Revision", o."Value"
                FROM unnest({indicators}, {territories}, {years}, {periods}, {dimensions}) AS k(i, t, y, p, d)
                JOIN "Observations" o ON o."IndicatorId" = k.i AND o."TerritoryId" = k.t AND o."Year" = k.y
                    AND o."PeriodNumber" = k.p AND o."Dimensions" = k.d AND o."IsCurrent"
                """).ToListAsync(cancellationToken);
        }
        else
        {
            var indicators = values.Select(v => v.IndicatorId).Distinct().ToList();
            var territories = values.Select(v => v.TerritoryId).Distinct().ToList();
            var years = values.Select(v => v.Year).Distinct().ToList();
            found = await db.Set<Observation>()
                .Where(o => o.IsCurrent && indicators.Contains(o.IndicatorId) && territories.Contains(o.TerritoryId) && years.Contains(o.Year))
                .Select(o => new CurrentObservation
                {
                    Id = o.Id,
                    IndicatorId = o.IndicatorId,
                    TerritoryId = o.TerritoryId,
                    Year = o.Year,
                    PeriodNumber = o.PeriodNumber,
                    Dimensions = o.Dimensions,
                    Revision = o.Revision,
                    Value = o.Value,
                })
                .ToListAsync(cancellationToken);
        }

        var wanted = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        return found.Select(o => (Key: new ObservationValue(o.IndicatorId, o.TerritoryId, o.Year, o.PeriodNumber, o.Dimensions, o.Value).Key, Observation: o))
            .Where(o => wanted.Contains(o.Key))
            .ToDictionary(o => o.Key, o => o.Observation, StringComparer.Ordinal);
    }

    private sealed class CurrentObservation
    {
        public long Id { get; init; }

        public int IndicatorId { get; init; }

        public int TerritoryId { get; init; }

        public int Year { get; init; }

        public int PeriodNumber { get; init; }

        public required string Dimensions { get; init; }

        public int Revision { get; init; }

        public decimal Value { get; init; }
    }
}
