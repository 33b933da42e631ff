using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>The facility registry of a territory and its districts; officials of the territory read it, its editors change it.</summary>
[Authorize(Roles = SocialAccess.Readers)]
public sealed class FacilitiesModel(QalaDbContext db, SocialAccess access, SocialAnalysis analysis) : PageModel
{
    public Territory Territory { get; private set; } = null!;

    public IReadOnlyList<SocialFacility> Facilities { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await SocialPages.TerritoryAsync(context, db, access, edit: false) is not { } territory)
        {
            return;
        }

        Territory = territory;
        CanEdit = await access.CanEditAsync(User, territory.Id);
        await next();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var ids = (await analysis.AreaAsync(Territory.Id, cancellationToken)).Select(t => t.Id).ToArray();
        Facilities = await db.Set<SocialFacility>().AsNoTracking().Include(f => f.Territory).Where(f => ids.Contains(f.TerritoryId))
            .OrderBy(f => f.Kind).ThenBy(f => f.Id).ToListAsync(cancellationToken);
    }
}
