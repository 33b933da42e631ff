using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.SourceFacts.Pages;

[AllowAnonymous]
public sealed class DetailsModel(QalaDbContext db) : PageModel
{
    public SourceDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var document = await db.Set<SourceDocument>().AsNoTracking()
            .Include(d => d.Territory).Include(d => d.Facts.OrderBy(f => f.Id))
            .FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
