using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Documents;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>
/// Imports values in the long layout (<see cref="LongImport"/>) from CSV or the .xlsx template, and writes that
/// template. A planner records values only for the territories of their scope.
/// </summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner}")]
public sealed class ImportValuesModel(
    QalaDbContext database, Importer importer, LongImport definition, LongTemplate template, UserScope scope, TimeProvider time, IStringLocalizer<SharedResource> t)
    : ImportPageModel<LongRow>(database, importer, definition, t)
{
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public int DefaultYear => time.GetUtcNow().Year - 1;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        definition.Scope = await scope.CurrentAsync(HttpContext.RequestAborted);
        Indicators = [.. (await IndicatorQueries.CatalogAsync(Db, HttpContext.RequestAborted)).Select(c => c.Indicator)];
        await next();
    }

    public async Task<IActionResult> OnGetTemplateAsync(string code, int? year, CancellationToken cancellationToken)
    {
        var indicator = await Db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        var chosen = Math.Clamp(year ?? DefaultYear, 1990, 2100);
        var document = await template.WriteAsync(indicator, chosen, definition.Scope!.Covers, cancellationToken);
        using var buffer = new MemoryStream();
        SpreadsheetWriter.Write(document, buffer, CultureInfo.CurrentCulture);
        var name = $"qala-{indicator.Code.Replace('.', '-')}-{chosen.ToString(CultureInfo.InvariantCulture)}{SpreadsheetWriter.FileExtension}";
        return File(buffer.ToArray(), SpreadsheetWriter.ContentType, name);
    }
}
