using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.SourceFacts;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Home.Pages;

[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db) : PageModel
{
    public IReadOnlyList<CityOverview> Cities { get; private set; } = [];

    public int RegionCount { get; private set; }

    public int AgencyCount { get; private set; }

    public int DocumentCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var facts = await db.Set<SourceFact>().AsNoTracking()
            .Include(f => f.Territory).Include(f => f.SourceDocument)
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        Cities = [.. facts.GroupBy(f => f.TerritoryId)
            .Select(g => new CityOverview(g.First().Territory!, g.ToList()))
            .OrderBy(c => c.Territory.Code, StringComparer.Ordinal)];
        RegionCount = await db.Set<Territory>().CountAsync(
            t => (t.Kind == TerritoryKind.Region || t.Kind == TerritoryKind.CityOfRepublicanSignificance) && t.ValidTo == null, cancellationToken);
        AgencyCount = await db.Set<Agency>().CountAsync(a => a.IsActive, cancellationToken);
        DocumentCount = await db.Set<SourceDocument>().CountAsync(cancellationToken);
    }

    public sealed record CityOverview(Territory Territory, IReadOnlyList<SourceFact> Facts);
}
