using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>
/// The monitoring report of a program for a quarter or a year: a print-ready page, and the same report as .docx or
/// .xlsx, in the reader's language. Whoever reads the program reads its report.
/// </summary>
[AllowAnonymous]
public sealed class MonitoringModel(QalaDbContext db, ProgramTrees trees, ProgramAccess access, Deadlines deadlines, IOptions<IndicatorOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    public DevelopmentProgram Program { get; private set; } = null!;

    public ReportPeriod Period { get; private set; } = null!;

    public ReportDocument Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? year, int? quarter, CancellationToken cancellationToken) =>
        await BuildAsync(id, year, quarter, cancellationToken) ?? Page();

    /// <summary>The report as a Word document (<c>format=docx</c>) or a spreadsheet (otherwise).</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, int? year, int? quarter, string? format, CancellationToken cancellationToken)
    {
        if (await BuildAsync(id, year, quarter, cancellationToken) is { } refused)
        {
            return refused;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"qala-program-{id}-{Period.Year}{(Period.Quarter is { } q ? $"-q{q}" : "")}");
        return ReportFiles.Download(Report, format, name, CultureInfo.CurrentCulture);
    }

    // Null when the report is built; otherwise the response that refuses it.
    private async Task<IActionResult?> BuildAsync(int id, int? year, int? quarter, CancellationToken cancellationToken)
    {
        var today = deadlines.Today;
        var period = new ReportPeriod(year ?? today.Year, quarter);
        if (!period.IsValid)
        {
            return BadRequest();
        }

        if (await trees.LoadAsync(id, period.AsOf(today), cancellationToken) is not { } tree)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, tree.Program))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        Program = tree.Program;
        Period = period;
        var replans = await db.Set<ActivityReplan>().AsNoTracking()
            .Where(r => r.ChangedOn >= period.From && r.ChangedOn <= period.To && db.Set<RoadmapActivity>().Any(a => a.Id == r.ActivityId && a.Task!.Goal!.Direction!.ProgramId == id))
            .ToListAsync(cancellationToken);
        Report = MonitoringReport.Build(tree, period, replans, options.Value.Thresholds, t);
        return null;
    }
}
