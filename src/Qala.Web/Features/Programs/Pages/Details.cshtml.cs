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

    /// <summary>Why a move up or down asked in place (htmx) was refused, shown in the tree.</summary>
    public string? ReorderError { get; private set; }

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

    /// <summary>
    /// Moves a direction, goal, task or activity one place up or down among its siblings (positions stay 1 to n). An
    /// htmx request gets the tree back to swap in place; a plain form post is redirected to the program.
    /// </summary>
    public async Task<IActionResult> OnPostReorderAsync(int id, string level, int item, bool up, Guid version, CancellationToken cancellationToken)
    {
        var program = await db.Set<DevelopmentProgram>().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        IProgramItem? found = level switch
        {
            ItemModel.DirectionLevel => await db.Set<ProgramDirection>().FirstOrDefaultAsync(d => d.Id == item && d.ProgramId == id, cancellationToken),
            ItemModel.GoalLevel => await db.Set<ProgramGoal>().FirstOrDefaultAsync(g => g.Id == item && g.Direction!.ProgramId == id, cancellationToken),
            ItemModel.TaskLevel => await db.Set<ProgramTask>().FirstOrDefaultAsync(x => x.Id == item && x.Goal!.Direction!.ProgramId == id, cancellationToken),
            ItemModel.ActivityLevel => await db.Set<RoadmapActivity>().FirstOrDefaultAsync(a => a.Id == item && a.Task!.Goal!.Direction!.ProgramId == id, cancellationToken),
            _ => null,
        };
        if (program is null || found is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, program))
        {
            return Forbid();
        }

        string? error = null;
        if (!ProgramAmendments.StructureOpen(program))
        {
            error = t[program.IsOpen ? "An approved program changes only through an amendment: open one first." : "A completed or archived program cannot change."];
        }
        else
        {
            db.Entry((object)found).Property(nameof(IVersioned.Version)).OriginalValue = version;
            ProgramOrder.Move(await ProgramOrder.SiblingsAsync(db, found, cancellationToken), found, up);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                error = t["Someone else changed this record while you were editing it. Reload the page and try again."];
            }
        }

        if (!Request.Headers.ContainsKey("HX-Request"))
        {
            if (error is not null)
            {
                TempData["Error"] = error;
            }

            return Redirect($"/programs/{id}");
        }

        (Tree, CanEdit, ReorderError) = ((await trees.LoadAsync(id, cancellationToken))!, true, error);
        return Partial("_Tree", this);
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
