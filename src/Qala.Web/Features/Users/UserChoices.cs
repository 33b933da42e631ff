using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Users;

/// <summary>The agencies and territories a user can be bound to, as the user forms offer them.</summary>
public sealed record UserChoices(IReadOnlyList<SelectListItem> Agencies, IReadOnlyList<SelectListItem> Territories)
{
    public static async Task<UserChoices> LoadAsync(QalaDbContext db, CancellationToken cancellationToken)
    {
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        var territories = await db.Set<Territory>().AsNoTracking().Where(t => t.ValidTo == null).OrderBy(t => t.Code).ToListAsync(cancellationToken);
        return new UserChoices(
            [.. agencies.Select(a => new SelectListItem(a.Name.Current, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            [.. territories.Select(t => new SelectListItem(t.Name.Current, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
    }
}
