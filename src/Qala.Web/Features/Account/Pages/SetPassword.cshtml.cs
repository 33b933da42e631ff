using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Account.Pages;

/// <summary>Where an invitation's link leads: the new user chooses a password with the token from the e-mail.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormLimits.Policy)]
public sealed class SetPasswordModel(UserManager<QalaUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string UserId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The new password must have at least 12 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = string.Empty;

    [BindProperty]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = string.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(UserId);
        var result = user is null ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken()) : await users.ResetPasswordAsync(user, Token, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? t["This link is no longer valid. Ask your administrator for a new one."]
                    : t[IdentityMessages.For(error)]);
            }

            return Page();
        }

        user!.MustChangePassword = false;
        await users.UpdateAsync(user);
        TempData["Notice"] = t["Your password has been set. You can sign in now."].Value;
        return Redirect("/account/sign-in");
    }
}
