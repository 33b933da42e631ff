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
/// Amends an approved program or one in implementation (<see cref="ProgramAmendments"/>), for planners of its
/// territory: opens a new version with its reason and a copy of the targets, and once the structure is changed,
/// approves it.
/// </summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner}")]
public sealed class AmendModel(QalaDbContext db, ProgramAccess access, ProgramAmendments amendments, Deadlines deadlines, IStringLocalizer<SharedResource> t) : PageModel
{
    public DevelopmentProgram Program { get; private set; } = null!;

    /// <summary>The amendment being prepared, shown with its approval form; null when none is open.</summary>
    public ProgramVersion? Open { get; private set; }

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

        if (Program.Version != Version || Open is not null)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        var version = await amendments.AmendAsync(Program, Reason!.Trim(), cancellationToken);
        if (!await SaveAsync(cancellationToken))
        {
            return Page();
        }

        TempData["Notice"] = t["The amendment is open: change the structure, then approve it."].Value;
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/programs/{id}"));
    }

    /// <summary>Approves the open amendment: the new version is in force and the structure closes again.</summary>
    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Reason));
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Program.Version != Version || Open is null)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        ProgramAmendments.Approve(Open, deadlines.Today);
        if (!await SaveAsync(cancellationToken))
        {
            return Page();
        }

        TempData["Notice"] = t["The program is amended."].Value;
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/programs/{id}/versions/{Open.Number}"));
    }

    // The program's own version moves too, so that an amendment or approval from a stale form is refused.
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        db.Entry(Program).Property(p => p.Version).OriginalValue = Version;
        db.Entry(Program).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return false;
        }
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
        Open = ProgramAmendments.OpenAmendment(program);
        return null;
    }
}
