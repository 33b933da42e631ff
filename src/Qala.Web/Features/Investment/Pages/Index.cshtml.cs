using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>The zones of every territory with their registered and operating participants today; public.</summary>
[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db, Deadlines deadlines) : PageModel
{
    public sealed record ZoneRow(InvestmentZone Zone, ZoneFigureSet Figures);

    public IReadOnlyList<ZoneRow> Zones { get; private set; } = [];

    public bool IsOfficial => InvestmentAccess.IsOfficial(User);

    public bool CanCreate => InvestmentAccess.MayEditSome(User);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var zones = await db.Set<InvestmentZone>().AsNoTracking().Include(z => z.Territory)
            .Include(z => z.Participants).ThenInclude(p => p.Steps)
            .Include(z => z.Participants).ThenInclude(p => p.Years)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var today = deadlines.Today;
        Zones = [.. zones.OrderBy(z => z.Territory!.Code, StringComparer.Ordinal).ThenBy(z => z.Id)
            .Select(z => new ZoneRow(z, ZoneFigures.Compute(z.Participants.Select(p => p.ToRecord()), today)))];
    }
}
