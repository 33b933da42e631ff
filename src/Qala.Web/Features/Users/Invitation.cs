using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Qala.Engine.Languages;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Localization;

namespace Qala.Web.Features.Users;

/// <summary>
/// The e-mail that invites a new user to choose a password, in the user's language. The link carries Identity's
/// password-reset token (valid for a day); the one-time password shown to the administrator stays a fallback.
/// </summary>
public sealed class Invitation(UserManager<QalaUser> users, Outbox outbox, IStringLocalizer<SharedResource> t, IConfiguration configuration)
{
    public async Task EnqueueAsync(QalaUser user, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{PublicAddress.Root(configuration, request)}/account/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var language = LanguageCodes.Parse(user.Language) ?? Language.Kk;

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = QalaCultures.For(language);
        try
        {
            outbox.Enqueue(
                user.Email!,
                t["Your Qala account"],
                t["Invitation e-mail {0} {1} {2}", user.DisplayName, user.UserName!, link],
                language.Code());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
