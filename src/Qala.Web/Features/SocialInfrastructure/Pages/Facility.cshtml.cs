using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Investment;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>A facility of the registry, new or existing (<c>/social/{code}/facilities/{id|new}</c>); the territory's editors only.</summary>
[Authorize(Roles = SocialAccess.Editors)]
public sealed class FacilityModel(QalaDbContext db, SocialAccess access, SocialAnalysis analysis, SocialIndicators indicators, PppBacklinks ppp, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class FacilityInput
    {
        public FacilityKind Kind { get; set; } = FacilityKind.Kindergarten;

        [Required, StringLength(SocialFacility.NameLength)]
        public string NameKk { get; set; } = string.Empty;

        [Required, StringLength(SocialFacility.NameLength)]
        public string NameRu { get; set; } = string.Empty;

        [Required, StringLength(SocialFacility.NameLength)]
        public string NameEn { get; set; } = string.Empty;

        public int DistrictId { get; set; }

        [Range(-90, 90)]
        public double Latitude { get; set; }

        [Range(-180, 180)]
        public double Longitude { get; set; }

        [Range(1, int.MaxValue)]
        public int Capacity { get; set; }

        [Range(0, int.MaxValue)]
        public int? Enrolment { get; set; }

        public FacilityState State { get; set; }

        public int? RoadmapActivityId { get; set; }

        public Guid Version { get; set; }
    }

    public Territory Territory { get; private set; } = null!;

    public IReadOnlyList<Territory> Districts { get; private set; } = [];

    public int? Id { get; private set; }

    /// <summary>The roadmap activities of the programs of the territory and its districts, labelled "program: activity".</summary>
    public IReadOnlyList<(int Id, string Label)> Activities { get; private set; } = [];

    /// <summary>The PPP projects that build or run the facility, read-only here, for those who may read them.</summary>
    public IReadOnlyList<PppBacklink> PppProjects { get; private set; } = [];

    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await SocialPages.TerritoryAsync(context, db, access, edit: true) is not { } territory)
        {
            return;
        }

        Territory = territory;
        Districts = [.. (await analysis.AreaAsync(territory.Id, HttpContext.RequestAborted)).OrderBy(d => d.Code, StringComparer.Ordinal)];
        Id = int.TryParse(context.RouteData.Values["id"] as string, out var id) ? id : null;
        var ids = Districts.Select(d => d.Id).ToArray();
        Activities = [.. (await db.Set<RoadmapActivity>().AsNoTracking().Where(a => ids.Contains(a.Task!.Goal!.Direction!.Program!.TerritoryId))
                .Select(a => new { a.Id, Program = a.Task!.Goal!.Direction!.Program!.Name, a.Title }).ToListAsync(HttpContext.RequestAborted))
            .Select(a => (a.Id, $"{a.Program.Current}: {a.Title.Current}")).OrderBy(a => a.Item2, StringComparer.CurrentCulture)];
        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            Input.DistrictId = Territory.Id;
            return Page();
        }

        if (await FindAsync(cancellationToken) is not { } facility)
        {
            return NotFound();
        }

        Input = new FacilityInput
        {
            Kind = facility.Kind,
            NameKk = facility.Name.Kk,
            NameRu = facility.Name.Ru,
            NameEn = facility.Name.En,
            DistrictId = facility.TerritoryId,
            Latitude = facility.Latitude,
            Longitude = facility.Longitude,
            Capacity = facility.Capacity,
            Enrolment = facility.Enrolment,
            State = facility.State,
            RoadmapActivityId = facility.RoadmapActivityId,
            Version = facility.Version,
        };
        PppProjects = await ppp.OfFacilityAsync(User, facility.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Districts.All(d => d.Id != Input.DistrictId))
        {
            ModelState.AddModelError("Input.DistrictId", t["Choose a district of this territory."]);
        }

        if (Input.RoadmapActivityId is { } activity && Activities.All(a => a.Id != activity))
        {
            ModelState.AddModelError("Input.RoadmapActivityId", t["Choose an activity of a program of this territory."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        SocialFacility facility;
        if (Id is null)
        {
            facility = new SocialFacility { Name = LocalizedText.Of("", "", "") };
            db.Add(facility);
        }
        else if (await FindAsync(cancellationToken) is { } found)
        {
            facility = found;
            db.Entry(facility).Property(f => f.Version).OriginalValue = Input.Version;
        }
        else
        {
            return NotFound();
        }

        facility.Kind = Input.Kind;
        facility.Name = LocalizedText.Of(Input.NameKk.Trim(), Input.NameRu.Trim(), Input.NameEn.Trim());
        facility.TerritoryId = Input.DistrictId;
        facility.Latitude = Input.Latitude;
        facility.Longitude = Input.Longitude;
        facility.Capacity = Input.Capacity;
        facility.Enrolment = Input.Enrolment;
        facility.State = Input.State;
        facility.RoadmapActivityId = Input.RoadmapActivityId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        await indicators.RecomputeAsync(Territory.Id, cancellationToken);
        return Redirect($"/social/{Territory.Code}/facilities");
    }

    private async Task<SocialFacility?> FindAsync(CancellationToken cancellationToken)
    {
        var ids = Districts.Select(d => d.Id).ToArray();
        return await db.Set<SocialFacility>().SingleOrDefaultAsync(f => f.Id == Id && ids.Contains(f.TerritoryId), cancellationToken);
    }
}
