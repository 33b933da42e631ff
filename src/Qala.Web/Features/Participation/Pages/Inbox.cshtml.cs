using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// The suggestions staff handle: moderators see everything of their territories, the strategy office everything but
/// the confidential, an agency officer what was routed to their agency. Filters narrow it; the oldest waiting come first.
/// </summary>
public sealed class InboxModel(QalaDbContext db, UserScope scope, Deadlines deadlines) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Consultation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<Consultation> Consultations { get; private set; } = [];

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The filters of the list: English resource keys by value.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Views =
    [
        ("", "All"),
        ("moderation", "Awaiting moderation"),
        ("held", "Held for review"),
        ("unrouted", "No agency yet"),
        ("unanswered", "Not answered yet."),
        ("overdue", "Answer overdue"),
        ("answered", "Answered"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ParticipationAccess.ReadsInbox(User))
        {
            return Forbid();
        }

        var current = await scope.CurrentAsync(cancellationToken);
        Today = deadlines.Today;
        var query = Readable(db.Set<Suggestion>().AsNoTracking().InScope(current), current);
        if (Consultation is { } consultation)
        {
            query = query.Where(s => s.ConsultationId == consultation);
        }

        if (Topic is { } topic)
        {
            query = query.Where(s => s.TopicId == topic);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(s => s.Text.Contains(text) || s.PublicCode == text);
        }

        var today = Today;
        query = Show switch
        {
            "moderation" => query.Where(s => s.State == SuggestionState.Received && !s.Confidential && s.DuplicateOfId == null),
            "held" => query.Where(s => s.HeldForReview),
            "unrouted" => query.Where(s => s.AgencyId == null && s.DuplicateOfId == null),
            "unanswered" => query.Where(s => s.Decision == null && s.DuplicateOfId == null),
            "overdue" => query.Where(s => s.Decision == null && s.DuplicateOfId == null && s.AnswerDue < today),
            "answered" => query.Where(s => s.Decision != null),
            _ => query,
        };

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Suggestions = await query.Include(s => s.Topic).Include(s => s.Agency).Include(s => s.District).Include(s => s.Consultation)
            .OrderBy(s => s.Decision != null).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Consultations = await db.Set<Consultation>().AsNoTracking().InScope(current).OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        Topics = await db.Set<Topic>().AsNoTracking().OrderBy(t => t.Position).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>What the user may read: the rule of <see cref="ParticipationAccess.CanRead"/> as a query.</summary>
    private IQueryable<Suggestion> Readable(IQueryable<Suggestion> suggestions, UserScopeInfo current)
    {
        if (ParticipationAccess.Moderates(User))
        {
            return suggestions;
        }

        var agency = User.IsInRole(QalaRoles.AgencyOfficer) ? current.AgencyId : null;
        var seesOpen = ParticipationAccess.Organises(User) || User.IsInRole(QalaRoles.PublicCouncilMember);
        return suggestions.Where(s => (agency != null && s.AgencyId == agency) || (seesOpen && !s.Confidential));
    }

    public string Link(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["consultation"] = Consultation?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["show"] = Show,
            ["topic"] = Topic?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = Q,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
