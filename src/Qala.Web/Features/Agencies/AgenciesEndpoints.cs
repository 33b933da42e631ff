using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Agencies;

public static class AgenciesEndpoints
{
    public static RouteGroupBuilder MapAgenciesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agencies", ListAsync).WithTags("Agencies").AllowAnonymous()
            .WithSummary("Agencies of the akimats, optionally of one territory (by code).");
        return api;
    }

    public static async Task<Ok<List<AgencyResponse>>> ListAsync(QalaDbContext db, string? territory, CancellationToken cancellationToken)
    {
        var query = db.Set<Agency>().AsNoTracking();
        if (!string.IsNullOrEmpty(territory))
        {
            query = query.Where(a => a.Territory!.Code == territory);
        }

        var agencies = await query.OrderBy(a => a.Code)
            .Select(a => new AgencyResponse(a.Code, a.Name, a.Territory!.Code, a.IsActive))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(agencies);
    }
}

public sealed record AgencyResponse(string Code, LocalizedText Name, string TerritoryCode, bool IsActive);
