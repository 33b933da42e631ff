using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>
/// A territory's access to one kind of facility: coverage within the norm, the balance of places per district, the
/// worst-served points, what was too far from every street, and the "what if" of a new facility
/// (<c>?lat=&amp;lon=&amp;capacity=</c>). Officials of the territory read it; its editors record the shares as indicators.
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
