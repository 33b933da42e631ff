using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>
/// One indicator: its current values by territory (rows) and year (columns) for one combination of dimension values —
/// the total when the indicator has one, otherwise the combination with the fewest dimensions, or the one chosen.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(QalaDbContext db) : PageModel
{
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
        var current = db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicator.Id && o.IsCurrent);
        Series = [.. (await current.Select(o => o.Dimensions).Distinct().ToListAsync(cancellationToken))
            .OrderBy(d => d.Length == 0 ? 0 : d.Count(c => c == ';') + 1).ThenBy(d => d, StringComparer.Ordinal)];
        Dimensions = Chosen is { } chosen && Series.Contains(chosen, StringComparer.Ordinal) ? chosen : Series.Count > 0 ? Series[0] : null;
        if (Dimensions is null)
        {
            return Page();
        }

        var values = await current.Where(o => o.Dimensions == Dimensions)
            .Select(o => new { o.TerritoryId, o.Year, o.Value }).ToListAsync(cancellationToken);
        var territoryIds = values.Select(v => v.TerritoryId).Distinct().ToList();
        var territories = await db.Set<Territory>().AsNoTracking().Where(t => territoryIds.Contains(t.Id)).ToListAsync(cancellationToken);
        Years = [.. values.Select(v => v.Year).Distinct().Order()];
        Rows = [.. territories
            .OrderBy(t => t.Kind).ThenBy(t => t.Name.Current, StringComparer.CurrentCulture)
            .Select(t => (t, values.Where(v => v.TerritoryId == t.Id).ToDictionary(v => v.Year, v => v.Value)))];
        return Page();
    }
}
