using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>
/// The regions and cities of republican significance compared on one indicator in one year: ranked by value with the
/// indicator's polarity ("1, 2, 2, 4"), among the territories valid in that year, with a bar chart. <see cref="Among"/>
/// compares the cities of regional significance, or the towns of district significance, instead.
/// </summary>
[AllowAnonymous]
public sealed class CompareModel(QalaDbContext db, Scorecards scorecards) : PageModel
{
    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Which territories are compared: <see cref="Scorecards.RegionPeers"/> (the default), <see cref="Scorecards.CityPeers"/> or <see cref="Scorecards.TownPeers"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Among { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int Valid { get; private set; }

    public IReadOnlyList<(Territory Territory, double? Value, int? Rank)> Rows { get; private set; } = [];

    public string? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string code, CancellationToken cancellationToken)
    {
        var indicator = await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = indicator;
        Among = Among is Scorecards.CityPeers or Scorecards.TownPeers ? Among : Scorecards.RegionPeers;
        TerritoryKind[] kinds = Among switch
        {
            Scorecards.CityPeers => [TerritoryKind.City],
            Scorecards.TownPeers => [TerritoryKind.Town],
            _ => [TerritoryKind.Region, TerritoryKind.CityOfRepublicanSignificance],
        };
        var peers = await db.Set<Territory>().AsNoTracking().Where(t => kinds.Contains(t.Kind)).ToListAsync(cancellationToken);
        var series = await scorecards.YearlyAsync([indicator.Id], [.. peers.Select(p => p.Id)], null, cancellationToken);
        Years = [.. series.Values.SelectMany(v => v).Select(v => v.Year).Distinct().OrderDescending()];
        if (Years.Count == 0)
        {
            return Page();
        }

        var year = Year is { } y && Years.Contains(y) ? y : Years[0];
        Year = year;
        var valid = peers.Where(p => LongImport.ExistedIn(p, Period.OfYear(year))).ToList();
        Valid = valid.Count;
        var values = valid.Select(p => series.GetValueOrDefault((indicator.Id, p.Id))?.FirstOrDefault(v => v.Year == year).Value).ToList();
        var ranks = indicator.Polarity == Polarity.TargetRange
            ? values.Select(_ => (int?)null).ToArray()
            : Ranking.Competition([.. values.Select(v => indicator.Polarity == Polarity.LowerIsBetter ? -v : v)]);
        Rows = [.. valid.Select((p, i) => (p, values[i], ranks[i])).OrderBy(r => r.Item3 ?? int.MaxValue).ThenBy(r => r.p.Code, StringComparer.Ordinal)];
        var charted = Rows.Where(r => r.Value is not null).ToList();
        Chart = JsonSerializer.Serialize(
            new
            {
                type = "bar",
                horizontal = true,
                labels = charted.Select(r => r.Territory.Name.Current),
                datasets = new[] { new { label = indicator.Code, data = charted.Select(r => r.Value) } },
            },
            ChartJson);
        return Page();
    }
}
