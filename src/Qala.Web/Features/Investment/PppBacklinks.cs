using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Investment;

/// <summary>A PPP project as the pages it links to list it.</summary>
public sealed record PppBacklink(int Id, LocalizedText Name, PppSector Sector, PppStage Stage);

/// <summary>
/// The PPP projects that serve a roadmap activity or build a social facility, listed read-only on those pages: only the
/// projects of territories where the reader may read PPP (<see cref="InvestmentAccess.ReadsConfidentialAsync"/>).
/// </summary>
public sealed class PppBacklinks(QalaDbContext db, InvestmentAccess access)
{
    public Task<IReadOnlyList<PppBacklink>> OfActivityAsync(ClaimsPrincipal user, int activityId, CancellationToken cancellationToken) =>
        ReadableAsync(user, db.Set<PppProject>().Where(p => p.Activities.Any(a => a.RoadmapActivityId == activityId)), cancellationToken);

    public Task<IReadOnlyList<PppBacklink>> OfFacilityAsync(ClaimsPrincipal user, int facilityId, CancellationToken cancellationToken) =>
        ReadableAsync(user, db.Set<PppProject>().Where(p => p.Facilities.Any(f => f.SocialFacilityId == facilityId)), cancellationToken);

    private async Task<IReadOnlyList<PppBacklink>> ReadableAsync(ClaimsPrincipal user, IQueryable<PppProject> projects, CancellationToken cancellationToken)
    {
        if (!InvestmentAccess.IsOfficial(user))
        {
            return [];
        }

        var found = await projects.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { Link = new PppBacklink(p.Id, p.Name, p.Sector, p.Stage), p.TerritoryId }).ToListAsync(cancellationToken);
        var readable = new List<PppBacklink>();
        foreach (var project in found)
        {
            if (await access.ReadsConfidentialAsync(user, project.TerritoryId))
            {
                readable.Add(project.Link);
            }
        }

        return readable;
    }
}
