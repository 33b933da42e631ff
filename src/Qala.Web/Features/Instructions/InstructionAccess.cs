using System.Security.Claims;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Instructions;

/// <summary>
/// Who may do what with instructions. Controllers and administrators of a territory register meetings and decide on
/// its instructions (accept, return, extend, remove from control); planners read them; an agency officer reads and
/// reports on the instructions their agency executes (lead or co-executor), and nothing else.
/// </summary>
public sealed class InstructionAccess(UserScope scope)
{
    public const string ReadRoles = $"{QalaRoles.Controller},{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.AgencyOfficer}";

    public const string ControlRoles = $"{QalaRoles.Controller},{QalaRoles.Administrator}";

    public static bool IsController(ClaimsPrincipal user) => user.IsInRole(QalaRoles.Controller) || user.IsInRole(QalaRoles.Administrator);

    /// <summary>Whether the user reads every instruction of their territories (not only their agency's).</summary>
    public static bool ReadsAll(ClaimsPrincipal user) => IsController(user) || user.IsInRole(QalaRoles.Planner);

    public async Task<bool> CanControlAsync(ClaimsPrincipal user, int territoryId) =>
        IsController(user) && (await scope.CurrentAsync()).Covers(territoryId);

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Instruction instruction)
    {
        var mine = await scope.CurrentAsync();
        if (!mine.Covers(instruction.TerritoryId))
        {
            return false;
        }

        return ReadsAll(user) || (user.IsInRole(QalaRoles.AgencyOfficer) && mine.AgencyId is { } agency && instruction.IsExecutor(agency));
    }

    /// <summary>The agency an officer reports for, or null when the user is not an agency officer with an agency.</summary>
    public async Task<int?> ReportingAgencyAsync(ClaimsPrincipal user) =>
        user.IsInRole(QalaRoles.AgencyOfficer) ? (await scope.CurrentAsync()).AgencyId : null;
}
