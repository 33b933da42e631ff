using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>
/// The programs: approved, implemented and completed ones for everyone, and for planners, administrators and
/// controllers also the drafts (and programs in discussion or archived) of their own territories.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db, UserScope scope) : PageModel
{
    public IReadOnlyList<DevelopmentProgram> Programs { get; private set; } = [];

    public bool CanCreate => ProgramAccess.IsPlanner(User);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var programs = db.Set<DevelopmentProgram>().AsNoTracking().Include(p => p.Territory);
        var visible = await programs
            .Where(p => p.Status == ProgramStatus.Approved || p.Status == ProgramStatus.InImplementation || p.Status == ProgramStatus.Completed)
            .ToListAsync(cancellationToken);
        if (ProgramAccess.ReadsDrafts(User))
        {
            visible.AddRange(await programs.InScope(await scope.CurrentAsync(cancellationToken)).ToListAsync(cancellationToken));
        }

        Programs = [.. visible.DistinctBy(p => p.Id).OrderBy(p => p.Territory!.Code, StringComparer.Ordinal).ThenByDescending(p => p.PeriodFrom).ThenBy(p => p.Id)];
    }
}
