using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>A version of a program: its reason and what it changed from the version before (targets, activities, budgets).</summary>
[AllowAnonymous]
public sealed class VersionsModel(QalaDbContext db, ProgramAccess access, ProgramAmendments amendments) : PageModel
{
    public DevelopmentProgram Program { get; private set; } = null!;

    public ProgramVersion Shown { get; private set; } = null!;

    public VersionDifference? Difference { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken)
    {
        var program = await db.Set<DevelopmentProgram>().AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program?.Versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, program))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        (Program, Shown) = (program, version);
        Difference = await amendments.DifferenceAsync(program, version, cancellationToken);
        return Page();
    }
}
