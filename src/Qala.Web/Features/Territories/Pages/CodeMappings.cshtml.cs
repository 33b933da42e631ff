using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Territories.Pages;

/// <summary>The codes other systems use for territories (the statistics office's KZALA…), kept by administrators.</summary>
[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class CodeMappingsModel(QalaDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<TerritoryCodeMapping> Mappings { get; private set; } = [];

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter the scheme.")]
    [RegularExpression("^[a-z0-9._-]{2,40}$", ErrorMessage = "A scheme is 2 to 40 lowercase Latin letters, digits, dots, hyphens or underscores.")]
    public string Scheme { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Enter the outside code.")]
    [StringLength(40)]
    public string ExternalCode { get; set; } = string.Empty;

    [BindProperty]
    [Range(1, int.MaxValue, ErrorMessage = "Choose a territory.")]
    public int TerritoryId { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ExternalCode = ExternalCode.Trim();
        if (ModelState.IsValid && await db.Set<TerritoryCodeMapping>().AnyAsync(m => m.Scheme == Scheme && m.ExternalCode == ExternalCode, cancellationToken))
        {
            ModelState.AddModelError(nameof(ExternalCode), t["This code is already mapped in this scheme."]);
        }

        if (ModelState.IsValid && !await db.Set<Territory>().AnyAsync(x => x.Id == TerritoryId, cancellationToken))
        {
            ModelState.AddModelError(nameof(TerritoryId), t["Choose a territory."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Add(new TerritoryCodeMapping { Scheme = Scheme, ExternalCode = ExternalCode, TerritoryId = TerritoryId });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["The code mapping has been added."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        // Removed through the change tracker, so that the deletion is in the audit log.
        if (await db.Set<TerritoryCodeMapping>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } mapping)
        {
            db.Remove(mapping);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Notice"] = t["The code mapping has been removed."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Mappings = await db.Set<TerritoryCodeMapping>().AsNoTracking().Include(m => m.Territory)
            .OrderBy(m => m.Scheme).ThenBy(m => m.ExternalCode).ToListAsync(cancellationToken);
        Territories = await db.Set<Territory>().AsNoTracking().OrderBy(x => x.Code).ToListAsync(cancellationToken);
    }
}
