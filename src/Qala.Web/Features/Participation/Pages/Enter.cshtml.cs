using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Languages;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Localization;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// Staff enter suggestions that came from a thematic meeting, on paper or from the public council: one, or many at
/// once from a meeting's minutes (one suggestion per paragraph). All are stored or none: a bad paragraph is named by
/// its number and nothing is saved.
/// </summary>
[Authorize]
public sealed partial class EnterModel(QalaDbContext db, UserScope scope, SuggestionIntake intake, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxParagraphs = 500;

    public static readonly SuggestionChannel[] Channels = [SuggestionChannel.Meeting, SuggestionChannel.Paper, SuggestionChannel.PublicCouncil];

    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<ThematicMeeting> Meetings { get; private set; } = [];

    public IReadOnlyList<Territory> Districts { get; private set; } = [];

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    [BindProperty]
    public SuggestionChannel Channel { get; set; } = SuggestionChannel.Meeting;

    [BindProperty(SupportsGet = true)]
    public int? MeetingId { get; set; }

    [BindProperty]
    public int? TopicId { get; set; }

    [BindProperty]
    public int? DistrictId { get; set; }

    [BindProperty]
    public string Texts { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var paragraphs = Paragraphs(Texts ?? string.Empty);
        if (!Channels.Contains(Channel))
        {
            ModelState.AddModelError(nameof(Channel), t["Choose how the suggestions came."]);
        }

        if (paragraphs.Count == 0)
        {
            ModelState.AddModelError(nameof(Texts), t["Write at least one suggestion."]);
        }
        else if (paragraphs.Count > MaxParagraphs)
        {
            ModelState.AddModelError(nameof(Texts), t["At most {0} suggestions at once.", MaxParagraphs]);
        }

        if (TopicId is { } topic && Topics.All(x => x.Id != topic))
        {
            ModelState.AddModelError(nameof(TopicId), t["Choose a topic."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var language = QalaCultures.LanguageOf(CultureInfo.CurrentUICulture).Code();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var result = await intake.SubmitAsync(
                new SuggestionSubmission
                {
                    ConsultationId = id,
                    Channel = Channel,
                    Text = paragraphs[i],
                    Language = language,
                    MeetingId = Channel == SuggestionChannel.Meeting ? MeetingId : null,
                    DistrictId = DistrictId,
                    TopicId = TopicId,
                    EnteredBy = User.Identity!.Name!,
                },
                cancellationToken);
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field == nameof(SuggestionSubmission.Text) ? nameof(Texts) : string.Empty, $"{t["Suggestion {0}", i + 1]}: {t[message]}");
            }
        }

        if (!ModelState.IsValid)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Page();
        }

        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = t["{0} suggestions have been entered.", paragraphs.Count].Value;
        return Redirect($"/participation/suggestions?consultation={id}");
    }

    /// <summary>The paragraphs of the text: blocks separated by an empty line, each trimmed.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        [.. BlankLine().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(p => p.Trim()).Where(p => p.Length > 0)];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        if (!ParticipationAccess.CanOrganise(User, await scope.CurrentAsync(cancellationToken), consultation.TerritoryId))
        {
            return Forbid();
        }

        Consultation = consultation;
        Meetings = await db.Set<ThematicMeeting>().AsNoTracking().Where(m => m.ConsultationId == id).OrderByDescending(m => m.HeldOn).ToListAsync(cancellationToken);
        Districts = await db.Set<Territory>().AsNoTracking().Where(x => x.ParentId == consultation.TerritoryId && x.ValidTo == null).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        Topics = await db.Set<Topic>().AsNoTracking().OrderBy(x => x.Position).ToListAsync(cancellationToken);
        return null;
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();
}
