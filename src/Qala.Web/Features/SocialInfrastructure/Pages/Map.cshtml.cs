using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>
/// The map of a territory's access to a kind of facility (wwwroot/js/social-map.js draws it with Leaflet): district
/// outlines coloured by coverage, facilities by state and load, the worst-served points, and a click for "what if".
/// Its data comes from the handlers <c>Data</c> and <c>WhatIf</c> as JSON; tiles only when a tile server is set.
/// </summary>
[Authorize(Roles = SocialAccess.Readers)]
public sealed class MapModel(QalaDbContext db, SocialAccess access, SocialAnalysis analysis, IOptions<SocialOptions> options) : PageModel
{
    public Territory Territory { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public FacilityKind Kind { get; set; } = FacilityKind.Kindergarten;

    public SocialOptions Settings => options.Value;

    public bool IsDemo { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await SocialPages.TerritoryAsync(context, db, access, edit: false) is not { } territory)
        {
            return;
        }

        Territory = territory;
        await next();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        IsDemo = await db.Set<WalkNetwork>().AnyAsync(n => n.TerritoryId == Territory.Id && n.IsDemo, cancellationToken);

    public async Task<IActionResult> OnGetDataAsync(CancellationToken cancellationToken)
    {
        var report = await analysis.ComputeAsync(Territory, Kind, cancellationToken);
        var area = (await analysis.AreaAsync(Territory.Id, cancellationToken)).ToDictionary(t => t.Id);
        var ids = area.Keys.ToArray();
        var outlines = await db.Set<DistrictOutline>().AsNoTracking().Where(o => ids.Contains(o.TerritoryId)).ToListAsync(cancellationToken);
        var districts = report.Districts.ToDictionary(d => d.District.Id);
        return new JsonResult(new
        {
            radius = report.Radius,
            share = report.Share,
            shortage = report.Shortage,
            districts = outlines.Select(o => new
            {
                code = area[o.TerritoryId].Code,
                name = area[o.TerritoryId].Name.Current,
                share = districts.GetValueOrDefault(o.TerritoryId)?.Share,
                shortage = districts.GetValueOrDefault(o.TerritoryId)?.Shortage,
                geometry = JsonNode.Parse(o.Geometry),
            }),
            facilities = report.Facilities.Select(f => new
            {
                id = f.Facility.Id,
                name = f.Facility.Name.Current,
                lat = f.Facility.Latitude,
                lon = f.Facility.Longitude,
                state = f.Facility.State.ToString(),
                capacity = f.Facility.Capacity,
                enrolment = f.Facility.Enrolment,
                load = f.Facility.Enrolment is { } enrolment && f.Facility.Capacity > 0 ? (double)enrolment / f.Facility.Capacity : (double?)null,
                ratio = f.Ratio,
                counted = f.Counted,
            }),
            streets = Streets(report),
            worst = report.WorstServed.Select(p => new { lat = p.Point.Latitude, lon = p.Point.Longitude, demand = p.Demand, access = p.Access }),
        });
    }

    /// <summary>Each street segment once, as latitude, longitude, latitude, longitude in a flat list (to 1 m or so).</summary>
    private static List<double> Streets(AccessReport report)
    {
        var streets = new List<double>();
        if (report.Loaded?.Graph is not { } graph)
        {
            return streets;
        }

        for (var from = 0; from < graph.NodeCount; from++)
        {
            for (var e = graph.FirstEdge[from]; e < graph.FirstEdge[from + 1]; e++)
            {
                var to = graph.Targets[e];
                if (from < to)
                {
                    streets.Add(Math.Round(graph.Latitudes[from], 5));
                    streets.Add(Math.Round(graph.Longitudes[from], 5));
                    streets.Add(Math.Round(graph.Latitudes[to], 5));
                    streets.Add(Math.Round(graph.Longitudes[to], 5));
                }
            }
        }

        return streets;
    }

    public async Task<IActionResult> OnGetWhatIfAsync(double lat, double lon, int capacity, CancellationToken cancellationToken)
    {
        if (capacity <= 0)
        {
            return BadRequest();
        }

        var report = await analysis.ComputeAsync(Territory, Kind, cancellationToken);
        return report.WhatIf(lat, lon, capacity) is { } gain
            ? new JsonResult(new { coveredGain = gain.CoveredGain, shortageBefore = gain.ShortageBefore, shortageAfter = gain.ShortageAfter, snap = gain.SnapDistance })
            : new JsonResult(new { tooFar = true, maxSnapDistance = report.MaxSnapDistance });
    }
}
