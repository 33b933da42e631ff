using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>
/// A territory's street network (an OpenStreetMap .osm.pbf extract), its district outlines (GeoJSON) and the facilities
/// tagged in its extract. Each upload is checked whole and saved all or nothing. The territory's editors only.
/// </summary>
[Authorize(Roles = SocialAccess.Editors)]
[RequestSizeLimit(MaxSize + 64 * 1024)]
public sealed class ImportNetworkModel(QalaDbContext db, SocialAccess access, SocialStore store, IStringLocalizer<SharedResource> t) : PageModel
{
    public const long MaxSize = 100 * 1024 * 1024;

    public Territory Territory { get; private set; } = null!;

    public WalkNetwork? Network { get; private set; }

    public int Outlines { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public int OsmCapacity { get; set; } = 100;

    public StoreResult? Result { get; private set; }

    public string? Done { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await SocialPages.TerritoryAsync(context, db, access, edit: true) is not { } territory)
        {
            return;
        }

        Territory = territory;
        await next();
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostNetworkAsync(CancellationToken cancellationToken)
    {
        if (await ContentAsync(cancellationToken) is { } content)
        {
            Result = await store.SaveNetworkAsync(Territory, Upload!.FileName, content, isDemo: false, cancellationToken);
            Done = Result.Succeeded ? t["The street network is saved: {0} nodes.", Result.Count].Value : null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOutlinesAsync(CancellationToken cancellationToken)
    {
        if (await ContentAsync(cancellationToken) is { } content)
        {
            Result = await store.SaveOutlinesAsync(Territory, new MemoryStream(content, writable: false), isDemo: false, cancellationToken);
            Done = Result.Succeeded ? t["District outlines saved: {0}.", Result.Count].Value : null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOsmFacilitiesAsync(CancellationToken cancellationToken)
    {
        Result = await store.AddOsmFacilitiesAsync(Territory, OsmCapacity, isDemo: false, cancellationToken);
        Done = Result.Succeeded ? t["Facilities added from OpenStreetMap: {0}.", Result.Count].Value : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<byte[]?> ContentAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose a file that is not empty."]);
            return null;
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Network = await db.Set<WalkNetwork>().AsNoTracking().SingleOrDefaultAsync(n => n.TerritoryId == Territory.Id, cancellationToken);
        Outlines = await db.Set<DistrictOutline>().CountAsync(o => o.Territory!.ParentId == Territory.Id || o.TerritoryId == Territory.Id, cancellationToken);
    }
}
