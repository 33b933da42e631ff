using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.SourceFacts.Pages;

[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db) : PageModel
{
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = await db.Set<SourceDocument>().AsNoTracking()
            .OrderByDescending(d => d.PublishedOn).ThenBy(d => d.Code)
            .Select(d => new DocumentRow(d.Code, d.Title, d.Language, d.PublishedOn, d.Publisher, d.Territory!.Name, d.Facts.Count))
            .ToListAsync(cancellationToken);

    public sealed record DocumentRow(string Code, string Title, string Language, DateOnly? PublishedOn, string Publisher, LocalizedText Territory, int FactCount);
}
