using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>Overdue, off-track and at-risk activities of the programs in the user's territories, per responsible agency.</summary>
public sealed class AttentionModel(QalaDbContext db, UserScope scope, Deadlines deadlines, IOptions<IndicatorOptions> options) : PageModel
{
    public IReadOnlyList<(Agency Agency, IReadOnlyList<(DevelopmentProgram Program, ActivityNode Node)> Activities)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var programIds = await db.Set<DevelopmentProgram>().InScope(await scope.CurrentAsync(cancellationToken))
            .Where(p => p.Status != ProgramStatus.Archived && p.Status != ProgramStatus.Completed)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var activities = await db.Set<RoadmapActivity>().AsNoTracking()
            .Include(a => a.ResponsibleAgency).Include(a => a.Task!.Goal!.Direction!.Program)
            .Where(a => programIds.Contains(a.Task!.Goal!.Direction!.ProgramId))
            .Where(a => a.Status != ActivityStatus.Completed && a.Status != ActivityStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var today = deadlines.Today;
        var thresholds = options.Value.Thresholds;
        Agencies = [.. activities
            .Select(a => (Program: a.Task!.Goal!.Direction!.Program!, Node: new ActivityNode(a, a.Assess(today, thresholds))))
            .Where(x => x.Node.Assessment.IsOverdue || x.Node.Assessment.Band is ProgressBand.AtRisk or ProgressBand.OffTrack)
            .GroupBy(x => x.Node.Activity.ResponsibleAgencyId)
            .Select(g => (g.First().Node.Activity.ResponsibleAgency!,
                (IReadOnlyList<(DevelopmentProgram, ActivityNode)>)[.. g.OrderByDescending(x => x.Node.Assessment.IsOverdue).ThenBy(x => x.Node.Activity.DueDate)]))
            .OrderBy(x => x.Item1.Code, StringComparer.Ordinal)];
    }
}
