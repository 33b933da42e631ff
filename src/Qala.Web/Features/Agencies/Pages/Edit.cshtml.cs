using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Agencies.Pages;

/// <summary>Creates an agency (<c>/admin/agencies/new</c>) or edits one (<c>/admin/agencies/{id}</c>).</summary>
[Authorize(Roles = QalaRoles.Administrator)]
public sealed class EditModel(QalaDbContext db, UserScope scope, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool IsNew { get; private set; }

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter a code.")]
    [RegularExpression("^[A-Z0-9-]{2,40}$", ErrorMessage = "A code consists of 2 to 40 capital Latin letters, digits and hyphens.")]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    [Range(1, int.MaxValue, ErrorMessage = "Choose a territory.")]
    public int TerritoryId { get; set; }

    [BindProperty]
    public bool IsActive { get; set; } = true;

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadTerritoriesAsync(cancellationToken);
        if (IsNewId(id))
        {
            IsNew = true;
            return Page();
        }

        if (await FindAsync(id, cancellationToken) is not { } agency)
        {
            return NotFound();
        }

        if (!await InScopeAsync(agency.TerritoryId))
        {
            return Forbid();
        }

        (Code, Name, TerritoryId, IsActive, Version) = (agency.Code, LocalizedTextInput.From(agency.Name), agency.TerritoryId, agency.IsActive, agency.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadTerritoriesAsync(cancellationToken);
        IsNew = IsNewId(id);
        var agency = IsNew ? null : await FindAsync(id, cancellationToken);
        if (!IsNew && agency is null)
        {
            return NotFound();
        }

        // Both the agency as it is and the territory it would belong to must lie within the user's territories.
        if ((agency is not null && !await InScopeAsync(agency.TerritoryId)) || (TerritoryId > 0 && !await InScopeAsync(TerritoryId)))
        {
            return Forbid();
        }

        if (Territories.All(x => x.Id != TerritoryId))
        {
            ModelState.AddModelError(nameof(TerritoryId), t["Choose a territory."]);
        }

        if (await db.Set<Agency>().AnyAsync(a => a.Code == Code && a.Id != (agency == null ? 0 : agency.Id), cancellationToken))
        {
            ModelState.AddModelError(nameof(Code), t["Another agency already has this code."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (agency is null)
        {
            agency = new Agency { Code = Code, Name = Name.ToText(), TerritoryId = TerritoryId };
            db.Add(agency);
        }
        else
        {
            db.Entry(agency).Property(a => a.Version).OriginalValue = Version;
            agency.Code = Code;
            agency.Name = Name.ToText();
            agency.TerritoryId = TerritoryId;
        }

        agency.IsActive = IsActive;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The agency has been saved."].Value;
        return Redirect("/agencies");
    }

    private async Task<bool> InScopeAsync(int territoryId) =>
        (await authorization.AuthorizeAsync(User, new TerritoryResource(territoryId), ScopePolicies.InTerritory)).Succeeded;

    private static bool IsNewId(string id) => string.Equals(id, "new", StringComparison.Ordinal);

    private Task<Agency?> FindAsync(string id, CancellationToken cancellationToken) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? db.Set<Agency>().FirstOrDefaultAsync(a => a.Id == key, cancellationToken)
            : Task.FromResult<Agency?>(null);

    private async Task LoadTerritoriesAsync(CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var territories = await db.Set<Territory>().AsNoTracking()
            .Where(x => x.ValidTo == null && x.Kind != TerritoryKind.Country).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        Territories = [.. territories.Where(x => mine.Covers(x.Id))];
    }
}
