using System.Security.Claims;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Participation;

/// <summary>
/// Who handles citizens' suggestions. Everything is bound to the user's territories; an agency officer sees only
/// what was routed to their agency. Confidential suggestions are read only by moderators, administrators and the
/// agency that answers them. Contact data is shown only to moderators and administrators.
/// </summary>
public static class ParticipationAccess
{
    public static bool Organises(ClaimsPrincipal user) => user.IsInRole(QalaRoles.Planner) || user.IsInRole(QalaRoles.Administrator);

    public static bool Moderates(ClaimsPrincipal user) => user.IsInRole(QalaRoles.Moderator) || user.IsInRole(QalaRoles.Administrator);

    /// <summary>Whether the user opens the inbox of suggestions at all.</summary>
    public static bool ReadsInbox(ClaimsPrincipal user) =>
        Organises(user) || Moderates(user) || user.IsInRole(QalaRoles.AgencyOfficer) || user.IsInRole(QalaRoles.PublicCouncilMember);

    /// <summary>Whether <paramref name="user"/> may read the suggestion in the inbox (its public page is another matter).</summary>
    public static bool CanRead(ClaimsPrincipal user, UserScopeInfo scope, Suggestion suggestion)
    {
        if (!scope.Covers(suggestion.TerritoryId))
        {
            return false;
        }

        if (IsAnsweringAgency(user, scope, suggestion))
        {
            return true;
        }

        return suggestion.Confidential ? Moderates(user) : Organises(user) || Moderates(user) || user.IsInRole(QalaRoles.PublicCouncilMember);
    }

    public static bool CanModerate(ClaimsPrincipal user, UserScopeInfo scope, Suggestion suggestion) =>
        Moderates(user) && scope.Covers(suggestion.TerritoryId);

    /// <summary>Choosing the topic and routing: moderators and the strategy office.</summary>
    public static bool CanRoute(ClaimsPrincipal user, UserScopeInfo scope, Suggestion suggestion) =>
        (Moderates(user) || (Organises(user) && !suggestion.Confidential)) && scope.Covers(suggestion.TerritoryId);

    /// <summary>Answering: the agency it was routed to, or the strategy office of the territory.</summary>
    public static bool CanAnswer(ClaimsPrincipal user, UserScopeInfo scope, Suggestion suggestion) =>
        IsAnsweringAgency(user, scope, suggestion) || (CanRoute(user, scope, suggestion) && Organises(user));

    public static bool CanSeeContact(ClaimsPrincipal user, UserScopeInfo scope, Suggestion suggestion) =>
        Moderates(user) && scope.Covers(suggestion.TerritoryId);

    /// <summary>Creating and editing consultations and their meetings, and entering suggestions from meetings and paper.</summary>
    public static bool CanOrganise(ClaimsPrincipal user, UserScopeInfo scope, int territoryId) =>
        (Organises(user) || Moderates(user)) && scope.Covers(territoryId);

    private static bool IsAnsweringAgency(ClaimsPrincipal user, UserScopeInfo scope, Suggestion suggestion) =>
        user.IsInRole(QalaRoles.AgencyOfficer) && scope.AgencyId is not null && suggestion.AgencyId == scope.AgencyId;
}
