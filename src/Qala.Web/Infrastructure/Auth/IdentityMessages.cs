using Microsoft.AspNetCore.Identity;

namespace Qala.Web.Infrastructure.Auth;

/// <summary>Identity's errors as keys of Qala's UI strings, so that users read them in their language.</summary>
public static class IdentityMessages
{
    public static string For(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => "The current password is not correct.",
        nameof(IdentityErrorDescriber.PasswordTooShort) => "The new password must have at least 12 characters.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "The password must contain a digit.",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "The password must contain a lowercase letter.",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "The password must contain more different characters.",
        nameof(IdentityErrorDescriber.DuplicateUserName) => "This user name is already taken.",
        nameof(IdentityErrorDescriber.DuplicateEmail) => "This e-mail address is already used by another user.",
        nameof(IdentityErrorDescriber.InvalidUserName) => "A user name may contain only Latin letters, digits and - . _ @ +.",
        nameof(IdentityErrorDescriber.InvalidEmail) => "This e-mail address is not valid.",
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => "Someone else changed this record while you were editing it. Reload the page and try again.",
        _ => error.Description,
    };
}
