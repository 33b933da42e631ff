using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Territories.Pages;

[Authorize(Roles = QalaRoles.Administrator)]
public sealed partial class EditModel(QalaDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    public Territory Territory { get; private set; } = null!;

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidTo { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>The KATO code that replaces Qala's own code; only a territory with such a code may be recoded.</summary>
    [BindProperty]
    public string? KatoCode { get; set; }

    /// <summary>Where a city, town, settlement or monitoring site lies: a region or city of republican significance, or the country.</summary>
    [BindProperty]
    public int? ParentId { get; set; }

    /// <summary>What a city, town, settlement or monitoring site is (one of <see cref="PlaceKinds"/>).</summary>
    [BindProperty]
    public TerritoryKind? Kind { get; set; }

    /// <summary>The kinds a place may be given here; the country, regions and districts keep theirs.</summary>
    public static IReadOnlyList<TerritoryKind> PlaceKinds { get; } = [TerritoryKind.City, TerritoryKind.Town, TerritoryKind.Settlement, TerritoryKind.MonitoringSite];

    /// <summary>The territories a place may be part of, for the choice of <see cref="ParentId"/>.</summary>
    public IReadOnlyList<Territory> Parents { get; private set; } = [];

    /// <summary>Whether the territory is a place whose region and kind may be edited.</summary>
    public bool IsPlace => PlaceKinds.Contains(Territory.Kind);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } territory)
        {
            return NotFound();
        }

        if (!await InScopeAsync(territory))
        {
            return Forbid();
        }

        Territory = territory;
        Name = LocalizedTextInput.From(territory.Name);
        (ValidFrom, ValidTo, Version, ParentId, Kind) = (territory.ValidFrom, territory.ValidTo, territory.Version, territory.ParentId, territory.Kind);
        Parents = await ParentsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } territory)
        {
            return NotFound();
        }

        if (!await InScopeAsync(territory))
        {
            return Forbid();
        }

        Territory = territory;
        Parents = await ParentsAsync(cancellationToken);
        var parent = IsPlace && ParentId is { } parentId && parentId != territory.ParentId ? Parents.FirstOrDefault(p => p.Id == parentId) : null;
        if (IsPlace && ParentId is { } chosen && chosen != territory.ParentId && (parent is null || !await InScopeAsync(parent)))
        {
            ModelState.AddModelError(nameof(ParentId), t["Choose a region, a city of republican significance or the country within your scope."]);
        }

        if (IsPlace && Kind is { } kind && !PlaceKinds.Contains(kind))
        {
            ModelState.AddModelError(nameof(Kind), t["Choose a city, town, settlement or monitoring site."]);
        }

        if (ValidFrom is { } from && ValidTo is { } to && to <= from)
        {
            ModelState.AddModelError(nameof(ValidTo), t["The end of validity must come after its start."]);
        }

        var recode = KatoCode?.Trim() is { Length: > 0 } kato && territory.HasLocalCode ? kato : null;
        if (recode is not null && !KatoPattern().IsMatch(recode))
        {
            ModelState.AddModelError(nameof(KatoCode), t["A KATO code has nine digits."]);
        }
        else if (recode is not null && await db.Set<Territory>().AnyAsync(x => x.Code == recode, cancellationToken))
        {
            ModelState.AddModelError(nameof(KatoCode), t["Another territory has this code."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Entry(territory).Property(x => x.Version).OriginalValue = Version;
        territory.Code = recode ?? territory.Code;
        if (IsPlace)
        {
            territory.ParentId = parent?.Id ?? territory.ParentId;
            territory.Kind = Kind ?? territory.Kind;
        }

        territory.Name = Name.ToText();
        territory.ValidFrom = ValidFrom;
        territory.ValidTo = ValidTo;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The territory has been saved."].Value;
        return Redirect($"/territories/{territory.Code}");
    }

    private async Task<bool> InScopeAsync(Territory territory) =>
        (await authorization.AuthorizeAsync(User, new TerritoryResource(territory.Id), ScopePolicies.InTerritory)).Succeeded;

    private async Task<IReadOnlyList<Territory>> ParentsAsync(CancellationToken cancellationToken) => !IsPlace ? [] :
        [.. (await db.Set<Territory>().AsNoTracking()
            .Where(x => x.ValidTo == null && (x.Kind == TerritoryKind.Country || x.Kind == TerritoryKind.Region || x.Kind == TerritoryKind.CityOfRepublicanSignificance))
            .ToListAsync(cancellationToken)).OrderBy(x => x.Kind).ThenBy(x => x.Name.Current, StringComparer.CurrentCulture)];

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex KatoPattern();

    private Task<Territory?> FindAsync(string code, CancellationToken cancellationToken) =>
        db.Set<Territory>().FirstOrDefaultAsync(x => x.Code == code, cancellationToken);
}
