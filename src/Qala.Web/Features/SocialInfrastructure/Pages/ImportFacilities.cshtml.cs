using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>Imports a territory's facilities (<see cref="FacilityImport"/>): preview first, then all or nothing. Its editors only.</summary>
[Authorize(Roles = SocialAccess.Editors)]
public sealed class ImportFacilitiesModel(
    QalaDbContext database, Importer importer, FacilityImport definition, SocialAccess access, IStringLocalizer<SharedResource> t)
    : ImportPageModel<FacilityRow>(database, importer, definition, t)
{
    public Territory Territory { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await SocialPages.TerritoryAsync(context, Db, access, edit: true) is not { } territory)
        {
            return;
        }

        Territory = territory;
        definition.TerritoryId = territory.Id;
        await next();
    }
}
