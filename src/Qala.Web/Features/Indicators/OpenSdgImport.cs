using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators;

/// <summary>A value of an open-sdg file: territory (as the file names it and as Qala knows it), year, dimensions, value.</summary>
public sealed record SdgRow(string Area, int TerritoryId, int Year, string Dimensions, decimal Value);

/// <summary>
/// Imports the open-sdg CSV files of the statistics office's SDG platform (<c>indicator_8-5-2.csv</c> holds SDG
/// indicator 8.5.2): <c>Year</c>, <c>Value</c>, <c>REF_AREA</c> (a code of the <c>kazstat</c> scheme, or of the
/// indicator's own <c>kazstat:8.5.2</c> where that maps it, empty for the whole country) and any number of dimension
/// columns. The indicator is created when the catalog lacks it; a value that differs from the current one becomes a new
/// revision.
/// </summary>
public sealed partial class OpenSdgImport(QalaDbContext db, ObservationStore store, DerivedIndicators derived, IStringLocalizer<SharedResource> t) : ImportDefinition<SdgRow>
{
    public const string Scheme = "kazstat";
    public const string CountryCode = "000000000";
    public const string SourceName = "kazstat-sdg";

    private static readonly HashSet<string> NotDimensions = new(["Year", "Value", "REF_AREA", "GeoCode"], StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, int>? areas;
    private int country;
    private TabularHeader? dimensionsOf;
    private List<string> dimensionColumns = [];

    public override string Kind => "open-sdg";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["Year", "Value"];

    /// <summary>The indicator's code, from the file name.</summary>
    public string? Code { get; private set; }

    /// <summary>The indicator in the catalog; null while it is still to be created.</summary>
    public int? IndicatorId { get; private set; }

    /// <summary>
    /// The scheme of the statistics office's codes as one indicator's files use them, "kazstat:11.6.2": its mappings
    /// win over those of <see cref="Scheme"/> where a file gives a code another meaning.
    /// </summary>
    public static string SchemeOf(string indicatorCode) => $"{Scheme}:{indicatorCode}";

    /// <summary>"indicator_8-5-2.csv" → "8.5.2"; null when the name does not follow the pattern.</summary>
    public static string? CodeFromFileName(string fileName)
    {
        var match = FileNamePattern().Match(Path.GetFileName(fileName));
        return match.Success ? match.Groups[1].Value.Replace('-', '.') : null;
    }

    /// <summary>"SEX=F;URBANISATION=U": the pairs sorted by key, empty values left out; "" for the total.</summary>
    public static string CanonicalDimensions(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join(';', pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => (Key: p.Key.Trim(), Value: p.Value.Trim()))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken)
    {
        Code = CodeFromFileName(fileName);
        if (Code is null)
        {
            errors.Add(new ImportError(null, null, fileName, "The file name does not name an indicator: it should look like indicator_8-5-2.csv."));
            return;
        }

        var indicator = await db.Set<Indicator>().AsNoTracking().Where(i => i.Code == Code).Select(i => new { i.Id, i.Periodicity, i.Derivation }).SingleOrDefaultAsync(cancellationToken);
        if (indicator is { Derivation: not null })
        {
            errors.Add(new ImportError(null, null, Code, "This indicator is computed from others: import the values of its inputs."));
            return;
        }

        if (indicator is { Periodicity: not Periodicity.Year })
        {
            errors.Add(new ImportError(null, null, Code, "An open-sdg file holds yearly values, but this indicator is measured more often."));
            return;
        }

        IndicatorId = indicator?.Id;
        // A mapping of the indicator's own scheme ("kazstat:11.6.2") wins over the general one for this indicator's files.
        var own = SchemeOf(Code);
        var mappings = await db.Set<TerritoryCodeMapping>().AsNoTracking().Where(m => m.Scheme == Scheme || m.Scheme == own)
            .Select(m => new { m.Scheme, m.ExternalCode, m.TerritoryId }).ToListAsync(cancellationToken);
        areas = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in mappings.OrderBy(m => m.Scheme == own))
        {
            areas[mapping.ExternalCode] = mapping.TerritoryId;
        }

        country = await db.Set<Territory>().Where(x => x.Code == CountryCode).Select(x => x.Id).SingleAsync(cancellationToken);
    }

    public override Task<SdgRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(dimensionsOf, row.Header))
        {
            dimensionsOf = row.Header;
            dimensionColumns = [.. row.Header.Columns.Select(c => c.Name).Where(n => n.Length > 0 && !NotDimensions.Contains(n))];
        }

        var yearCell = row["Year"];
        var yearText = yearCell.Value.Trim();
        if (!int.TryParse(yearText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
        {
            errors.Add(new ImportError(row.RowNumber, yearCell.Column.Name, yearText, "The year is out of range."));
        }

        var valueCell = row["Value"];
        var valueText = valueCell.Value.Trim();
        if (!decimal.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) >= 100_000_000_000_000m)
        {
            errors.Add(new ImportError(row.RowNumber, valueCell.Column.Name, valueText, "The value is not a number."));
        }

        var area = row.Find("REF_AREA")?.Value.Trim() ?? "";
        var territoryId = country;
        if (area.Length > 0 && !areas!.TryGetValue(area, out territoryId))
        {
            errors.Add(new ImportError(row.RowNumber, row.Find("REF_AREA")!.Value.Column.Name, area, "No territory has this code in the statistics office's scheme."));
        }

        var dimensions = CanonicalDimensions(dimensionColumns.Select(c => KeyValuePair.Create(c, row[c].Value)));
        if (dimensions.Length > Observation.DimensionsLength)
        {
            errors.Add(new ImportError(row.RowNumber, null, dimensions[..40] + "…", "The dimension values are too long."));
        }

        return Task.FromResult(errors.Count == 0 ? new SdgRow(area, territoryId, year, dimensions, Math.Round(value, 6)) : null);
    }

    public override string KeyOf(SdgRow row) => $"{row.TerritoryId}|{row.Year}|{row.Dimensions}";

    public override string Label(SdgRow row) => $"{(row.Area.Length == 0 ? CountryCode : row.Area)} {row.Year} {(row.Dimensions.Length == 0 ? "—" : row.Dimensions)}";

    /// <summary>
    /// The statistics office's files sometimes state the same record twice with different values (8.6.1, 11.3.1,
    /// 11.6.2 and 17.3.1 do): the first statement is imported and every repeat is reported as a warning with both rows.
    /// </summary>
    public override RepeatedRows RepeatedRows => RepeatedRows.KeepFirst;

    public override async Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<SdgRow> rows, CancellationToken cancellationToken) =>
        IndicatorId is { } indicatorId
            ? await store.CompareAsync([.. rows.Select(r => ValueOf(r, indicatorId))], cancellationToken)
            : [.. rows.Select(_ => ImportOutcome.Added)];

    public override async Task ApplyAsync(IReadOnlyList<(SdgRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        if (IndicatorId is null)
        {
            var indicator = NewIndicator(Code!);
            db.Add(indicator);
            await db.SaveChangesAsync(cancellationToken);
            IndicatorId = indicator.Id;
        }

        await store.ApplyAsync([.. rows.Select(r => (ValueOf(r.Row, IndicatorId.Value), r.Outcome))], batch, cancellationToken);
    }

    public override Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) =>
        derived.RecomputeAfterAsync(store.Touched, cancellationToken);

    public override string Describe(SdgRow row, ImportOutcome outcome)
    {
        var line = $"{Code} {Label(row)}: {row.Value.ToString(CultureInfo.InvariantCulture)}";
        return IndicatorId is null ? t["New indicator {0}, named {1} until edited: {2}", Code!, NewName(Code!), line] : line;
    }

    /// <summary>The name an indicator gets when an import creates it, until someone edits it.</summary>
    public static string NewName(string code) => $"SDG {code}";

    private static Indicator NewIndicator(string code) => new()
    {
        Code = code,
        Name = LocalizedText.Of(NewName(code), NewName(code), NewName(code)),
        Polarity = Polarity.HigherIsBetter,
        Source = SourceName,
        Version = Guid.NewGuid(),
    };

    private static ObservationValue ValueOf(SdgRow row, int indicatorId) =>
        new(indicatorId, row.TerritoryId, row.Year, 0, row.Dimensions, row.Value);

    [GeneratedRegex(@"^indicator_([0-9]+(?:-[0-9]+)+)\.(?:csv|xlsx)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
