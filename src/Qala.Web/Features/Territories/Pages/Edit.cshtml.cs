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
        (ValidFrom, ValidTo, Version) = (territory.ValidFrom, territory.ValidTo, territory.Version);
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

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex KatoPattern();

    private Task<Territory?> FindAsync(string code, CancellationToken cancellationToken) =>
        db.Set<Territory>().FirstOrDefaultAsync(x => x.Code == code, cancellationToken);
}
