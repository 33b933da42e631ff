using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>
/// An agency officer reports progress on one of their agency's activities: what was done, the percent complete and
/// the status, with files through the attachment store. Another agency's activity is refused (403) and nothing changes.
/// </summary>
[Authorize(Roles = QalaRoles.AgencyOfficer)]
[AttachmentUpload]
public sealed class ReportModel(QalaDbContext db, UserScope scope, AttachmentStore store, Deadlines deadlines, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public RoadmapActivity Activity { get; private set; } = null!;

    public DevelopmentProgram Program { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Describe what was done.")]
    [StringLength(4000)]
    public string Text { get; set; } = string.Empty;

    [BindProperty]
    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ErrorMessage = "The percent complete is a number from 0 to 100.")]
    public decimal PercentComplete { get; set; }

    [BindProperty]
    public ActivityStatus Status { get; set; }

    [BindProperty]
    public DateOnly ReportedOn { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>Files that document the progress (acts, photos, letters).</summary>
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        (PercentComplete, Status, ReportedOn, Version) = (Activity.PercentComplete, Activity.Status, deadlines.Today, Activity.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (ReportedOn > deadlines.Today)
        {
            ModelState.AddModelError(nameof(ReportedOn), t["A report cannot speak of a day that has not come."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The files and the report are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = new List<Attachment>();
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            await using var content = file.OpenReadStream();
            var result = await store.SaveAsync(file.FileName, content, cancellationToken);
            if (!result.Succeeded)
            {
                ModelState.AddModelError(nameof(Files), t[result.Error!.MessageKey, result.Error.ExpectedExtension ?? result.Error.MaxBytes?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? string.Empty]);
                return Page();
            }

            saved.Add(result.Attachment!);
        }

        db.Entry(Activity).Property(a => a.Version).OriginalValue = Version;
        Activity.Report(Text.Trim(), PercentComplete, Status, ReportedOn, User.Identity!.Name!, time.GetUtcNow(), saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The report has been saved."].Value;
        return Redirect("/programs/my-activities");
    }

    // Only the responsible agency reports; an archived program takes no more reports.
    private async Task<IActionResult?> OpenAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await db.Set<RoadmapActivity>().Include(a => a.Reports).ThenInclude(r => r.Attachments).Include(a => a.Replans)
            .Include(a => a.Task!.Goal!.Direction!.Program)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }

        var agencyId = (await scope.CurrentAsync(cancellationToken)).AgencyId;
        if (agencyId is null || activity.ResponsibleAgencyId != agencyId)
        {
            return Forbid();
        }

        (Activity, Program) = (activity, activity.Task!.Goal!.Direction!.Program!);
        if (!Program.IsOpen)
        {
            TempData["Notice"] = t["A completed or archived program cannot change."].Value;
            return Redirect("/programs/my-activities");
        }

        return null;
    }
}
