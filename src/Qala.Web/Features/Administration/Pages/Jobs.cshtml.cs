using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Jobs;

namespace Qala.Web.Features.Administration.Pages;

/// <summary>Background work as administrators watch it: schedules, recent and parked jobs, and the e-mail outbox.</summary>
[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class JobsModel(QalaDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<ScheduledJob> Schedules { get; private set; } = [];

    public IReadOnlyList<BackgroundJob> Recent { get; private set; } = [];

    public IReadOnlyList<OutboxMessage> Mail { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Schedules = await db.Set<ScheduledJob>().AsNoTracking().OrderBy(s => s.Kind).ToListAsync(cancellationToken);
        var parked = await db.Set<BackgroundJob>().AsNoTracking().Where(j => j.State == JobState.Parked).OrderByDescending(j => j.Id).Take(50).ToListAsync(cancellationToken);
        var latest = await db.Set<BackgroundJob>().AsNoTracking().Where(j => j.State != JobState.Parked).OrderByDescending(j => j.Id).Take(50).ToListAsync(cancellationToken);
        Recent = [.. parked, .. latest];
        Mail = await db.Set<OutboxMessage>().AsNoTracking().OrderByDescending(m => m.Id).Take(50).ToListAsync(cancellationToken);
    }

    /// <summary>Gives a parked job another round of attempts, e.g. after the cause was fixed.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var job = await db.Set<BackgroundJob>().SingleOrDefaultAsync(j => j.Id == id && j.State == JobState.Parked, cancellationToken);
        if (job is null)
        {
            return NotFound();
        }

        job.State = JobState.Queued;
        job.MaxAttempts = job.Attempts + Math.Max(1, job.MaxAttempts);
        job.RunAfter = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["The job will run again."].Value;
        return RedirectToPage();
    }
}
