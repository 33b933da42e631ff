using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Users;

/// <summary>
/// Where a user may act: the territories they are bound to with everything inside them (a city's districts), and for
/// an agency officer their agency. A user bound to the country is national and acts everywhere.
/// </summary>
public sealed record UserScopeInfo(bool IsNational, IReadOnlySet<int> TerritoryIds, int? AgencyId)
{
    public static readonly UserScopeInfo None = new(false, new HashSet<int>(), null);

    public bool Covers(int territoryId) => IsNational || TerritoryIds.Contains(territoryId);
}

/// <summary>The work a user may touch, identified by the territory it belongs to.</summary>
public sealed record TerritoryResource(int TerritoryId);

/// <summary>
/// The one place that decides territorial scope: pages ask <see cref="IAuthorizationService"/> with a
/// <see cref="TerritoryResource"/> (policy <see cref="ScopePolicies.InTerritory"/>), and lists filter with
/// <see cref="ScopedQueries.InScope{T}"/>. Read once per request.
/// </summary>
public sealed class UserScope(QalaDbContext db, IHttpContextAccessor http)
{
    private UserScopeInfo? current;

    public async Task<UserScopeInfo> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (current is not null)
        {
            return current;
        }

        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return current = UserScopeInfo.None;
        }

        var bound = await db.Set<UserTerritory>().AsNoTracking().Where(t => t.UserId == userId).Select(t => t.TerritoryId).ToListAsync(cancellationToken);
        var agency = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.AgencyId).SingleOrDefaultAsync(cancellationToken);
        var territories = await db.Set<Territory>().AsNoTracking().Select(t => new { t.Id, t.ParentId, t.Kind }).ToListAsync(cancellationToken);
        if (territories.Any(t => t.Kind == TerritoryKind.Country && bound.Contains(t.Id)))
        {
            return current = new UserScopeInfo(true, territories.Select(t => t.Id).ToHashSet(), agency);
        }

        var children = territories.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value, t => t.Id);
        var covered = new HashSet<int>();
        var pending = new Stack<int>(bound);
        while (pending.TryPop(out var id))
        {
            if (covered.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }

        return current = new UserScopeInfo(false, covered, agency);
    }
}

/// <summary>Work that belongs to one territory: the query filter of scoped lists.</summary>
public interface ITerritoryScoped
{
    int TerritoryId { get; }
}

public static class ScopedQueries
{
    /// <summary>Only the rows of the scope's territories (all rows for a national user).</summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, UserScopeInfo scope)
        where T : class, ITerritoryScoped
    {
        if (scope.IsNational)
        {
            return query;
        }

        var territories = scope.TerritoryIds.ToArray();
        return query.Where(row => territories.Contains(row.TerritoryId));
    }
}

public static class ScopePolicies
{
    /// <summary>The resource (a <see cref="TerritoryResource"/>) lies within the user's territories.</summary>
    public const string InTerritory = nameof(InTerritory);

    /// <summary>An administrator bound to the country: users, reference data and platform settings.</summary>
    public const string NationalAdministrator = nameof(NationalAdministrator);
}

internal sealed class InTerritoryRequirement : IAuthorizationRequirement;

internal sealed class NationalRequirement : IAuthorizationRequirement;

internal sealed class ScopeHandler(UserScope scope) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var granted = requirement switch
            {
                InTerritoryRequirement when context.Resource is TerritoryResource resource => (await scope.CurrentAsync()).Covers(resource.TerritoryId),
                NationalRequirement => (await scope.CurrentAsync()).IsNational,
                _ => (bool?)null,
            };
            if (granted == true)
            {
                context.Succeed(requirement);
            }
        }
    }
}

public static class ScopeServices
{
    public static IHostApplicationBuilder AddQalaScopes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserScope>();
        builder.Services.AddScoped<IAuthorizationHandler, ScopeHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ScopePolicies.InTerritory, policy => policy.RequireAuthenticatedUser().AddRequirements(new InTerritoryRequirement()))
            .AddPolicy(ScopePolicies.NationalAdministrator, policy => policy.RequireRole(QalaRoles.Administrator).AddRequirements(new NationalRequirement()));
        return builder;
    }
}
