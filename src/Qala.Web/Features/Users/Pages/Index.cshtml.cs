using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Email;

namespace Qala.Web.Features.Users.Pages;

[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class IndexModel(
    QalaDbContext db, UserManager<QalaUser> users, Invitation invitation, Outbox outbox, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public UserChoices Choices { get; private set; } = null!;

    [BindProperty]
    public UserForm Form { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Enter a user name.")]
    [RegularExpression("^[A-Za-z0-9._@+-]{3,64}$", ErrorMessage = "A user name may contain only Latin letters, digits and - . _ @ +.")]
    [Display(Name = "User name")]
    public string UserName { get; set; } = string.Empty;

    /// <summary>Shown once, right after the user is created; never stored in the clear.</summary>
    public (string UserName, string Password)? Created { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, message) in Form.Problems())
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", t[message]);
        }

        if (ModelState.IsValid)
        {
            var password = OneTimePassword.Generate();
            var user = new QalaUser
            {
                UserName = UserName,
                Email = Form.Email,
                EmailConfirmed = true,
                DisplayName = Form.DisplayName,
                MustChangePassword = true,
                CreatedAt = time.GetUtcNow(),
            };
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await Form.ApplyAsync(user, users, db, cancellationToken);
            }

            if (result.Succeeded)
            {
                await invitation.EnqueueAsync(user, Request);
                await outbox.SaveAndScheduleAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                Created = (UserName, password);
                ModelState.Clear();
                Form = new UserForm();
                UserName = string.Empty;
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(string.Empty, t[IdentityMessages.For(error)]);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Choices = await UserChoices.LoadAsync(db, cancellationToken);
        var agencies = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Rows = [.. all.Select(u => new UserRow(
            u.Id, u.UserName!, u.DisplayName, u.Email,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)],
            u.AgencyId is { } a && agencies.TryGetValue(a, out var name) ? name : null,
            u.LockoutEnd > now,
            u.MustChangePassword))];
    }

    public sealed record UserRow(
        string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, LocalizedText? Agency, bool LockedOut, bool MustChangePassword);
}
