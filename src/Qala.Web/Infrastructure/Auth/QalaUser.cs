using Microsoft.AspNetCore.Identity;

namespace Qala.Web.Infrastructure.Auth;

/// <summary>A person who signs in: an official of the akimat or an administrator. Citizens need no account.</summary>
public sealed class QalaUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The agency an agency officer works for; an agency officer acts only on that agency's work.</summary>
    public int? AgencyId { get; set; }

    /// <summary>Set for an account created with a one-time password: the user chooses their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language of the e-mails Qala sends this user (kk, ru or en).</summary>
    public string Language { get; set; } = "kk";

    public List<UserTerritory> Territories { get; set; } = [];
}

/// <summary>A territory a user acts in. A national administrator is bound to the country.</summary>
public sealed class UserTerritory
{
    public required string UserId { get; set; }

    public int TerritoryId { get; set; }
}

/// <summary>The roles of Qala; each acts only inside the user's territories (and agency, for agency officers).</summary>
public static class QalaRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Planner = nameof(Planner);
    public const string AgencyOfficer = nameof(AgencyOfficer);
    public const string Controller = nameof(Controller);
    public const string Moderator = nameof(Moderator);
    public const string PublicCouncilMember = nameof(PublicCouncilMember);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Planner, AgencyOfficer, Controller, Moderator, PublicCouncilMember];
}
