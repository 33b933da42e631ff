using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Territories.Pages;

[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db) : PageModel
{
    public IReadOnlyList<Territory> Current { get; private set; } = [];

    public IReadOnlyList<Territory> Former { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var units = await db.Set<Territory>().AsNoTracking()
            .Where(t => t.Kind == TerritoryKind.Region || t.Kind == TerritoryKind.CityOfRepublicanSignificance)
            .Include(t => t.Children).Include(t => t.Predecessor)
            .ToListAsync(cancellationToken);
        var ordered = units.OrderBy(t => t.Kind == TerritoryKind.Region).ThenBy(t => t.Name.Current, StringComparer.CurrentCulture).ToList();
        Current = [.. ordered.Where(t => t.ValidTo is null)];
        Former = [.. ordered.Where(t => t.ValidTo is not null)];
    }
}
