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

    /// <summary>The published, answered suggestions by topic (suggestions without a topic last).</summary>
    public IReadOnlyList<IGrouping<string, Suggestion>> ByTopic { get; private set; } = [];

    /// <summary>Answered suggestions that are not shown: confidential, or not published.</summary>
    public int AnsweredNotShown { get; private set; }

    public bool IsDraft => Consultation.Phase != ConsultationPhase.ReportPublished;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
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
        var answered = SuggestionQueries.WithDecision(db.Set<Suggestion>().AsNoTracking()).Where(s => s.ConsultationId == id && s.Decision != null && s.DuplicateOfId == null);
        var shown = await answered.Where(s => s.State == SuggestionState.Published && !s.Confidential)
            .OrderBy(s => s.Topic!.Position).ThenByDescending(s => s.Supporters).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        AnsweredNotShown = await answered.CountAsync(cancellationToken) - shown.Count;
        ByTopic = [.. shown.GroupBy(s => s.Topic?.Name.Current ?? t["No topic yet"].Value)];
        return Page();
    }

    /// <summary>The report as a Word document or a spreadsheet, in the reader's language.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string format, CancellationToken cancellationToken)
    {
        if (await OnGetAsync(id, cancellationToken) is not PageResult)
        {
            return NotFound();
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
            ByTopic.SelectMany(group => group.Select(s => (IReadOnlyList<object?>)
                [group.Key, s.Text, s.Supporters, t[ParticipationText.Decision(s.Decision!.Value)].Value, s.Answer, s.DecisionReason, s.Activity?.Title.Current ?? s.Goal?.Title.Current ?? s.ForwardedTo])));
        var document = new ReportDocument(Consultation.Title.Current, [new ReportHeading(t["Totals"], 2), totals, new ReportHeading(t["You said, we did"], 2), decisions])
        {
            Subtitle = $"{Consultation.Territory!.Name.Current}, {Consultation.OpensOn.ToString("d", culture)} – {Consultation.ClosesOn.ToString("d", culture)}",
        };

        var name = $"qala-consultation-{id}";
        using var buffer = new MemoryStream();
        if (string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase))
        {
            WordWriter.Write(document, buffer, culture);
            return File(buffer.ToArray(), WordWriter.ContentType, name + WordWriter.FileExtension);
        }

        SpreadsheetWriter.Write(document, buffer, culture);
        return File(buffer.ToArray(), SpreadsheetWriter.ContentType, name + SpreadsheetWriter.FileExtension);
    }
}
