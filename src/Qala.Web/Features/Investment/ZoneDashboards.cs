using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;

namespace Qala.Web.Features.Investment;

/// <summary>A zone with its participants and the figures of a day.</summary>
public sealed record ZoneDashboard(InvestmentZone Zone, IReadOnlyList<ZoneParticipant> Participants, ZoneFigureSet Figures);

/// <summary>Reads a zone with its participants' histories and money in one split query and computes its figures with <see cref="ZoneFigures"/>.</summary>
public sealed class ZoneDashboards(QalaDbContext db)
{
    public async Task<ZoneDashboard?> LoadAsync(int zoneId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var zone = await db.Set<InvestmentZone>().AsNoTracking()
            .Include(z => z.Territory).Include(z => z.ResponsibleAgency)
            .Include(z => z.Participants).ThenInclude(p => p.Steps)
            .Include(z => z.Participants).ThenInclude(p => p.Years)
            .AsSplitQuery()
            .SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
        if (zone is null)
        {
            return null;
        }

        var participants = zone.Participants.OrderBy(p => p.CompanyName, StringComparer.CurrentCulture).ThenBy(p => p.Id).ToList();
        return new ZoneDashboard(zone, participants, ZoneFigures.Compute(participants.Select(p => p.ToRecord()), asOf));
    }
}
