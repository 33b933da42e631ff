using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment;

/// <summary>The territories and agencies an editor may choose on the investment forms.</summary>
public sealed class InvestmentChoices(QalaDbContext db, UserScope scope, InvestmentAccess access)
{
    public async Task<IReadOnlyList<Territory>> TerritoriesAsync(CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var territories = await db.Set<Territory>().AsNoTracking()
            .Where(x => x.ValidTo == null && x.Kind != TerritoryKind.Country).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        return [.. territories.Where(x => mine.Covers(x.Id))];
    }

    /// <summary>Active agencies of the editor's territories; an agency officer only has their own.</summary>
    public async Task<IReadOnlyList<Agency>> AgenciesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var only = await access.OnlyAgencyAsync(user);
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        return [.. agencies.Where(a => mine.Covers(a.TerritoryId) && (only is null || a.Id == only))];
    }
}
