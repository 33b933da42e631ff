using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Qala.Engine.Access.Osm;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure.Pages;

/// <summary>
/// Imports a territory's population (<see cref="DemandImport"/>): preview first, then all or nothing; or estimates it
/// from the buildings of the stored street extract (<see cref="SocialStore.EstimatePopulationAsync"/>). Its editors only.
/// </summary>
[Authorize(Roles = SocialAccess.Editors)]
public sealed class ImportPopulationModel(
    QalaDbContext database, Importer importer, DemandImport definition, SocialAccess access, SocialStore store, IStringLocalizer<SharedResource> t)
    : ImportPageModel<DemandRow>(database, importer, definition, t)
{
    public Territory Territory { get; private set; } = null!;

    [BindProperty]
    public EstimateInput Estimate { get; set; } = new();

    public StoreResult? Estimated { get; private set; }

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

    public async Task<IActionResult> OnPostBuildingsAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            Estimated = await store.EstimatePopulationAsync(Territory, new BuildingEstimate(
                new PopulationRule(Estimate.SquareMetresPerPerson, Estimate.DefaultLevels, Estimate.PeoplePerBuilding),
                Estimate.Children1To6Percent, Estimate.Children6To17Percent), cancellationToken);
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>The figures of the estimate from buildings, with the defaults the form offers.</summary>
    public sealed class EstimateInput
    {
        [Range(5, 200)]
        public double SquareMetresPerPerson { get; set; } = 25;

        [Range(1, 100)]
        public double DefaultLevels { get; set; } = 2;

        [Range(0, 1000)]
        public int PeoplePerBuilding { get; set; } = 3;

        [Range(0, 100)]
        public double? Children1To6Percent { get; set; }

        [Range(0, 100)]
        public double? Children6To17Percent { get; set; }
    }
}
