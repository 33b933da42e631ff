using System.Security.Claims;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>
/// Who may see and change social infrastructure: officials (administrators, planners, controllers, agency officers)
/// read the facilities, population and coverage of their territories; administrators and planners of a territory
/// change them and import its network, facilities, population and district outlines.
/// </summary>
public sealed class SocialAccess(UserScope scope)
{
    public const string Readers = $"{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.Controller},{QalaRoles.AgencyOfficer}";

    public const string Editors = $"{QalaRoles.Administrator},{QalaRoles.Planner}";

    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(QalaRoles.Administrator) || user.IsInRole(QalaRoles.Planner);

    public async Task<bool> CanReadAsync(int territoryId) => (await scope.CurrentAsync()).Covers(territoryId);

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int territoryId) => IsEditor(user) && (await scope.CurrentAsync()).Covers(territoryId);

    public Task<UserScopeInfo> ScopeAsync() => scope.CurrentAsync();
}
