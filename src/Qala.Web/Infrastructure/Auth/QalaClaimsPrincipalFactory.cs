using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qala.Web.Infrastructure.Auth;

/// <summary>Adds Qala's own facts about the user to the sign-in cookie, so that no request has to look them up.</summary>
internal sealed class QalaClaimsPrincipalFactory(
    UserManager<QalaUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<QalaUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "qala:must_change_password";
    public const string AgencyId = "qala:agency";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(QalaUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }

        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(AgencyId, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }

    /// <summary>
    /// A user who signed in with a one-time password reaches nothing but the password page until they choose their own.
    /// </summary>
    public static Task EnforcePasswordChange(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(MustChangePassword, "true")
            && !path.StartsWithSegments("/account")
            && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/img")
            && !path.StartsWithSegments("/language"))
        {
            context.Response.Redirect("/account/password?returnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        return next();
    }
}
