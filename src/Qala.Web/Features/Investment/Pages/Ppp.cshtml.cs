using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>
/// The PPP projects of the user's territories with the state's payment obligations by year, and their totals by
/// year for each territory's budget. Officials only.
/// </summary>
public sealed class PppModel(QalaDbContext db, UserScope scope) : PageModel
{
    public IReadOnlyList<PppProject> Projects { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The total obligation in each year of each territory's projects, from the republican and from the local budget.</summary>
    public IReadOnlyList<ObligationTotal> Totals { get; private set; } = [];

    public bool CanCreate => InvestmentAccess.MayEditSome(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!InvestmentAccess.IsOfficial(User))
        {
            return Forbid();
        }

        var projects = await db.Set<PppProject>().AsNoTracking().Include(p => p.Territory).Include(p => p.Obligations)
            .InScope(await scope.CurrentAsync(cancellationToken)).ToListAsync(cancellationToken);
        Projects = [.. projects.OrderBy(p => p.Territory!.Code, StringComparer.Ordinal).ThenBy(p => p.Id)];
        Years = [.. projects.SelectMany(p => p.Obligations).Select(o => o.Year).Distinct().Order()];
        Totals = ObligationTotal.Of(Projects);
        return Page();
    }
}
