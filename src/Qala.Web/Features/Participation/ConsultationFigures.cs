using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Participation;

/// <summary>A count under a name: a topic, a district, a channel or a decision.</summary>
public sealed record Tally(string Key, string Name, int Count);

/// <summary>
/// What a consultation adds up to, always computed from the data: its meetings, participants and reach, and the
/// suggestions received (hidden ones, i.e. abusive content, left out) by channel, topic, district and decision.
/// Counts include confidential suggestions, whose text is never shown. <see cref="ShownByTopic"/> and
/// <see cref="AnsweredNotShown"/> are the "you said, we did" report's: answered suggestions that are not merged into
/// another, split into those a reader may see (published, not confidential) by topic, and the rest.
/// </summary>
public sealed record ConsultationTotals(
    int Meetings,
    int Participants,
    long Reach,
    int Suggestions,
    int Answered,
    IReadOnlyList<Tally> ByChannel,
    IReadOnlyList<Tally> ByTopic,
    IReadOnlyList<Tally> ByDistrict,
    IReadOnlyList<Tally> ByDecision,
    IReadOnlyList<ShownAnswers> ShownByTopic,
    int AnsweredNotShown);

/// <summary>How many answered suggestions of a topic (null: none chosen yet) the public report shows.</summary>
public sealed record ShownAnswers(int? TopicId, int Count);

/// <summary>Computes <see cref="ConsultationTotals"/> in one grouped scan of the consultation's suggestions.</summary>
public sealed class ConsultationFigures(QalaDbContext db)
{
    public async Task<ConsultationTotals> OfAsync(int consultationId, CancellationToken cancellationToken)
    {
        var meetings = await db.Set<ThematicMeeting>().AsNoTracking().Where(m => m.ConsultationId == consultationId)
            .GroupBy(m => 1).Select(g => new { Count = g.Count(), Participants = g.Sum(m => m.Participants), Reach = g.Sum(m => (long)m.Reach) })
            .FirstOrDefaultAsync(cancellationToken);
        var cells = await db.Set<Suggestion>().AsNoTracking().Where(s => s.ConsultationId == consultationId)
            .GroupBy(s => new
            {
                s.Channel,
                s.TopicId,
                s.DistrictId,
                s.Decision,
                Hidden = s.State == SuggestionState.Hidden,
                Merged = s.DuplicateOfId != null,
                Shown = s.State == SuggestionState.Published && !s.Confidential,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var received = cells.Where(c => !c.Key.Hidden).ToList();
        var byChannel = received.GroupBy(c => c.Key.Channel).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToList();
        var byTopic = received.GroupBy(c => c.Key.TopicId).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToList();
        var byDistrict = received.GroupBy(c => c.Key.DistrictId).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToList();
        var byDecision = received.Where(c => c.Key.Decision is not null).GroupBy(c => c.Key.Decision).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToList();
        var reported = cells.Where(c => c.Key.Decision is not null && !c.Key.Merged).ToList();
        var shownByTopic = reported.Where(c => c.Key.Shown).GroupBy(c => c.Key.TopicId).Select(g => new ShownAnswers(g.Key, g.Sum(c => c.Count))).ToList();

        var topicIds = byTopic.Where(t => t.Key is not null).Select(t => t.Key!.Value).ToList();
        var topics = await db.Set<Topic>().AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var districtIds = byDistrict.Where(d => d.Key is not null).Select(d => d.Key!.Value).ToList();
        var districts = await db.Set<Territory>().AsNoTracking().Where(t => districtIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);

        return new ConsultationTotals(
            meetings?.Count ?? 0,
            meetings?.Participants ?? 0,
            meetings?.Reach ?? 0,
            byChannel.Sum(c => c.Count),
            byDecision.Sum(d => d.Count),
            [.. byChannel.OrderBy(c => c.Key).Select(c => new Tally(c.Key.ToString(), ParticipationText.Channel(c.Key), c.Count))],
            [.. byTopic.OrderByDescending(t => t.Count).ThenBy(t => t.Key is null ? int.MaxValue : topics[t.Key.Value].Position)
                .Select(t => t.Key is { } id ? new Tally(topics[id].Code, topics[id].Name.Current, t.Count) : new Tally(string.Empty, "No topic yet", t.Count))],
            [.. byDistrict.OrderByDescending(d => d.Count).ThenBy(d => d.Key)
                .Select(d => d.Key is { } id ? new Tally(districts[id].Code, districts[id].Name.Current, d.Count) : new Tally(string.Empty, "No district given", d.Count))],
            [.. byDecision.OrderBy(d => d.Key).Select(d => new Tally(d.Key!.Value.ToString(), ParticipationText.Decision(d.Key.Value), d.Count))],
            shownByTopic,
            reported.Sum(c => c.Count) - shownByTopic.Sum(c => c.Count));
    }
}
