using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure;

public sealed record DemandRow(int RowNumber, string Label, Territory District, double Latitude, double Longitude, int Population, int? Children1To6, int? Children6To17);

/// <summary>
/// Imports the population of a territory from CSV or .xlsx, one building, block or grid cell a row: <c>latitude</c>
/// (or <c>lat</c>), <c>longitude</c> (or <c>lon</c>), <c>population</c>, optionally <c>id</c> or <c>label</c>,
/// <c>district</c> (the territory's own code when empty) and the age groups <c>children_1_6</c> and
/// <c>children_6_17</c>. The file replaces the population the territory and its districts had.
/// </summary>
public sealed class DemandImport(QalaDbContext db, SocialAnalysis analysis, SocialIndicators indicators) : ImportDefinition<DemandRow>
{
    private Dictionary<string, Territory> area = [];
    private Territory? territory;
    private bool cleared;

    /// <summary>The kind of the import batches of a territory's population, from a file or estimated from buildings.</summary>
    public const string BatchKind = "social-population";

    public override string Kind => BatchKind;

    /// <summary>The territory whose population is imported; the page sets it.</summary>
    public int TerritoryId { get; set; }

    public override IReadOnlyList<string> RequiredColumns { get; } = ["population"];

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var territories = await analysis.AreaAsync(TerritoryId, cancellationToken);
        area = territories.ToDictionary(t => t.Code, StringComparer.Ordinal);
        territory = territories.Single(t => t.Id == TerritoryId);
        cleared = false;
    }

    public override Task<DemandRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        var label = SocialColumns.Find(row, "id", "label") is { } labelCell ? labelCell.Value.Trim() : string.Empty;
        if (label.Length > 100)
        {
            errors.Add(new ImportError(row.RowNumber, "label", label, "The label is longer than 100 characters."));
        }

        var district = SocialColumns.DistrictOf(row, area, territory, errors);
        var location = SocialColumns.Location(row, errors);
        var populationErrors = errors.Count;
        var population = SocialColumns.Count(row, "population", "The population must be a whole number that is not negative.", errors);
        if (population is null && errors.Count == populationErrors)
        {
            errors.Add(new ImportError(row.RowNumber, "population", null, "The population must be a whole number that is not negative."));
        }

        var young = SocialColumns.Count(row, "children_1_6", "The number of children must be a whole number that is not negative.", errors);
        var pupils = SocialColumns.Count(row, "children_6_17", "The number of children must be a whole number that is not negative.", errors);
        if (errors.Count > before)
        {
            return Task.FromResult<DemandRow?>(null);
        }

        return Task.FromResult<DemandRow?>(new DemandRow(row.RowNumber, label, district!, location!.Value.Latitude, location.Value.Longitude, population!.Value, young, pupils));
    }

    public override string KeyOf(DemandRow row) => row.Label.Length > 0 ? $"{row.District.Code}|{row.Label}" : $"#{row.RowNumber}";

    public override string Label(DemandRow row) => row.Label.Length > 0 ? row.Label : KeyOf(row);

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<DemandRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(_ => ImportOutcome.Added)]);

    public override async Task ApplyAsync(IReadOnlyList<(DemandRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        if (!cleared)
        {
            var ids = area.Values.Select(t => t.Id).ToArray();
            db.RemoveRange(await db.Set<PopulationPoint>().Where(p => ids.Contains(p.TerritoryId)).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            cleared = true;
        }

        foreach (var (row, _) in rows)
        {
            db.Add(new PopulationPoint
            {
                TerritoryId = row.District.Id,
                Label = row.Label,
                Latitude = row.Latitude,
                Longitude = row.Longitude,
                Population = row.Population,
                Children1To6 = row.Children1To6,
                Children6To17 = row.Children6To17,
                ImportBatchId = batch.Id,
            });
        }
    }

    public override Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) => indicators.RecomputeAsync(TerritoryId, cancellationToken);

    public override string Describe(DemandRow row, ImportOutcome outcome) => $"{Label(row)} ({row.District.Code}): {row.Population}";
}
