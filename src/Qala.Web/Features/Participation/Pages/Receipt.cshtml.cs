using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// The citizen's receipt: whoever holds the unguessable link reads their suggestion, where it is and the decision.
/// Contact data is never shown here.
/// </summary>
[AllowAnonymous]
public sealed class ReceiptModel(QalaDbContext db) : PageModel
{
    public Suggestion Suggestion { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var suggestion = await SuggestionQueries.WithDecision(db.Set<Suggestion>().AsNoTracking())
            .FirstOrDefaultAsync(s => s.PublicCode == code, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }

        Suggestion = suggestion;
        return Page();
    }
}
