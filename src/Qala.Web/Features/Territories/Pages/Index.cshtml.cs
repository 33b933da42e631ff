using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Territories.Pages;

[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db) : PageModel
{
    /// <summary>Part of a name (in any of the three languages) or of a code.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Territory> Current { get; private set; } = [];

    public IReadOnlyList<Territory> Former { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The table rows alone, for htmx to swap in while the user types.</summary>
    public async Task<PartialViewResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_TerritoryRows", Current);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var units = await db.Set<Territory>().AsNoTracking()
            .Where(t => t.Kind == TerritoryKind.Region || t.Kind == TerritoryKind.CityOfRepublicanSignificance)
            .Include(t => t.Children)
            .ToListAsync(cancellationToken);
        var ordered = units.Where(Matches)
            .OrderBy(t => t.Kind == TerritoryKind.Region).ThenBy(t => t.Name.Current, StringComparer.CurrentCulture).ToList();
        Current = [.. ordered.Where(t => t.ValidTo is null)];
        Former = [.. ordered.Where(t => t.ValidTo is not null)];
    }

    private bool Matches(Territory territory)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            return true;
        }

        var compare = CultureInfo.CurrentCulture.CompareInfo;
        var query = Query.Trim();
        return new[] { territory.Code, territory.Name.Kk, territory.Name.Ru, territory.Name.En }
            .Any(text => compare.IndexOf(text, query, CompareOptions.IgnoreCase) >= 0);
    }
}
