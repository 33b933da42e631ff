using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qala.Engine.Participation.Duplicates;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Programs;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// One suggestion as staff handle it: moderation, topic and agency, the answer with its decision, merging
/// near-duplicates, and its history. Each action is allowed by <see cref="ParticipationAccess"/> and saved against the
/// version the user saw.
/// </summary>
public sealed class HandleModel(
    QalaDbContext db, UserScope scope, SuggestionRouting routing, SuggestionAnswers answers, AuditLog audit, TimeProvider time,
    DuplicateGroups grouping, IConfiguration configuration, IOptions<SocialOptions> maps, IStringLocalizer<SharedResource> t) : PageModel
{
    public Suggestion Suggestion { get; private set; } = null!;

    /// <summary>The map's tiles, shared with the social infrastructure maps.</summary>
    public SocialOptions Maps => maps.Value;

    public SuggestionContact? Contact { get; private set; }

    /// <summary>The letter a suggestion came in by e-mail: its subject, and its quoted history for those who see contact data.</summary>
    public Mail.SuggestionEmail? Letter { get; private set; }

    public IReadOnlyList<Attachment> Files { get; private set; } = [];

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<ProgramGoal> Goals { get; private set; } = [];

    public IReadOnlyList<RoadmapActivity> Activities { get; private set; } = [];

    public IReadOnlyList<(Suggestion Suggestion, double Similarity)> Duplicates { get; private set; } = [];

    public IReadOnlyList<Suggestion> Merged { get; private set; } = [];

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public bool CanModerate { get; private set; }

    public bool CanRoute { get; private set; }

    public bool CanAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var current = await scope.CurrentAsync(cancellationToken);
        if (ParticipationAccess.CanSeeContact(User, current, Suggestion))
        {
            Contact = await db.Set<SuggestionContact>().AsNoTracking().FirstOrDefaultAsync(c => c.SuggestionId == id, cancellationToken);
        }

        Letter = await db.Set<Mail.SuggestionEmail>().AsNoTracking().FirstOrDefaultAsync(e => e.SuggestionId == id, cancellationToken);
        if (Letter is not null && Contact is null)
        {
            // The quoted history carries names and addresses: only those who see contact data read it.
            Letter.Quoted = null;
        }

        Files = await db.Set<Mail.SuggestionAttachment>().AsNoTracking().Where(a => a.SuggestionId == id).Select(a => a.Attachment!).OrderBy(a => a.FileName).ToListAsync(cancellationToken);

        Topics = await db.Set<Topic>().AsNoTracking().OrderBy(x => x.Position).ToListAsync(cancellationToken);
        if (CanRoute)
        {
            Agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.TerritoryId == Suggestion.TerritoryId).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        }

        if (CanAnswer)
        {
            var programId = Suggestion.Consultation?.ProgramId;
            Goals = await db.Set<ProgramGoal>().AsNoTracking().Include(g => g.Direction)
                .Where(g => g.Direction!.Program!.TerritoryId == Suggestion.TerritoryId && (programId == null || g.Direction.ProgramId == programId))
                .OrderBy(g => g.Direction!.ProgramId).ThenBy(g => g.Direction!.Position).ThenBy(g => g.Position).ToListAsync(cancellationToken);
            Activities = await db.Set<RoadmapActivity>().AsNoTracking()
                .Where(a => a.Task!.Goal!.Direction!.Program!.TerritoryId == Suggestion.TerritoryId && (programId == null || a.Task.Goal.Direction.ProgramId == programId))
                .OrderBy(a => a.TaskId).ThenBy(a => a.Position).ToListAsync(cancellationToken);
        }

        if (CanRoute && Suggestion.DuplicateOfId is null)
        {
            Duplicates = await DuplicatesAsync(cancellationToken);
        }

        Merged = await db.Set<Suggestion>().AsNoTracking().Where(s => s.DuplicateOfId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        History = await audit.HistoryAsync("Suggestions", id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, Guid version, CancellationToken cancellationToken) =>
        ActAsync(id, version, () => CanModerate, s => Refusal(s.Publish(Name, time.GetUtcNow())), cancellationToken);

    public Task<IActionResult> OnPostHideAsync(int id, Guid version, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, version, () => CanModerate, s => Refusal(s.Hide(reason ?? string.Empty, Name, time.GetUtcNow())), cancellationToken);

    public Task<IActionResult> OnPostTopicAsync(int id, Guid version, int topicId, int? agencyId, CancellationToken cancellationToken) =>
        ActAsync(id, version, () => CanRoute, async s =>
        {
            if (await db.Set<Topic>().FirstOrDefaultAsync(x => x.Id == topicId, cancellationToken) is not { } topic)
            {
                return t["Choose a topic."].Value;
            }

            s.ChooseTopic(topic, Name);
            if (agencyId is { } agency)
            {
                if (!await db.Set<Agency>().AnyAsync(a => a.Id == agency && a.TerritoryId == s.TerritoryId, cancellationToken))
                {
                    return t["Choose an agency of this territory."].Value;
                }

                await routing.RouteToAsync(s, agency, cancellationToken);
                return null;
            }

            return await routing.RouteAsync(s, cancellationToken) ? null : t["No agency answers this topic here: choose one."].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(
        int id, Guid version, SuggestionDecision decision, string? answer, string? reason, int? goalId, int? activityId, string? forwardedTo, CancellationToken cancellationToken) =>
        ActAsync(id, version, () => CanAnswer, async s =>
        {
            var receipt = $"{PublicAddress.Root(configuration, Request)}/suggestions/{s.PublicCode}";
            var result = await answers.AnswerAsync(s, new SuggestionAnswer(decision, answer ?? string.Empty, reason, goalId, activityId, forwardedTo), Name, receipt, cancellationToken);
            return result == DecisionResult.Done ? null : t[ParticipationText.Outcome(result)].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(int id, Guid version, int into, CancellationToken cancellationToken) =>
        ActAsync(id, version, () => CanRoute, async s =>
        {
            var primary = await db.Set<Suggestion>().FirstOrDefaultAsync(p => p.Id == into && p.ConsultationId == s.ConsultationId, cancellationToken);
            return primary is not null && s.MergeInto(primary) ? null : t["It cannot be merged into that suggestion."].Value;
        }, cancellationToken);

    private string Name => User.Identity!.Name!;

    private string? Refusal(ModerationResult result) => result == ModerationResult.Done ? null : t[ParticipationText.Moderation(result)].Value;

    private Task<IActionResult> ActAsync(int id, Guid version, Func<bool> allowed, Func<Suggestion, string?> act, CancellationToken cancellationToken) =>
        ActAsync(id, version, allowed, s => Task.FromResult(act(s)), cancellationToken);

    /// <summary>Loads the suggestion for a change, checks the right and the version, applies the change and saves it, or says why not.</summary>
    private async Task<IActionResult> ActAsync(int id, Guid version, Func<bool> allowed, Func<Suggestion, Task<string?>> act, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!allowed())
        {
            return Forbid();
        }

        db.Entry(Suggestion).Property(s => s.Version).OriginalValue = version;
        if (await act(Suggestion) is { } message)
        {
            TempData["Error"] = message;
            return Redirect($"/participation/suggestions/{id}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Saved"] = t[ParticipationText.Moderation(ModerationResult.Done)].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = t["Someone else changed this record while you were editing it. Reload the page and try again."].Value;
        }

        return Redirect($"/participation/suggestions/{id}");
    }

    /// <summary>Finds the suggestion and decides what the user may do with it; a result when they may not read it at all.</summary>
    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        if (!ParticipationAccess.ReadsInbox(User))
        {
            return Forbid();
        }

        var query = SuggestionQueries.WithDecision(db.Set<Suggestion>());
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        if (await query.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } suggestion)
        {
            return NotFound();
        }

        var current = await scope.CurrentAsync(cancellationToken);
        if (!ParticipationAccess.CanRead(User, current, suggestion))
        {
            return Forbid();
        }

        Suggestion = suggestion;
        CanModerate = ParticipationAccess.CanModerate(User, current, suggestion);
        CanRoute = ParticipationAccess.CanRoute(User, current, suggestion);
        CanAnswer = ParticipationAccess.CanAnswer(User, current, suggestion);
        return null;
    }

    /// <summary>
    /// The consultation's other suggestions whose text nearly repeats this one's, the most similar first: the members of
    /// its cached near-duplicate group (<see cref="DuplicateGroups"/>), compared with this text one by one.
    /// </summary>
    private async Task<IReadOnlyList<(Suggestion, double)>> DuplicatesAsync(CancellationToken cancellationToken)
    {
        if (Suggestion.ConsultationId is not { } consultation)
        {
            return [];
        }

        var groups = await grouping.OfAsync(consultation, ParticipationAccess.Moderates(User), cancellationToken);
        if (groups.FirstOrDefault(g => g.SuggestionIds.Contains(Suggestion.Id)) is not { } group)
        {
            return [];
        }

        var ids = group.SuggestionIds.Where(other => other != Suggestion.Id).ToList();
        var others = await db.Set<Suggestion>().AsNoTracking().Where(s => ids.Contains(s.Id) && s.DuplicateOfId == null).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var index = new DuplicateIndex();
        foreach (var other in others)
        {
            index.Add(other.Text);
        }

        return [.. index.Find(Suggestion.Text).Take(10).Select(m => (others[m.Id], m.Similarity))];
    }
}
