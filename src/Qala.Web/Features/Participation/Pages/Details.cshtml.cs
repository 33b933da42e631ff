using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>A public discussion: its phase, thematic meetings and totals; organisers move it through its phases.</summary>
[AllowAnonymous]
public sealed class DetailsModel(QalaDbContext db, UserScope scope, ConsultationFigures figures, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<ThematicMeeting> Meetings { get; private set; } = [];

    public ConsultationTotals Totals { get; private set; } = null!;

    public bool CanOrganise { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        Consultation = consultation;
        CanOrganise = ParticipationAccess.CanOrganise(User, await scope.CurrentAsync(cancellationToken), consultation.TerritoryId);
        Meetings = await db.Set<ThematicMeeting>().AsNoTracking().Include(m => m.District).Where(m => m.ConsultationId == id)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
        Totals = await figures.OfAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, ConsultationPhase to, Guid version, CancellationToken cancellationToken)
    {
        if (await db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        if (!ParticipationAccess.CanOrganise(User, await scope.CurrentAsync(cancellationToken), consultation.TerritoryId))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        db.Entry(consultation).Property(c => c.Version).OriginalValue = version;
        if (!consultation.MoveTo(to, User.Identity!.Name!, time.GetUtcNow()))
        {
            TempData["Error"] = t["This step is not possible from the current phase."].Value;
            return Redirect($"/consultations/{id}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = t["Someone else changed this record while you were editing it. Reload the page and try again."].Value;
        }

        return Redirect($"/consultations/{id}");
    }

    private Task<Consultation?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Consultation>().AsNoTracking().Include(c => c.Territory).Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
}
