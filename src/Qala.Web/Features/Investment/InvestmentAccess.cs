using System.Security.Claims;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Investment;

/// <summary>
/// Who may read and change investment work. Zones and their figures are public. Officials (administrators, planners,
/// controllers, agency officers) of a territory also read its participants' money, its PPP projects and its pipeline.
/// Administrators and planners of the territory change all of it; an agency officer changes only what their agency is
/// responsible for (a zone with its participants, a project, a PPP project) and only within their territories.
/// </summary>
public sealed class InvestmentAccess(UserScope scope)
{
    public static bool IsOfficial(ClaimsPrincipal user) =>
        user.IsInRole(QalaRoles.Administrator) || user.IsInRole(QalaRoles.Planner) || user.IsInRole(QalaRoles.Controller) || user.IsInRole(QalaRoles.AgencyOfficer);

    /// <summary>Whether the user may edit some investment work at all (the pages' role gate).</summary>
    public static bool MayEditSome(ClaimsPrincipal user) =>
        user.IsInRole(QalaRoles.Administrator) || user.IsInRole(QalaRoles.Planner) || user.IsInRole(QalaRoles.AgencyOfficer);

    /// <summary>Whether the user reads what is not public (each participant's money, PPP, the pipeline) of the territory.</summary>
    public async Task<bool> ReadsConfidentialAsync(ClaimsPrincipal user, int territoryId) =>
        IsOfficial(user) && (await scope.CurrentAsync()).Covers(territoryId);

    /// <summary>Whether the user may change work of <paramref name="territoryId"/> for which <paramref name="agencyId"/> is responsible.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int territoryId, int agencyId)
    {
        var mine = await scope.CurrentAsync();
        if (!mine.Covers(territoryId))
        {
            return false;
        }

        return user.IsInRole(QalaRoles.Administrator) || user.IsInRole(QalaRoles.Planner)
            || (user.IsInRole(QalaRoles.AgencyOfficer) && mine.AgencyId == agencyId);
    }

    public Task<bool> CanEditAsync(ClaimsPrincipal user, InvestmentZone zone) => CanEditAsync(user, zone.TerritoryId, zone.ResponsibleAgencyId);

    public Task<bool> CanEditAsync(ClaimsPrincipal user, InvestmentProject project) => CanEditAsync(user, project.TerritoryId, project.ResponsibleAgencyId);

    public Task<bool> CanEditAsync(ClaimsPrincipal user, PppProject project) => CanEditAsync(user, project.TerritoryId, project.ResponsibleAgencyId);

    /// <summary>The agencies an editor may make responsible: all of the territory for planners and administrators, their own for an officer.</summary>
    public async Task<int?> OnlyAgencyAsync(ClaimsPrincipal user) =>
        user.IsInRole(QalaRoles.Administrator) || user.IsInRole(QalaRoles.Planner) ? null : (await scope.CurrentAsync()).AgencyId ?? -1;
}
