using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>
/// A territory's scorecard: its indicators (or the governors' KPIs) against one target set, the lagging first, with
/// ranks among the territories valid in each year and, for the KPIs of a region, the composite rank.
/// </summary>
[AllowAnonymous]
public sealed class ScorecardModel(Scorecards scorecards) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Set { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Kpi { get; set; }

    public Scorecard Scorecard { get; private set; } = null!;

    public KpiComposite? Composite { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string territory, CancellationToken cancellationToken)
    {
        var scorecard = await scorecards.ForAsync(territory, Set, Kpi, cancellationToken);
        if (scorecard is null)
        {
            return NotFound();
        }

        Scorecard = scorecard;
        Composite = Kpi ? await scorecards.KpiCompositeAsync(scorecard.Territory, cancellationToken) : null;
        return Page();
    }
}
