using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Users;

/// <summary>What an administrator sets about a user: who they are, their roles, agency and territories.</summary>
public sealed class UserForm
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200)]
    [Display(Name = "Full name")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter an e-mail address.")]
    [EmailAddress(ErrorMessage = "This e-mail address is not valid.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Language")]
    [RegularExpression("^(kk|ru|en)$", ErrorMessage = "Choose a language.")]
    public string Language { get; set; } = "kk";

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Territories")]
    public List<int> TerritoryIds { get; set; } = [];

    /// <summary>The rules a user's roles must satisfy, checked before anything is saved.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Roles.Any(r => !QalaRoles.All.Contains(r)))
        {
            yield return (nameof(Roles), "Unknown role.");
        }

        if (Roles.Contains(QalaRoles.AgencyOfficer) && AgencyId is null)
        {
            yield return (nameof(AgencyId), "An agency officer must be bound to an agency.");
        }

        if (Roles.Count > 0 && TerritoryIds.Count == 0)
        {
            yield return (nameof(TerritoryIds), "Choose at least one territory the user acts in.");
        }
    }

    /// <summary>Applies the roles, agency and territories to <paramref name="user"/>.</summary>
    public async Task<IdentityResult> ApplyAsync(QalaUser user, UserManager<QalaUser> users, QalaDbContext db, CancellationToken cancellationToken)
    {
        user.AgencyId = AgencyId;
        user.Language = Language;
        var links = await db.Set<UserTerritory>().Where(t => t.UserId == user.Id).ToListAsync(cancellationToken);
        db.RemoveRange(links.Where(l => !TerritoryIds.Contains(l.TerritoryId)));
        db.AddRange(TerritoryIds.Distinct().Where(id => links.All(l => l.TerritoryId != id))
            .Select(id => new UserTerritory { UserId = user.Id, TerritoryId = id }));
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(Roles));
        return result.Succeeded ? await users.AddToRolesAsync(user, Roles.Except(current)) : result;
    }
}
