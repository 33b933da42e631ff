using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>Imports a zone's participants (<see cref="ParticipantImport"/>): preview first, then all or nothing. The zone's editors only.</summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.AgencyOfficer}")]
public sealed class ImportParticipantsModel(
    QalaDbContext database, Importer importer, ParticipantImport definition, InvestmentAccess access, IStringLocalizer<SharedResource> t)
    : ImportPageModel<ParticipantRow>(database, importer, definition, t)
{
    public InvestmentZone Zone { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var id = Convert.ToInt32(context.RouteData.Values["id"], System.Globalization.CultureInfo.InvariantCulture);
        if (await Db.Set<InvestmentZone>().AsNoTracking().FirstOrDefaultAsync(z => z.Id == id, HttpContext.RequestAborted) is not { } zone)
        {
            context.Result = NotFound();
            return;
        }

        if (!await access.CanEditAsync(User, zone))
        {
            context.Result = Forbid();
            return;
        }

        Zone = zone;
        definition.ZoneId = zone.Id;
        await next();
    }
}
