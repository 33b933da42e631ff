using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Programs;

/// <summary>
/// Who may read and change a program: everyone reads public ones; planners, administrators and controllers read
/// the others of their territories; planners and administrators change the structure of their territories' programs.
/// </summary>
public sealed class ProgramAccess(IAuthorizationService authorization)
{
    public static bool IsPlanner(ClaimsPrincipal user) => user.IsInRole(QalaRoles.Planner) || user.IsInRole(QalaRoles.Administrator);

    /// <summary>Whether <paramref name="user"/> sees programs that are not public yet (drafts, those in discussion, archived).</summary>
    public static bool ReadsDrafts(ClaimsPrincipal user) => IsPlanner(user) || user.IsInRole(QalaRoles.Controller);

    public async Task<bool> InScopeAsync(ClaimsPrincipal user, int territoryId) =>
        (await authorization.AuthorizeAsync(user, new TerritoryResource(territoryId), ScopePolicies.InTerritory)).Succeeded;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, DevelopmentProgram program) =>
        program.IsPublic || (ReadsDrafts(user) && await InScopeAsync(user, program.TerritoryId));

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, DevelopmentProgram program) =>
        IsPlanner(user) && await InScopeAsync(user, program.TerritoryId);

    /// <summary>
    /// Whether <paramref name="user"/> (whose agency is <paramref name="agencyId"/>) may read the files of an activity's
    /// progress reports: the responsible agency's officers, and planners, administrators and controllers of the
    /// program's territory. Another agency's officers may not.
    /// </summary>
    public async Task<bool> CanReadReportFilesAsync(ClaimsPrincipal user, int? agencyId, RoadmapActivity activity, DevelopmentProgram program) =>
        (user.IsInRole(QalaRoles.AgencyOfficer) && agencyId == activity.ResponsibleAgencyId)
        || (ReadsDrafts(user) && await InScopeAsync(user, program.TerritoryId));
}
