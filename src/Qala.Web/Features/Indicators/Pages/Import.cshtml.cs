using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>Imports an open-sdg file of the statistics office (<see cref="OpenSdgImport"/>): values to add, to revise, unchanged.</summary>
[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class ImportModel(QalaDbContext db, Importer importer, OpenSdgImport definition, IStringLocalizer<SharedResource> t)
    : ImportPageModel<SdgRow>(db, importer, definition, t)
{
    public override string Accept => ".csv,text/csv";
}
