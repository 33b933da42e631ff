using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>Imports a territory's population (<see cref="DemandImport"/>): preview first, then all or nothing. Its editors only.</summary>
[Authorize(Roles = SocialAccess.Editors)]
public sealed class ImportPopulationModel(
    QalaDbContext database, Importer importer, DemandImport definition, SocialAccess access, IStringLocalizer<SharedResource> t)
    : ImportPageModel<DemandRow>(database, importer, definition, t)
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
