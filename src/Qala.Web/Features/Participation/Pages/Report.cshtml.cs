using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// "You said, we did": what a consultation received and what became of it, topic by topic — each published
/// suggestion with its decision and the program item it went into. Public once the report is published; organisers
/// read the draft before. Confidential and hidden suggestions are counted, never shown.
/// </summary>
[AllowAnonymous]
public sealed class ReportModel(QalaDbContext db, UserScope scope, ConsultationFigures figures, IStringLocalizer<SharedResource> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;

    public ConsultationTotals Totals { get; private set; } = null!;

    /// <summary>How many decisions of each topic the page shows, the most supported first; the documents hold them all.</summary>
    public const int ShownPerTopic = 20;

    /// <summary>The published, answered suggestions by topic (suggestions without a topic last).</summary>
    public IReadOnlyList<TopicDecisions> ByTopic { get; private set; } = [];

    /// <summary>Answered suggestions that are not shown: confidential, or not published.</summary>
    public int AnsweredNotShown { get; private set; }

    public const int TopRequestCount = 10;

    /// <summary>
    /// The most supported of the listed suggestions, with their topic: the summary's "top requests". Every one of them
    /// is among its topic's most supported, so the lists already loaded hold them.
    /// </summary>
    public IReadOnlyList<(string Topic, Suggestion Suggestion)> TopRequests =>
        [.. ByTopic.SelectMany(g => g.Suggestions.Select(s => (g.Name, s))).OrderByDescending(x => x.s.Supporters).ThenBy(x => x.s.Id).Take(TopRequestCount)];

    public bool IsDraft => Consultation.Phase != ConsultationPhase.ReportPublished;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, ShownPerTopic, cancellationToken) ?? Page();

    private async Task<IActionResult?> LoadAsync(int id, int? perTopic, CancellationToken cancellationToken)
    {
        if (await db.Set<Consultation>().AsNoTracking().Include(c => c.Territory).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        Consultation = consultation;
        if (IsDraft && !ParticipationAccess.CanOrganise(User, await scope.CurrentAsync(cancellationToken), consultation.TerritoryId))
        {
            return NotFound();
        }

        Totals = await figures.OfAsync(id, cancellationToken);
        AnsweredNotShown = Totals.AnsweredNotShown;
        var shown = db.Set<Suggestion>().AsNoTracking()
            .Where(s => s.ConsultationId == id && s.Decision != null && s.DuplicateOfId == null && s.State == SuggestionState.Published && !s.Confidential);
        var topics = await db.Set<Topic>().AsNoTracking().ToDictionaryAsync(x => x.Id, cancellationToken);
        // Each topic's most supported answers by key first (an index walk each), then all of them at once with their links.
        var listed = new List<(ShownAnswers Count, List<int> Ids)>();
        foreach (var count in Totals.ShownByTopic.OrderBy(c => c.TopicId is { } key ? topics[key].Position : int.MaxValue))
        {
            var ofTopic = (count.TopicId is { } topicId ? shown.Where(s => s.TopicId == topicId) : shown.Where(s => s.TopicId == null))
                .OrderByDescending(s => s.Supporters).ThenBy(s => s.Id).Select(s => s.Id);
            listed.Add((count, await (perTopic is { } most ? ofTopic.Take(most) : ofTopic).ToListAsync(cancellationToken)));
        }

        var ids = listed.SelectMany(l => l.Ids).ToList();
        var suggestions = await SuggestionQueries.WithDecision(db.Set<Suggestion>().AsNoTracking().Where(s => ids.Contains(s.Id)))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var groups = listed.Select(l => new TopicDecisions(
            l.Count.TopicId, l.Count.TopicId is { } key ? topics[key].Name.Current : t["No topic yet"].Value, l.Count.Count, [.. l.Ids.Select(id => suggestions[id])])).ToList();
        ByTopic = groups;
        return null;
    }

    /// <summary>The report as a Word document or a spreadsheet, in the reader's language.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, perTopic: null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var culture = CultureInfo.CurrentCulture;
        var totals = new ReportTable(
            t["Totals"],
            [new ReportColumn(t["Figure"]), new ReportColumn(t["Count"], ColumnKind.WholeNumber)],
            [
                [t["Thematic meetings"].Value, Totals.Meetings],
                [t["Participants"].Value, Totals.Participants],
                [t["People reached"].Value, Totals.Reach],
                [t["Suggestions"].Value, Totals.Suggestions],
                [t["Answered"].Value, Totals.Answered],
                .. Totals.ByChannel.Select(c => (IReadOnlyList<object?>)[t[c.Name].Value, c.Count]),
                .. Totals.ByDecision.Select(d => (IReadOnlyList<object?>)[t[d.Name].Value, d.Count]),
            ]);
        var decisions = new ReportTable(
            t["You said, we did"],
            [new ReportColumn(t["Topic"]), new ReportColumn(t["Suggestion"]), new ReportColumn(t["Supporters"], ColumnKind.WholeNumber), new ReportColumn(t["Decision"]), new ReportColumn(t["Answer"]), new ReportColumn(t["Reason"]), new ReportColumn(t["Program item"])],
            ByTopic.SelectMany(group => group.Suggestions.Select(s => (IReadOnlyList<object?>)
                [group.Name, s.Text, s.Supporters, t[ParticipationText.Decision(s.Decision!.Value)].Value, s.Answer, s.DecisionReason, s.Activity?.Title.Current ?? s.Goal?.Title.Current ?? s.ForwardedTo])));
        var top = new ReportTable(
            t["Top requests"],
            [new ReportColumn(t["Topic"]), new ReportColumn(t["Suggestion"]), new ReportColumn(t["Supporters"], ColumnKind.WholeNumber), new ReportColumn(t["Decision"])],
            TopRequests.Select(x => (IReadOnlyList<object?>)[x.Topic, x.Suggestion.Text, x.Suggestion.Supporters, t[ParticipationText.Decision(x.Suggestion.Decision!.Value)].Value]));
        var document = new ReportDocument(
            Consultation.Title.Current,
            [new ReportHeading(t["Totals"], 2), totals, new ReportHeading(t["Top requests"], 2), top, new ReportHeading(t["You said, we did"], 2), decisions])
        {
            Subtitle = $"{Consultation.Territory!.Name.Current}, {Consultation.OpensOn.ToString("d", culture)} – {Consultation.ClosesOn.ToString("d", culture)}",
        };

        var name = $"qala-consultation-{id}";
        return ReportFiles.Download(document, format, name, culture);
    }
}

/// <summary>A topic's answered suggestions on the report: how many there are, and those listed.</summary>
public sealed record TopicDecisions(int? TopicId, string Name, int Count, IReadOnlyList<Suggestion> Suggestions);
