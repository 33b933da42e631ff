using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Users.Pages;

[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class EditModel(QalaDbContext db, UserManager<QalaUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public QalaUser Account { get; private set; } = null!;

    public UserChoices Choices { get; private set; } = null!;

    [BindProperty]
    public UserForm Form { get; set; } = new();

    /// <summary>The stamp the form was read with: a save over someone else's newer change is refused.</summary>
    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = new UserForm
        {
            DisplayName = Account.DisplayName,
            Email = Account.Email ?? string.Empty,
            Roles = [.. await users.GetRolesAsync(Account)],
            AgencyId = Account.AgencyId,
            Language = Account.Language,
            TerritoryIds = [.. Account.Territories.Select(x => x.TerritoryId)],
        };
        ConcurrencyStamp = Account.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        foreach (var (field, message) in Form.Problems())
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", t[message]);
        }

        if (Account.UserName == User.Identity?.Name && !Form.Roles.Contains(QalaRoles.Administrator))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(UserForm.Roles)}", t["You cannot take the administrator role from yourself."]);
        }

        if (!string.Equals(ConcurrencyStamp, Account.ConcurrencyStamp, StringComparison.Ordinal))
        {
            ModelState.AddModelError(string.Empty, t[IdentityMessages.For(new IdentityErrorDescriber().ConcurrencyFailure())]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Account.DisplayName = Form.DisplayName;
        Account.Email = Form.Email;
        var result = await Form.ApplyAsync(Account, users, db, cancellationToken);
        if (result.Succeeded)
        {
            result = await users.UpdateAsync(Account);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, t[IdentityMessages.For(error)]);
            }

            return Page();
        }

        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = t["The user has been saved."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        TempData["Notice"] = t["The account has been unlocked."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        NewPassword = OneTimePassword.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(Account);
        var result = await users.ResetPasswordAsync(Account, token, NewPassword);
        if (!result.Succeeded)
        {
            NewPassword = null;
            ModelState.AddModelError(string.Empty, string.Join(" ", result.Errors.Select(e => t[IdentityMessages.For(e)].Value)));
        }
        else
        {
            Account.MustChangePassword = true;
            await users.UpdateAsync(Account);
        }

        Form = new UserForm
        {
            DisplayName = Account.DisplayName,
            Email = Account.Email ?? string.Empty,
            Roles = [.. await users.GetRolesAsync(Account)],
            AgencyId = Account.AgencyId,
            Language = Account.Language,
            TerritoryIds = [.. Account.Territories.Select(x => x.TerritoryId)],
        };
        ConcurrencyStamp = Account.ConcurrencyStamp;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await db.Users.Include(u => u.Territories).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (account is null)
        {
            return false;
        }

        Account = account;
        Choices = await UserChoices.LoadAsync(db, cancellationToken);
        return true;
    }
}
