using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qala.Web.Data;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>The indicator catalog: code, name and how many current values each indicator has.</summary>
[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db) : PageModel
{
    public IReadOnlyList<(Indicator Indicator, int Observations)> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Indicators = await IndicatorQueries.CatalogAsync(db, cancellationToken);
}
