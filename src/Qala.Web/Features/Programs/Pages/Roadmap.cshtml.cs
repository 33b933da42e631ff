using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Documents;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>
/// The roadmap of a program as a workbook (<see cref="RoadmapWorkbook"/>) for planners of its territory, and the
/// import of the edited workbook (<see cref="RoadmapImport"/>): preview, then all or nothing.
/// </summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner}")]
public sealed class RoadmapModel(
    QalaDbContext database, Importer importer, RoadmapImport definition, ProgramTrees trees, ProgramAccess access,
    IStringLocalizer<SharedResource> t, IStringLocalizer<SharedResource> text)
    : ImportPageModel<RoadmapRow>(database, importer, definition, t)
{
    public DevelopmentProgram Program { get; private set; } = null!;

    /// <summary>Whether the import may change the plan (see <see cref="ProgramAmendments.StructureOpen"/>) or only progress.</summary>
    public bool StructureOpen { get; private set; }

    public override string Accept => ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var id = int.TryParse(RouteData.Values["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (await Db.Set<DevelopmentProgram>().AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted) is not { } program)
        {
            context.Result = NotFound();
            return;
        }

        if (!await access.CanEditAsync(User, program) || !program.IsOpen)
        {
            context.Result = Forbid();
            return;
        }

        Program = program;
        StructureOpen = ProgramAmendments.StructureOpen(program);
        definition.ProgramId = program.Id;

        // Without an open amendment an approved program's roadmap takes progress only (status, percent, actual money).
        definition.ProgressOnly = !StructureOpen;

        // A roadmap changes as a whole or not at all.
        Mode = ImportMode.AllOrNothing;
        await next();
    }

    /// <summary>The roadmap as a workbook to edit and import back.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var tree = (await trees.LoadAsync(Program.Id, cancellationToken))!;
        using var buffer = new MemoryStream();
        SpreadsheetWriter.Write(RoadmapWorkbook.Of(tree, text), buffer, CultureInfo.CurrentCulture);
        return File(buffer.ToArray(), SpreadsheetWriter.ContentType, string.Create(CultureInfo.InvariantCulture, $"qala-roadmap-{Program.Id}{SpreadsheetWriter.FileExtension}"));
    }
}
