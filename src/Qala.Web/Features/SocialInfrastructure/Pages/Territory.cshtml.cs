using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>
/// A territory's access to one kind of facility: coverage within the norm, the balance of places per district, the
/// worst-served points, what was too far from every street, and the "what if" of a new facility
/// (<c>?lat=&amp;lon=&amp;capacity=</c>, or <c>?facility=</c> for the planned site and places of a roadmap activity's facility). Officials of the territory read it; its editors record the shares as indicators.
/// </summary>
[Authorize(Roles = SocialAccess.Readers)]
public sealed class TerritoryModel(QalaDbContext db, SocialAccess access, SocialAnalysis analysis, SocialIndicators indicators) : PageModel
{
    public Territory Territory { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public FacilityKind Kind { get; set; } = FacilityKind.Kindergarten;

    [BindProperty(SupportsGet = true, Name = "lat")]
    public double? Latitude { get; set; }

    [BindProperty(SupportsGet = true, Name = "lon")]
    public double? Longitude { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Capacity { get; set; }

    /// <summary>A planned facility of a roadmap activity whose site and places the what-if takes.</summary>
    [BindProperty(SupportsGet = true, Name = "facility")]
    public int? FacilityId { get; set; }

    /// <summary>The kind's facilities of the area that roadmap activities plan or build, not operating yet.</summary>
    public IReadOnlyList<SocialFacility> ActivityFacilities { get; private set; } = [];

    public AccessReport Report { get; private set; } = null!;

    public WhatIfResult? WhatIf { get; private set; }

    public bool WhatIfTooFar { get; private set; }

    public bool CanEdit { get; private set; }

    [TempData]
    public int? Recorded { get; set; }

    public string IndicatorCode => SocialIndicators.CodeOf(Kind, Report.Radius);

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
        Report = await analysis.ComputeAsync(Territory, Kind, cancellationToken);
        var ids = (await analysis.AreaAsync(Territory.Id, cancellationToken)).Select(t => t.Id).ToArray();
        ActivityFacilities = await db.Set<SocialFacility>().AsNoTracking().Include(f => f.RoadmapActivity)
            .Where(f => ids.Contains(f.TerritoryId) && f.Kind == Kind && f.RoadmapActivityId != null && f.State != FacilityState.Operating)
            .OrderBy(f => f.Id).ToListAsync(cancellationToken);
        if (FacilityId is { } chosen && ActivityFacilities.FirstOrDefault(f => f.Id == chosen) is { } planned)
        {
            (Latitude, Longitude, Capacity) = (planned.Latitude, planned.Longitude, planned.Capacity);
        }

        if (Latitude is { } latitude && Longitude is { } longitude && Capacity is > 0 and { } capacity)
        {
            WhatIf = Report.WhatIf(latitude, longitude, capacity);
            WhatIfTooFar = WhatIf is null && Report.HasNetwork;
        }
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var report = await analysis.ComputeAsync(Territory, Kind, cancellationToken);
        Recorded = report.HasNetwork ? await indicators.RecordAsync(report, cancellationToken) : 0;
        return RedirectToPage(new { code = Territory.Code, kind = Kind });
    }

    public static string Number(double value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
