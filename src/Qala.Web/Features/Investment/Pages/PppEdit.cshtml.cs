using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>One year's row of the obligations form.</summary>
public sealed class ObligationInput
{
    public int? Year { get; set; }

    public decimal? Republican { get; set; }

    public decimal? Local { get; set; }
}

/// <summary>Creates or edits a PPP project (<c>/investment/ppp/new</c>) and moves it to its next stage. Its editors only.</summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.AgencyOfficer}")]
public sealed class PppEditModel(
    QalaDbContext db, InvestmentAccess access, InvestmentChoices choices, Deadlines deadlines, IStringLocalizer<SharedResource> t) : PageModel
{
    public PppProject? Project { get; private set; }

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The roadmap activities of the territories the editor may choose.</summary>
    public IReadOnlyList<LinkChoice> ActivityChoices { get; private set; } = [];

    /// <summary>The social facilities of the territories the editor may choose.</summary>
    public IReadOnlyList<LinkChoice> FacilityChoices { get; private set; } = [];

    /// <summary>The activities the saved project is linked to.</summary>
    public IReadOnlyList<LinkChoice> LinkedActivities => Project is null ? [] : [.. ActivityChoices.Where(a => Project.Activities.Any(l => l.RoadmapActivityId == a.Id))];

    /// <summary>The facilities the saved project is linked to.</summary>
    public IReadOnlyList<LinkChoice> LinkedFacilities => Project is null ? [] : [.. FacilityChoices.Where(f => Project.Facilities.Any(l => l.SocialFacilityId == f.Id))];

    public DateOnly Today => deadlines.Today;

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    public PppSector Sector { get; set; }

    [BindProperty]
    public int TerritoryId { get; set; }

    [BindProperty]
    public int ResponsibleAgencyId { get; set; }

    [BindProperty]
    public string? PrivatePartner { get; set; }

    [BindProperty]
    public decimal ContractValue { get; set; }

    [BindProperty]
    public List<ObligationInput> Obligations { get; set; } = [];

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    [BindProperty]
    public List<int> ActivityIds { get; set; } = [];

    [BindProperty]
    public List<int> FacilityIds { get; set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Project is { } p)
        {
            (Name, Sector, TerritoryId, ResponsibleAgencyId, PrivatePartner, ContractValue, Version) =
                (LocalizedTextInput.From(p.Name), p.Sector, p.TerritoryId, p.ResponsibleAgencyId, p.PrivatePartner, p.ContractValue, p.Version);
            Obligations = [.. p.Obligations.OrderBy(o => o.Year).Select(o => new ObligationInput { Year = o.Year, Republican = o.Republican, Local = o.Local })];
            (Latitude, Longitude) = (Coordinates.Format(p.Latitude), Coordinates.Format(p.Longitude));
            (ActivityIds, FacilityIds) = ([.. p.Activities.Select(a => a.RoadmapActivityId)], [.. p.Facilities.Select(f => f.SocialFacilityId)]);
        }

        Obligations.AddRange(Enumerable.Range(0, 3).Select(_ => new ObligationInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (TerritoryId > 0 && ResponsibleAgencyId > 0 && !await access.CanEditAsync(User, TerritoryId, ResponsibleAgencyId))
        {
            return Forbid();
        }

        if (Territories.All(x => x.Id != TerritoryId))
        {
            ModelState.AddModelError(nameof(TerritoryId), t["Choose a territory."]);
        }

        if (Agencies.All(x => x.Id != ResponsibleAgencyId))
        {
            ModelState.AddModelError(nameof(ResponsibleAgencyId), t["Choose the responsible agency."]);
        }

        var filled = Obligations.Where(o => o.Year is not null).Select(o => (Year: o.Year!.Value, Republican: o.Republican ?? 0, Local: o.Local ?? 0)).ToList();
        if (ContractValue < 0 || filled.Any(o => o.Republican < 0 || o.Local < 0))
        {
            ModelState.AddModelError(nameof(Obligations), t["Money cannot be negative."]);
        }

        if (filled.GroupBy(o => o.Year).Any(g => g.Count() > 1))
        {
            ModelState.AddModelError(nameof(Obligations), t["Each year appears once."]);
        }

        Coordinates.Validate(ModelState, string.Empty, Latitude, Longitude, t);
        var own = await choices.WithDistrictsAsync(TerritoryId, cancellationToken);
        if (ActivityIds.Except(ActivityChoices.Where(a => own.Contains(a.TerritoryId)).Select(a => a.Id)).Any())
        {
            ModelState.AddModelError(nameof(ActivityIds), t["Link only roadmap activities of the project's territory."]);
        }

        if (FacilityIds.Except(FacilityChoices.Where(f => own.Contains(f.TerritoryId)).Select(f => f.Id)).Any())
        {
            ModelState.AddModelError(nameof(FacilityIds), t["Link only social facilities of the project's territory."]);
        }

        if (!ModelState.IsValid)
        {
            Obligations.AddRange(Enumerable.Range(0, 3).Select(_ => new ObligationInput()));
            return Page();
        }

        var project = Project;
        if (project is null)
        {
            project = PppProject.Create(Name.ToText(), Sector, TerritoryId, ResponsibleAgencyId, Today);
            db.Add(project);
        }
        else
        {
            db.Entry(project).Property(p => p.Version).OriginalValue = Version;
        }

        (project.Name, project.Sector, project.TerritoryId, project.ResponsibleAgencyId) = (Name.ToText(), Sector, TerritoryId, ResponsibleAgencyId);
        (project.PrivatePartner, project.ContractValue) = ((PrivatePartner ?? string.Empty).Trim(), ContractValue);
        project.SetObligations(filled);
        (project.Latitude, project.Longitude) = (Coordinates.Parse(Latitude), Coordinates.Parse(Longitude));
        project.Link([.. ActivityIds.Distinct()], [.. FacilityIds.Distinct()]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The PPP project has been saved."].Value;
        return Redirect($"/investment/ppp/{project.Id}");
    }

    /// <summary>Moves the project to its next stage today.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string id, PppStage to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Project is null)
        {
            return NotFound();
        }

        db.Entry(Project).Property(p => p.Version).OriginalValue = Version;
        if (Project.MoveTo(to, Today) is { } problem)
        {
            TempData["Error"] = t[problem].Value;
            return Redirect($"/investment/ppp/{Project.Id}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = t["The stage has been recorded."].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = t["Someone else changed this record while you were editing it. Reload the page and try again."].Value;
        }

        return Redirect($"/investment/ppp/{Project.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Territories = await choices.TerritoriesAsync(cancellationToken);
        Agencies = await choices.AgenciesAsync(User, cancellationToken);
        var territories = Territories.Select(x => x.Id).ToList();
        ActivityChoices = await choices.ActivitiesAsync(territories, cancellationToken);
        FacilityChoices = await choices.FacilitiesAsync(territories, cancellationToken);
        if (string.Equals(id, "new", StringComparison.Ordinal))
        {
            return null;
        }

        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            || await db.Set<PppProject>().Include(p => p.Obligations).Include(p => p.Activities).Include(p => p.Facilities).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == key, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        return await access.CanEditAsync(User, project) ? null : Forbid();
    }
}
