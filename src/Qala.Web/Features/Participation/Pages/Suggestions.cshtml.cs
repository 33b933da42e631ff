using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// The published suggestions of a discussion, for everyone: newest first, by topic or district, with the decision
/// once there is one. Confidential, hidden, unmoderated and merged suggestions are never listed.
/// </summary>
[AllowAnonymous]
public sealed class SuggestionsModel(QalaDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        Consultation = consultation;
        var query = db.Set<Suggestion>().AsNoTracking()
            .Where(s => s.ConsultationId == id && s.State == SuggestionState.Published && !s.Confidential && s.DuplicateOfId == null);
        if (Topic is { } topic)
        {
            query = query.Where(s => s.TopicId == topic);
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Suggestions = await SuggestionQueries.WithDecision(query).OrderByDescending(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Topics = await db.Set<Topic>().AsNoTracking().Where(t => !t.IsConfidential).OrderBy(t => t.Position).ToListAsync(cancellationToken);
        return Page();
    }
}
