using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>
/// One indicator: its current values by territory (rows) and year (columns) for one combination of dimension values —
/// the total when the indicator has one, otherwise the combination with the fewest dimensions, or the one chosen.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(QalaDbContext db, Scorecards scorecards, ObservationExport export, IStringLocalizer<SharedResource> t) : PageModel
{
    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true, Name = "territory")]
    public string? ChosenTerritory { get; set; }

    /// <summary>The territory the chart follows: the one chosen, else the country, else the first with values.</summary>
    public Territory? ChartTerritory { get; private set; }

    /// <summary>The chart of actual values, targets and the forecast, as the JSON that wwwroot/js/charts.js draws.</summary>
    public string? Chart { get; private set; }

    public IndicatorAssessment? Assessment { get; private set; }

    public TargetSet? TargetSet { get; private set; }

    public IReadOnlyList<Revision> Revisions { get; private set; } = [];

    /// <summary>For a derived indicator, the codes of its input and denominator.</summary>
    public (string? Input, string? Denominator) DerivedFrom { get; private set; }

    /// <summary>A corrected value: what it was, what it became, and where the correction came from.</summary>
    public sealed record Revision(string Territory, int Year, string Dimensions, decimal Old, decimal New, int Number, DateTimeOffset RecordedAt, string? RecordedBy, long? ImportBatchId);

    [BindProperty(SupportsGet = true, Name = "dimensions")]
    public string? Chosen { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public IReadOnlyList<string> Series { get; private set; } = [];

    public string? Dimensions { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<(Territory Territory, Dictionary<int, decimal> Values)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] string code, CancellationToken cancellationToken)
    {
        var indicator = await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = indicator;
        if (indicator.Derivation is not null)
        {
            var sources = await db.Set<Indicator>().Where(i => i.Id == indicator.InputIndicatorId || i.Id == indicator.DenominatorIndicatorId)
                .ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
            DerivedFrom = (sources.GetValueOrDefault(indicator.InputIndicatorId ?? 0), sources.GetValueOrDefault(indicator.DenominatorIndicatorId ?? 0));
        }

        var current = db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicator.Id && o.IsCurrent);
        // The headline series (see Scorecards.HeadlineOf) comes first.
        Series = [.. (await current.Select(o => o.Dimensions).Distinct().ToListAsync(cancellationToken))
            .OrderBy(d => d.Length == 0 ? 0 : d.Count(c => c == ';') + 1).ThenBy(d => d, StringComparer.Ordinal)];
        Dimensions = Chosen is { } chosen && Series.Contains(chosen, StringComparer.Ordinal) ? chosen : Series.Count > 0 ? Series[0] : null;
        if (Dimensions is null)
        {
            return Page();
        }

        var values = await current.Where(o => o.Dimensions == Dimensions)
            .OrderBy(o => o.PeriodNumber).Select(o => new { o.TerritoryId, o.Year, o.Value }).ToListAsync(cancellationToken);
        var territoryIds = values.Select(v => v.TerritoryId).Distinct().ToList();
        var territories = await db.Set<Territory>().AsNoTracking().Where(t => territoryIds.Contains(t.Id)).ToListAsync(cancellationToken);
        Years = [.. values.Select(v => v.Year).Distinct().Order()];
        Rows = [.. territories
            .OrderBy(t => t.Kind).ThenBy(t => t.Name.Current, StringComparer.CurrentCulture)
            .Select(t => (t, values.Where(v => v.TerritoryId == t.Id).GroupBy(v => v.Year).ToDictionary(g => g.Key, g => g.Last().Value)))];
        ChartTerritory = Rows.Select(r => r.Territory).FirstOrDefault(t => t.Code == ChosenTerritory)
            ?? Rows.Select(r => r.Territory).FirstOrDefault(t => t.Kind == TerritoryKind.Country)
            ?? Rows.Select(r => r.Territory).FirstOrDefault();
        if (ChartTerritory is not null)
        {
            await ChartAsync(indicator, ChartTerritory, cancellationToken);
        }

        await RevisionsAsync(indicator, cancellationToken);
        return Page();
    }

    /// <summary>The indicator's current values in the long layout: csv, xlsx or json.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromRoute] string code, string? format, CancellationToken cancellationToken)
    {
        var indicator = await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        var (dimensions, rows) = await export.ReadAsync(indicator, cancellationToken);
        var name = "qala-" + indicator.Code.Replace('.', '-');
        switch (format)
        {
            case "json":
                return new JsonResult(rows.Select(r => new { r.Territory, r.Period, r.Dimensions, r.Value, r.Revision }));
            case "xlsx":
                using (var buffer = new MemoryStream())
                {
                    SpreadsheetWriter.Write(ObservationExport.Workbook(indicator, dimensions, rows), buffer, CultureInfo.CurrentCulture);
                    return File(buffer.ToArray(), SpreadsheetWriter.ContentType, name + SpreadsheetWriter.FileExtension);
                }

            default:
                return File(ObservationExport.Csv(indicator, dimensions, rows), "text/csv; charset=utf-8", name + ".csv");
        }
    }

    private async Task ChartAsync(Indicator indicator, Territory territory, CancellationToken cancellationToken)
    {
        var scorecard = await scorecards.ForAsync(territory.Code, null, false, cancellationToken, indicator.Id);
        TargetSet = scorecard?.Set;
        Assessment = scorecard?.Lines.FirstOrDefault(l => l.Indicator.Id == indicator.Id)?.Assessment;
        var series = (await scorecards.YearlyAsync([indicator.Id], [territory.Id], null, cancellationToken)).GetValueOrDefault((indicator.Id, territory.Id)) ?? [];
        var targets = TargetSet is null ? [] : await db.Set<IndicatorTarget>().AsNoTracking()
            .Where(t => t.TargetSetId == TargetSet.Id && t.IndicatorId == indicator.Id && t.TerritoryId == territory.Id && !t.IsBaseline).ToListAsync(cancellationToken);
        var lastYear = Math.Max(series.Count > 0 ? series[^1].Year : 0, targets.Count > 0 ? targets.Max(t => t.Year) : 0);
        var firstYear = Math.Min(series.Count > 0 ? series[0].Year : lastYear, targets.Count > 0 ? targets.Min(t => t.Year) : lastYear);
        if (lastYear == 0)
        {
            return;
        }

        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        var actual = years.Select(y => series.FirstOrDefault(v => v.Year == y).Value).ToList();
        var target = years.Select(y => targets.FirstOrDefault(t => t.Year == y) is { } t ? (double?)t.Value : null).ToList();
        var lastActual = series.Count > 0 ? series[^1].Year : lastYear;
        var forecasts = years.Select(y => y > lastActual ? Forecast.ToYear(series, y) : null).ToList();
        var hasForecast = forecasts.Any(f => f is not null);
        Chart = JsonSerializer.Serialize(
            new
            {
                type = "line",
                labels = years,
                datasets = new object[]
                {
                    new { label = t["Value"].Value, data = actual },
                    new { label = t["Target"].Value, data = target, line = false, colour = "#198754" },
                }.Concat(hasForecast
                    ? [
                        new { label = t["Forecast"].Value, data = forecasts.Select(f => f?.Value).ToList(), dashed = true, colour = "#6c757d" },
                        new { label = t["Forecast, 90 % interval"].Value, data = forecasts.Select(f => f?.Upper).ToList(), dashed = true, colour = "#ced4da", points = false },
                        new { label = "", data = forecasts.Select(f => f?.Lower).ToList(), dashed = true, colour = "#ced4da", points = false },
                    ]
                    : Array.Empty<object>()),
            },
            ChartJson);
    }

    private async Task RevisionsAsync(Indicator indicator, CancellationToken cancellationToken)
    {
        var corrected = await db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicator.Id && o.Revision > 1)
            .OrderByDescending(o => o.Id).Take(50)
            .Select(o => new { o.TerritoryId, Territory = o.Territory!.Code, o.Year, o.PeriodNumber, o.Dimensions, o.Value, o.Revision, o.RecordedAt, o.RecordedBy, o.ImportBatchId })
            .ToListAsync(cancellationToken);
        var keys = corrected.Select(c => c.TerritoryId).Distinct().ToList();
        var earlier = await db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicator.Id && keys.Contains(o.TerritoryId) && !o.IsCurrent)
            .Select(o => new { o.TerritoryId, o.Year, o.PeriodNumber, o.Dimensions, o.Revision, o.Value }).ToListAsync(cancellationToken);
        Revisions = [.. corrected.Select(c => new Revision(
            c.Territory, c.Year, c.Dimensions,
            earlier.FirstOrDefault(e => e.TerritoryId == c.TerritoryId && e.Year == c.Year && e.PeriodNumber == c.PeriodNumber && e.Dimensions == c.Dimensions && e.Revision == c.Revision - 1)?.Value ?? 0,
            c.Value, c.Revision, c.RecordedAt, c.RecordedBy, c.ImportBatchId))];
    }
}
