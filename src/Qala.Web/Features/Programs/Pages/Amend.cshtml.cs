using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>
/// Amends an approved program or one in implementation: a new version with its reason and a copy of the targets
/// (<see cref="ProgramAmendments"/>), for planners of its territory.
/// </summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner}")]
public sealed class AmendModel(QalaDbContext db, ProgramAccess access, ProgramAmendments amendments, Deadlines deadlines, IStringLocalizer<SharedResource> t) : PageModel
{
    public DevelopmentProgram Program { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Give the reason for the amendment.")]
    [StringLength(2000)]
    public string? Reason { get; set; }

    /// <summary>The program's concurrency version when the form was shown.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Program.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Program.Version != Version)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        var version = await amendments.AmendAsync(Program, Reason!.Trim(), deadlines.Today, cancellationToken);

        // The program's own version moves too, so that a second amendment from a stale form is refused.
        db.Entry(Program).Property(p => p.Version).OriginalValue = Version;
        db.Entry(Program).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The program is amended."].Value;
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/programs/{id}/versions/{version.Number}"));
    }

    // Null when the user may amend the program; otherwise the response that refuses it.
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var program = await db.Set<DevelopmentProgram>().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, program))
        {
            return Forbid();
        }

        if (!ProgramAmendments.Amends(program.Status))
        {
            TempData["Error"] = t["Only an approved program or one in implementation is amended."].Value;
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/programs/{id}"));
        }

        Program = program;
        return null;
    }
}
