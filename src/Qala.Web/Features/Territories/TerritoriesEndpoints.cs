using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Territories;

public static class TerritoriesEndpoints
{
    public static RouteGroupBuilder MapTerritoriesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/territories").WithTags("Territories").AllowAnonymous();
        group.MapGet("/", ListAsync).WithSummary("Territories, optionally of one kind or under one parent (by code).");
        group.MapGet("/{code}", GetAsync).WithSummary("One territory by its official code.");
        return api;
    }

    public static async Task<Ok<List<TerritoryResponse>>> ListAsync(
        QalaDbContext db, TerritoryKind? kind, string? parent, CancellationToken cancellationToken)
    {
        var query = db.Set<Territory>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(t => t.Kind == k);
        }

        if (!string.IsNullOrEmpty(parent))
        {
            query = query.Where(t => t.Parent!.Code == parent);
        }

        var territories = await query.OrderBy(t => t.Code).Select(Projection).ToListAsync(cancellationToken);
        return TypedResults.Ok(territories);
    }

    public static async Task<Results<Ok<TerritoryResponse>, NotFound>> GetAsync(QalaDbContext db, string code, CancellationToken cancellationToken)
    {
        var territory = await db.Set<Territory>().AsNoTracking().Where(t => t.Code == code).Select(Projection).FirstOrDefaultAsync(cancellationToken);
        return territory is null ? TypedResults.NotFound() : TypedResults.Ok(territory);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Territory, TerritoryResponse>> Projection = t =>
        new TerritoryResponse(t.Code, t.Kind, t.Name, t.Parent == null ? null : t.Parent.Code, t.ValidFrom, t.ValidTo,
            t.Predecessor == null ? null : t.Predecessor.Code);
}

public sealed record TerritoryResponse(
    string Code, TerritoryKind Kind, LocalizedText Name, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? PredecessorCode);
