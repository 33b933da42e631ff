using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>
/// Walking coverage as indicators of their own, so that it can be a program's target: for each kind and norm an
/// indicator such as <c>QALA-KINDERGARTEN-500M</c> (the share of the people needing a place who live within 500 m of
/// a kindergarten, in per cent), with an observation for the territory and each of its districts in the year it is
/// recorded. Every import and every save of a facility recomputes them for the kinds the territory has; a changed value
/// is a new revision recorded by <see cref="ComputedBy"/>. Nothing is recorded without a network or without people.
/// </summary>
public sealed class SocialIndicators(QalaDbContext db, ObservationStore store, TimeProvider time, SocialAnalysis analysis)
{
    public const string ComputedBy = "social-infrastructure";

    public static string CodeOf(FacilityKind kind, double radius) =>
        FormattableString.Invariant($"QALA-{SocialText.KindCode(kind).ToUpperInvariant()}-{Math.Round(radius)}M");

    /// <summary>Records the shares of every kind of facility the territory (with its districts) has, when it has a network.</summary>
    public async Task RecomputeAsync(int territoryId, CancellationToken cancellationToken)
    {
        if (!await db.Set<WalkNetwork>().AnyAsync(n => n.TerritoryId == territoryId, cancellationToken))
        {
            return;
        }

        var area = await analysis.AreaAsync(territoryId, cancellationToken);
        var ids = area.Select(t => t.Id).ToArray();
        var kinds = await db.Set<SocialFacility>().Where(f => ids.Contains(f.TerritoryId)).Select(f => f.Kind).Distinct().ToListAsync(cancellationToken);
        foreach (var kind in kinds.Order())
        {
            await RecordAsync(await analysis.ComputeAsync(area.Single(t => t.Id == territoryId), kind, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Records the report's shares for the current year; returns the number of observations written or revised.</summary>
    public async Task<int> RecordAsync(AccessReport report, CancellationToken cancellationToken)
    {
        if (!report.HasNetwork || report.Demand <= 0)
        {
            return 0;
        }

        var indicator = await IndicatorAsync(report.Kind, report.Radius, cancellationToken);
        var now = time.GetUtcNow();
        var values = report.Districts.Where(d => d.Demand > 0 && d.District.Id != report.Territory.Id)
            .Select(d => new ObservationValue(indicator, d.District.Id, now.Year, 0, "", Percent(d.Share)))
            .Append(new ObservationValue(indicator, report.Territory.Id, now.Year, 0, "", Percent(report.Share))).ToList();
        var outcomes = await store.CompareAsync(values, cancellationToken);
        await store.ApplyAsync([.. values.Zip(outcomes)], null, now, ComputedBy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return outcomes.Count(o => o != Infrastructure.Imports.ImportOutcome.Unchanged);
    }

    private static decimal Percent(double share) => Math.Round((decimal)share * 100, 2);

    private async Task<int> IndicatorAsync(FacilityKind kind, double radius, CancellationToken cancellationToken)
    {
        var code = CodeOf(kind, radius);
        if (await db.Set<Indicator>().Where(i => i.Code == code).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken) is { } id)
        {
            return id;
        }

        var metres = Math.Round(radius);
        var (kk, ru, en) = kind switch
        {
            FacilityKind.Kindergarten => ("балабақшадан", "от детского сада", "of a kindergarten"),
            FacilityKind.School => ("мектептен", "от школы", "of a school"),
            FacilityKind.Clinic => ("емханадан", "от поликлиники или амбулатории", "of a clinic"),
            FacilityKind.Polyclinic => ("емханадан", "от поликлиники", "of a polyclinic"),
            FacilityKind.Hospital => ("ауруханадан", "от больницы", "of a hospital"),
        };
        var indicator = new Indicator
        {
            Code = code,
            Name = LocalizedText.Of(
                FormattableString.Invariant($"{metres} м жаяу қашықтықта тұратын халықтың үлесі ({kk})"),
                FormattableString.Invariant($"Доля населения в {metres} м пешей доступности {ru}"),
                FormattableString.Invariant($"Share of people within {metres} m walk {en}")),
            Unit = "%",
            Source = "Qala social infrastructure (computed)",
            Methodology = "Computed by Qala: the people needing a place (the age group where known) whose walk along the street network to the nearest operating facility is within the norm, divided by all of them.",
        };
        db.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return indicator.Id;
    }
}
