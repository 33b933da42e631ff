using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>The roadmap activities an agency officer's agency answers for, with where each stands today.</summary>
[Authorize(Roles = QalaRoles.AgencyOfficer)]
public sealed class MyActivitiesModel(QalaDbContext db, UserScope scope, Deadlines deadlines, IOptions<IndicatorOptions> options) : PageModel
{
    public IReadOnlyList<(DevelopmentProgram Program, ActivityNode Node)> Activities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencyId = (await scope.CurrentAsync(cancellationToken)).AgencyId;
        var activities = await db.Set<RoadmapActivity>().AsNoTracking()
            .Include(a => a.Task!.Goal!.Direction!.Program)
            .Where(a => agencyId != null && a.ResponsibleAgencyId == agencyId && a.Task!.Goal!.Direction!.Program!.Status != ProgramStatus.Archived)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var today = deadlines.Today;
        var thresholds = options.Value.Thresholds;
        Activities = [.. activities.Select(a => (a.Task!.Goal!.Direction!.Program!, new ActivityNode(a, a.Assess(today, thresholds))))];
    }
}
