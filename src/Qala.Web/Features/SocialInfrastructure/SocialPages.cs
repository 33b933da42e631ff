using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>How the pages of a territory (<c>/social/{code}/…</c>) find it and check who may read or change it.</summary>
public static class SocialPages
{
    /// <summary>The territory of the route's <c>code</c>, or null with the page's result set to 404 or 403.</summary>
    public static async Task<Territory?> TerritoryAsync(PageHandlerExecutingContext context, QalaDbContext db, SocialAccess access, bool edit)
    {
        var code = context.RouteData.Values["code"] as string;
        var territory = await db.Set<Territory>().AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, context.HttpContext.RequestAborted);
        if (territory is null)
        {
            context.Result = new NotFoundResult();
            return null;
        }

        var user = context.HttpContext.User;
        if (edit ? !await access.CanEditAsync(user, territory.Id) : !await access.CanReadAsync(territory.Id))
        {
            context.Result = new ForbidResult();
            return null;
        }

        return territory;
    }
}
