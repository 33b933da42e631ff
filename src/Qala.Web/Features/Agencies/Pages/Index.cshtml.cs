using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Agencies.Pages;

[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db, UserScope scope) : PageModel
{
    public IReadOnlyList<IGrouping<Territory, Agency>> ByTerritory { get; private set; } = [];

    /// <summary>Where the signed-in user may edit; nothing for visitors.</summary>
    public UserScopeInfo Scope { get; private set; } = UserScopeInfo.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Set<Agency>().AsNoTracking().Include(a => a.Territory)
            .Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        ByTerritory = [.. agencies.GroupBy(a => a.Territory!, TerritoryById.Instance)];
        Scope = await scope.CurrentAsync(cancellationToken);
    }

    private sealed class TerritoryById : IEqualityComparer<Territory>
    {
        public static readonly TerritoryById Instance = new();

        public bool Equals(Territory? x, Territory? y) => x?.Id == y?.Id;

        public int GetHashCode(Territory obj) => obj.Id;
    }
}
