using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Privacy;

namespace Qala.Web.Features.Users;

/// <summary>
/// Officials' accounts as personal data: name, e-mail, phone. Erasing an account anonymises it and locks it; the audit
/// log keeps who did what under the account's key, which is not personal data by itself.
/// </summary>
internal sealed class UserPersonalData(QalaDbContext db, UserManager<QalaUser> users) : IPersonalDataSource
{
    public string Name => "User account";

    public async Task<IReadOnlyList<PersonalDataRecord>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email);
        return [.. (await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).ToListAsync(cancellationToken))
            .Select(u => new PersonalDataRecord(Name, u.Id, new Dictionary<string, string?>
            {
                ["UserName"] = u.UserName,
                ["DisplayName"] = u.DisplayName,
                ["Email"] = u.Email,
                ["PhoneNumber"] = u.PhoneNumber,
                ["Language"] = u.Language,
                ["CreatedAt"] = u.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            }))];
    }

    public async Task<int> EraseAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return 0;
        }

        var tag = $"erased-{user.Id[..8]}";
        user.UserName = tag;
        user.Email = $"{tag}@erased.invalid";
        user.DisplayName = "—";
        user.PhoneNumber = null;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.RemovePasswordAsync(user);
            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        }

        return result.Succeeded ? 1 : 0;
    }
}
