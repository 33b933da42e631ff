using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Account.Pages;

[AllowAnonymous]
[EnableRateLimiting(PublicFormLimits.Policy)]
public sealed partial class SignInModel(
    SignInManager<QalaUser> signIn,
    UserManager<QalaUser> users,
    IStringLocalizer<SharedResource> t,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A user may sign in with the user name or the e-mail address.
        var user = await users.FindByNameAsync(Form.UserName) ?? await users.FindByEmailAsync(Form.UserName);
        if (user is not null)
        {
            var result = await signIn.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                LogSignedIn(logger, user.UserName);
                if (user.MustChangePassword)
                {
                    return RedirectToPage("/Account/Pages/ChangePassword", new { returnUrl = SafeReturnUrl() });
                }

                return LocalRedirect(SafeReturnUrl());
            }

            if (result.IsLockedOut)
            {
                LogLockedOut(logger, user.UserName);
                ModelState.AddModelError(string.Empty, t["This account is locked after too many failed attempts. Try again later or ask an administrator."]);
                return Page();
            }
        }

        // The same message whether the user exists or not, so the form does not reveal user names.
        ModelState.AddModelError(string.Empty, t["The user name or password is not correct."]);
        return Page();
    }

    [LoggerMessage(LogLevel.Information, "User {UserName} signed in")]
    private static partial void LogSignedIn(ILogger logger, string? userName);

    [LoggerMessage(LogLevel.Warning, "User {UserName} is locked out after failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string? userName);

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your user name or e-mail.")]
        [Display(Name = "User name or e-mail")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;
    }
}
