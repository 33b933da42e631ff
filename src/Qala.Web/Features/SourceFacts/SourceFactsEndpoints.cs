using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.SourceFacts;

public static class SourceFactsEndpoints
{
    public static RouteGroupBuilder MapSourceFactsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/facts", ListAsync).WithTags("Source facts").AllowAnonymous()
            .WithSummary("Figures stated in the source documents, optionally of one territory (by code), with the quote they come from.");
        return api;
    }

    public static async Task<Ok<List<SourceFactResponse>>> ListAsync(QalaDbContext db, string? territory, CancellationToken cancellationToken)
    {
        var query = db.Set<SourceFact>().AsNoTracking();
        if (!string.IsNullOrEmpty(territory))
        {
            query = query.Where(f => f.Territory!.Code == territory);
        }

        var facts = await query.OrderBy(f => f.Code)
            .Select(f => new SourceFactResponse(
                f.Code, f.Territory!.Code, f.Subject, f.Value, f.Qualifier, f.Unit, f.Year, f.SourceDocument!.Code, f.Quote))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(facts);
    }
}

public sealed record SourceFactResponse(
    string Code, string TerritoryCode, LocalizedText Subject, decimal Value, FactQualifier Qualifier, LocalizedText Unit,
    int? Year, string DocumentCode, string Quote);
