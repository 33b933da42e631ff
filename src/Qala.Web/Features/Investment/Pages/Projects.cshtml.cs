using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>The pipeline of investment projects outside the zones in the user's territories. Officials only.</summary>
public sealed class ProjectsModel(QalaDbContext db, UserScope scope) : PageModel
{
    public IReadOnlyList<InvestmentProject> Projects { get; private set; } = [];

    public bool CanCreate => InvestmentAccess.MayEditSome(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!InvestmentAccess.IsOfficial(User))
        {
            return Forbid();
        }

        Projects = await db.Set<InvestmentProject>().AsNoTracking().Include(p => p.Territory).Include(p => p.Years)
            .InScope(await scope.CurrentAsync(cancellationToken)).AsSplitQuery().OrderBy(p => p.TerritoryId).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return Page();
    }
}
