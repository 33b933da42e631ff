using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Instructions;

/// <summary>A numeric fact of a meeting's text as the controller attaches it: to an indicator, a territory and a period.</summary>
public sealed record FactAttachment(int IndicatorId, int TerritoryId, int Year, int PeriodNumber, decimal Value);

/// <summary>
/// Records the facts a controller attached on the review page as observations, through the <see cref="ObservationStore"/>
/// (a changed value becomes a new revision). Their provenance is one <see cref="ImportBatch"/> of kind
/// <see cref="BatchKind"/> per meeting: its name gives the meeting, its hash is the SHA-256 of the meeting's text.
/// </summary>
public sealed class MeetingFacts(QalaDbContext db, ObservationStore store, TimeProvider time)
{
    public const string BatchKind = "meeting-text";

    /// <summary>Why the facts cannot be recorded (unknown indicator, a period the indicator does not have), or null.</summary>
    public async Task<string?> RefusalAsync(IReadOnlyList<FactAttachment> facts, CancellationToken cancellationToken)
    {
        var ids = facts.Select(f => f.IndicatorId).Distinct().ToList();
        var periodicity = await db.Set<Indicator>().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Periodicity, cancellationToken);
        foreach (var fact in facts)
        {
            if (!periodicity.TryGetValue(fact.IndicatorId, out var every))
            {
                return "Unknown indicator.";
            }

            var periods = every switch
            {
                Periodicity.Year => 0,
                Periodicity.Quarter => 4,
                Periodicity.Month => 12,
                Periodicity.Week => 53,
                Periodicity.Day => 366,
                _ => 0,
            };
            if (fact.Year is < 1900 or > 2100 || (periods == 0 ? fact.PeriodNumber != 0 : fact.PeriodNumber < 1 || fact.PeriodNumber > periods))
            {
                return "The period does not fit the indicator's periodicity.";
            }
        }

        return null;
    }

    /// <summary>Records <paramref name="facts"/> from <paramref name="meeting"/> (already saved) and saves.</summary>
    public async Task RecordAsync(Meeting meeting, IReadOnlyList<FactAttachment> facts, string by, CancellationToken cancellationToken)
    {
        if (facts.Count == 0)
        {
            return;
        }

        var values = facts.Select(f => new ObservationValue(f.IndicatorId, f.TerritoryId, f.Year, f.PeriodNumber, string.Empty, f.Value)).ToList();
        await store.RecordFromTextAsync(
            BatchKind, string.Create(CultureInfo.InvariantCulture, $"meeting {meeting.Id} of {meeting.HeldOn:yyyy-MM-dd}"), meeting.SourceText,
            values, by, time.GetUtcNow(), cancellationToken);
    }
}
