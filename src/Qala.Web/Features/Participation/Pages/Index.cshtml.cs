using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>Every public discussion, the open ones first; organisers may start a new one.</summary>
[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db, UserScope scope) : PageModel
{
    public IReadOnlyList<Consultation> Consultations { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public bool ReadsInbox => ParticipationAccess.ReadsInbox(User);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var consultations = await db.Set<Consultation>().AsNoTracking().Include(c => c.Territory).ToListAsync(cancellationToken);
        Consultations = [.. consultations.OrderBy(c => c.Phase == ConsultationPhase.Open ? 0 : 1).ThenByDescending(c => c.OpensOn).ThenBy(c => c.Id)];
        CanCreate = ParticipationAccess.Organises(User) && (await scope.CurrentAsync(cancellationToken)).TerritoryIds.Count > 0;
    }
}
