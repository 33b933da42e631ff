using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qala.Web.Data;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>The indicator catalog: code, name and how many current values each indicator has.</summary>
[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db) : PageModel
{
    /// <summary>Words to find in the code or the name in any language.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<(Indicator Indicator, int Observations)> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var catalog = await IndicatorQueries.CatalogAsync(db, cancellationToken);
        var words = (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Indicators = [.. catalog.Where(c => words.All(w =>
            c.Indicator.Code.Contains(w, StringComparison.OrdinalIgnoreCase)
            || c.Indicator.Name.Kk.Contains(w, StringComparison.CurrentCultureIgnoreCase)
            || c.Indicator.Name.Ru.Contains(w, StringComparison.CurrentCultureIgnoreCase)
            || c.Indicator.Name.En.Contains(w, StringComparison.CurrentCultureIgnoreCase)))];
    }
}
