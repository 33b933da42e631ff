using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>Imports pipeline projects (<see cref="ProjectImport"/>) within the user's territories and, for an officer, their agency.</summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.AgencyOfficer}")]
public sealed class ImportProjectsModel(
    QalaDbContext database, Importer importer, ProjectImport definition, InvestmentAccess access, UserScope scope, IStringLocalizer<SharedResource> t)
    : ImportPageModel<ProjectRow>(database, importer, definition, t)
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        definition.Scope = await scope.CurrentAsync(HttpContext.RequestAborted);
        definition.OnlyAgency = await access.OnlyAgencyAsync(User);
        await next();
    }
}
