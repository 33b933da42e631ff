using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators;

/// <summary>A value of a long file, with the codes the file used and the catalog's periodicity for the preview.</summary>
public sealed record LongRow(string IndicatorCode, string TerritoryCode, Period Period, ObservationValue Value);

/// <summary>
/// Imports values in the long layout, from CSV or from the .xlsx template Qala writes (<see cref="LongTemplate"/>):
/// one value a row, in the columns <c>indicator</c> (a code in the catalog), <c>territory</c> (the official code, or
/// the statistics office's code), <c>period</c> (2024, 2024-Q2, 2024-03, 2024-W07 or 2024-03-15 by the indicator's
/// periodicity; a date is read as the period that contains it) and <c>value</c>; every other named column is a
/// dimension. A row with an empty value states nothing and is passed over, so a template can be filled in part.
/// </summary>
public sealed class LongImport(QalaDbContext db, ObservationStore store, DerivedIndicators derived) : ImportDefinition<LongRow>
{
    public const string IndicatorColumn = "indicator";
    public const string TerritoryColumn = "territory";
    public const string PeriodColumn = "period";
    public const string ValueColumn = "value";

    private static readonly HashSet<string> NotDimensions = new([IndicatorColumn, TerritoryColumn, PeriodColumn, ValueColumn], StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, (int Id, Periodicity Periodicity, bool Derived)> indicators = [];
    private Dictionary<string, Territory> territories = [];
    private TabularHeader? dimensionsOf;
    private List<string> dimensionColumns = [];

    public override string Kind => "indicator-values";

    /// <summary>Whose values may be recorded: rows of territories outside it are refused. National unless a page narrows it.</summary>
    public UserScopeInfo? Scope { get; set; }

    public override IReadOnlyList<string> RequiredColumns { get; } = [IndicatorColumn, TerritoryColumn, PeriodColumn, ValueColumn];

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken)
    {
        indicators = await db.Set<Indicator>().AsNoTracking()
            .ToDictionaryAsync(i => i.Code, i => (i.Id, i.Periodicity, i.Derivation != null), StringComparer.OrdinalIgnoreCase, cancellationToken);
        var all = await db.Set<Territory>().AsNoTracking().ToListAsync(cancellationToken);
        territories = all.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var byId = all.ToDictionary(t => t.Id);
        foreach (var mapping in await db.Set<TerritoryCodeMapping>().AsNoTracking().Where(m => m.Scheme == OpenSdgImport.Scheme).ToListAsync(cancellationToken))
        {
            territories.TryAdd(mapping.ExternalCode, byId[mapping.TerritoryId]);
        }
    }

    public override Task<LongRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(dimensionsOf, row.Header))
        {
            dimensionsOf = row.Header;
            dimensionColumns = [.. row.Header.Columns.Select(c => c.Name).Where(n => n.Length > 0 && !NotDimensions.Contains(n))];
        }

        var valueCell = row[ValueColumn];
        if (valueCell.IsEmpty)
        {
            return Task.FromResult<LongRow?>(null);
        }

        var indicatorCell = row[IndicatorColumn];
        var code = indicatorCell.Value.Trim();
        if (!indicators.TryGetValue(code, out var indicator))
        {
            errors.Add(new ImportError(row.RowNumber, indicatorCell.Column.Name, code, "No indicator in the catalog has this code."));
        }
        else if (indicator.Derived)
        {
            errors.Add(new ImportError(row.RowNumber, indicatorCell.Column.Name, code, "This indicator is computed from others: import the values of its inputs."));
        }

        var territoryCell = row[TerritoryColumn];
        var territoryCode = territoryCell.Value.Trim();
        if (!territories.TryGetValue(territoryCode, out var territory))
        {
            errors.Add(new ImportError(row.RowNumber, territoryCell.Column.Name, territoryCode, "No territory has this code."));
        }

        else if (Scope is { } scope && !scope.Covers(territory.Id))
        {
            errors.Add(new ImportError(row.RowNumber, territoryCell.Column.Name, territoryCode, "You may not record values for this territory."));
        }

        var periodCell = row[PeriodColumn];
        var periodText = periodCell.Value.Trim();
        var period = default(Period);
        if (indicator != default && !Period.TryParse(periodText, indicator.Periodicity, out period))
        {
            errors.Add(new ImportError(row.RowNumber, periodCell.Column.Name, periodText, "The period is not one of this indicator's periods (2024, 2024-Q2, 2024-03, 2024-W07 or 2024-03-15), or out of range."));
        }
        else if (territory is not null && indicator != default && !ExistedIn(territory, period))
        {
            errors.Add(new ImportError(row.RowNumber, periodCell.Column.Name, periodText, "The territory did not exist in this period."));
        }

        var valueText = valueCell.Value.Trim();
        if (!decimal.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) >= 100_000_000_000_000m)
        {
            errors.Add(new ImportError(row.RowNumber, valueCell.Column.Name, valueText, "The value is not a number."));
        }

        var dimensions = OpenSdgImport.CanonicalDimensions(dimensionColumns.Select(c => KeyValuePair.Create(c, row[c].Value)));
        if (dimensions.Length > Observation.DimensionsLength)
        {
            errors.Add(new ImportError(row.RowNumber, null, dimensions[..40] + "…", "The dimension values are too long."));
        }

        return Task.FromResult(errors.Count == 0
            ? new LongRow(code, territoryCode, period, new ObservationValue(indicator.Id, territory!.Id, period.Year, period.Number, dimensions, Math.Round(value, 6)))
            : null);
    }

    public override Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) =>
        derived.RecomputeAfterAsync(store.Touched, cancellationToken);

    /// <summary>Whether the territory existed during some of the period.</summary>
    public static bool ExistedIn(Territory territory, Period period) =>
        (territory.ValidFrom is not { } from || period.End >= from) && (territory.ValidTo is not { } to || period.Start < to);

    public override string KeyOf(LongRow row) => row.Value.Key;

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<LongRow> rows, CancellationToken cancellationToken) =>
        store.CompareAsync([.. rows.Select(r => r.Value)], cancellationToken);

    public override Task ApplyAsync(IReadOnlyList<(LongRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken) =>
        store.ApplyAsync([.. rows.Select(r => (r.Row.Value, r.Outcome))], batch, cancellationToken);

    public override string Label(LongRow row) =>
        $"{row.IndicatorCode} {row.TerritoryCode} {row.Period} {(row.Value.Dimensions.Length == 0 ? "—" : row.Value.Dimensions)}";

    public override string Describe(LongRow row, ImportOutcome outcome) => $"{Label(row)}: {row.Value.Value.ToString(CultureInfo.InvariantCulture)}";
}
