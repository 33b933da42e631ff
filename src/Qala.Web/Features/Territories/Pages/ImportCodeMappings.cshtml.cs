using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Territories.Pages;

/// <summary>Imports the codes other systems use for territories (<see cref="CodeMappingImport"/>).</summary>
[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class ImportCodeMappingsModel(QalaDbContext db, Importer importer, CodeMappingImport definition, IStringLocalizer<SharedResource> t)
    : ImportPageModel<CodeMappingRow>(db, importer, definition, t);
