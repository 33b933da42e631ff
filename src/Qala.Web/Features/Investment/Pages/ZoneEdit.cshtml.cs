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

namespace Qala.Web.Features.Investment.Pages;

/// <summary>Creates a zone (<c>/investment/zones/new/edit</c>) or edits it: its editors only.</summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.AgencyOfficer}")]
public sealed class ZoneEditModel(QalaDbContext db, InvestmentAccess access, InvestmentChoices choices, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool IsNew { get; private set; }

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    public ZoneKind Kind { get; set; } = ZoneKind.IndustrialZone;

    [BindProperty]
    public int TerritoryId { get; set; }

    [BindProperty]
    public int ResponsibleAgencyId { get; set; }

    [BindProperty]
    public decimal AreaHectares { get; set; }

    [BindProperty]
    public DateOnly EstablishedOn { get; set; }

    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    [BindProperty]
    public string? PrioritySectors { get; set; }

    [BindProperty]
    public string? ManagementCompany { get; set; }

    [BindProperty]
    public Readiness Power { get; set; }

    [BindProperty]
    public Readiness Gas { get; set; }

    [BindProperty]
    public Readiness Water { get; set; }

    [BindProperty]
    public Readiness Roads { get; set; }

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        IsNew = IsNewId(id);
        if (IsNew)
        {
            return Page();
        }

        if (await FindAsync(id, cancellationToken) is not { } zone)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, zone))
        {
            return Forbid();
        }

        (Name, Kind, TerritoryId, ResponsibleAgencyId, AreaHectares, EstablishedOn, ExpiresOn) =
            (LocalizedTextInput.From(zone.Name), zone.Kind, zone.TerritoryId, zone.ResponsibleAgencyId, zone.AreaHectares, zone.EstablishedOn, zone.ExpiresOn);
        (PrioritySectors, ManagementCompany, Power, Gas, Water, Roads, Version) =
            (zone.PrioritySectors, zone.ManagementCompany, zone.Power, zone.Gas, zone.Water, zone.Roads, zone.Version);
        (Latitude, Longitude) = (Coordinates.Format(zone.Latitude), Coordinates.Format(zone.Longitude));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        IsNew = IsNewId(id);
        var zone = IsNew ? null : await FindAsync(id, cancellationToken);
        if (!IsNew && zone is null)
        {
            return NotFound();
        }

        // Both the zone as it is and as it would be must lie within what the user may edit.
        if ((zone is not null && !await access.CanEditAsync(User, zone))
            || (TerritoryId > 0 && ResponsibleAgencyId > 0 && !await access.CanEditAsync(User, TerritoryId, ResponsibleAgencyId)))
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

        if (AreaHectares < 0)
        {
            ModelState.AddModelError(nameof(AreaHectares), t["The area cannot be negative."]);
        }

        if (InvestmentZone.CheckDates(EstablishedOn, ExpiresOn) is { } problem)
        {
            ModelState.AddModelError(nameof(ExpiresOn), t[problem]);
        }

        Coordinates.Validate(ModelState, string.Empty, Latitude, Longitude, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (zone is null)
        {
            zone = new InvestmentZone { Name = Name.ToText() };
            db.Add(zone);
        }
        else
        {
            db.Entry(zone).Property(z => z.Version).OriginalValue = Version;
        }

        zone.Name = Name.ToText();
        (zone.Kind, zone.TerritoryId, zone.ResponsibleAgencyId, zone.AreaHectares, zone.EstablishedOn, zone.ExpiresOn) =
            (Kind, TerritoryId, ResponsibleAgencyId, AreaHectares, EstablishedOn, ExpiresOn);
        (zone.PrioritySectors, zone.ManagementCompany) = ((PrioritySectors ?? string.Empty).Trim(), (ManagementCompany ?? string.Empty).Trim());
        (zone.Power, zone.Gas, zone.Water, zone.Roads) = (Power, Gas, Water, Roads);
        (zone.Latitude, zone.Longitude) = (Coordinates.Parse(Latitude), Coordinates.Parse(Longitude));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The zone has been saved."].Value;
        return Redirect($"/investment/zones/{zone.Id}");
    }

    private static bool IsNewId(string id) => string.Equals(id, "new", StringComparison.Ordinal);

    private Task<InvestmentZone?> FindAsync(string id, CancellationToken cancellationToken) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? db.Set<InvestmentZone>().FirstOrDefaultAsync(z => z.Id == key, cancellationToken)
            : Task.FromResult<InvestmentZone?>(null);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Territories = await choices.TerritoriesAsync(cancellationToken);
        Agencies = await choices.AgenciesAsync(User, cancellationToken);
    }
}
