using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>The cities and regions of the user's territories, with what each has of a network, facilities and population.</summary>
[Authorize(Roles = SocialAccess.Readers)]
public sealed class IndexModel(QalaDbContext db, SocialAccess access) : PageModel
{
    public sealed record Row(Territory Territory, WalkNetwork? Network, int Facilities, int Points);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync();
        var territories = (await db.Set<Territory>().AsNoTracking()
            .Where(t => t.Kind != TerritoryKind.District && t.Kind != TerritoryKind.Country).ToListAsync(cancellationToken))
            .Where(t => scope.Covers(t.Id)).ToList();
        var networks = await db.Set<WalkNetwork>().AsNoTracking().ToDictionaryAsync(n => n.TerritoryId, cancellationToken);
        var parents = await db.Set<Territory>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.ParentId, cancellationToken);
        var facilities = Tally(await db.Set<SocialFacility>().AsNoTracking().GroupBy(f => f.TerritoryId)
            .Select(g => new KeyValuePair<int, int>(g.Key, g.Count())).ToListAsync(cancellationToken), parents);
        var points = Tally(await db.Set<PopulationPoint>().AsNoTracking().GroupBy(p => p.TerritoryId)
            .Select(g => new KeyValuePair<int, int>(g.Key, g.Count())).ToListAsync(cancellationToken), parents);
        Rows = [.. territories
            .Select(t => new Row(t, networks.GetValueOrDefault(t.Id), facilities.GetValueOrDefault(t.Id), points.GetValueOrDefault(t.Id)))
            .OrderByDescending(r => r.Network is not null).ThenBy(r => r.Territory.Code, StringComparer.Ordinal)];
    }

    /// <summary>How many of the rows lie in each territory, counting a district's rows for its parent too.</summary>
    private static Dictionary<int, int> Tally(IEnumerable<KeyValuePair<int, int>> byTerritory, Dictionary<int, int?> parents)
    {
        var counts = new Dictionary<int, int>();
        foreach (var (id, count) in byTerritory)
        {
            counts[id] = counts.GetValueOrDefault(id) + count;
            if (parents.GetValueOrDefault(id) is { } parent)
            {
                counts[parent] = counts.GetValueOrDefault(parent) + count;
            }
        }

        return counts;
    }
}
