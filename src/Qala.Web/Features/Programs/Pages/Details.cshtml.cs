using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>
/// A program's tree — directions, goals with their target indicators, tasks and activities — with status colours and
/// roll-ups; planners of its territory add and edit items and move it through its lifecycle.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(QalaDbContext db, AuditLog audit, ProgramTrees trees, ProgramAccess access, Deadlines deadlines, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public ProgramTree Tree { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>The program's recorded changes, for those who may edit it.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await trees.LoadAsync(id, cancellationToken) is not { } tree)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, tree.Program))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        Tree = tree;
        CanEdit = await access.CanEditAsync(User, tree.Program);
        if (CanEdit)
        {
            History = await audit.HistoryAsync("Programs", id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        return Page();
    }

    /// <summary>Moves the program to another status of its lifecycle, if the lifecycle allows it.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, ProgramStatus to, Guid version, CancellationToken cancellationToken)
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

        db.Entry(program).Property(p => p.Version).OriginalValue = version;
        var from = program.Status;
        if (!program.MoveTo(to, User.Identity!.Name!, time.GetUtcNow(), deadlines.Today))
        {
            TempData["Error"] = string.Format(CultureInfo.CurrentCulture, t["A program cannot move from “{0}” to “{1}”."], t[ProgramText.Status(from)], t[ProgramText.Status(to)]);
            return Redirect($"/programs/{id}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = t["The program's status has been changed."].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = t["Someone else changed this record while you were editing it. Reload the page and try again."].Value;
        }

        return Redirect($"/programs/{id}");
    }
}
