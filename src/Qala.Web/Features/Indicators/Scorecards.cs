using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Indicators;

/// <summary>One indicator of a scorecard: its assessment and the territory's rank among its peers in the assessed year.</summary>
public sealed record ScorecardLine(Indicator Indicator, IndicatorAssessment Assessment, int? Rank, int Peers);

/// <summary>
/// A territory's indicators assessed against one target set, the worst first; <see cref="Set"/> is null when no set
/// has targets for the territory. <see cref="PeerKind"/> says among which territories ranks are counted.
/// </summary>
public sealed record Scorecard(Territory Territory, TargetSet? Set, IReadOnlyList<TargetSet> Sets, IReadOnlyList<ScorecardLine> Lines, string PeerKind);

/// <summary>A territory's composite score over the governors' KPIs and its rank among the territories valid that year.</summary>
public sealed record KpiComposite(int Year, double? Score, int? Rank, int Territories);

/// <summary>
/// Builds scorecards: every indicator of a territory (or only the governors' KPIs) with its latest value, the target
/// of the chosen set, achievement, status, direction, forecast and rank. Sub-yearly indicators are assessed on the
/// last value of each year. Regions and cities of republican significance are ranked among those valid in the year;
/// districts among the districts of the same city or region; cities of regional significance among those cities and
/// towns among towns, country-wide; settlements and monitoring sites are not ranked.
/// </summary>
public sealed class Scorecards(QalaDbContext db, IOptions<IndicatorOptions> options, ScorecardCache cache, HiddenTargetSets hiddenSets)
{
    public const string RegionPeers = "regions";
    public const string DistrictPeers = "districts";
    public const string CityPeers = "cities";
    public const string TownPeers = "towns";

    private readonly Dictionary<int, string> headlines = [];

    /// <summary>
    /// The scorecard of a territory; <paramref name="indicatorId"/> narrows it to one indicator (the indicator page's
    /// line). Whole scorecards are kept in <see cref="ScorecardCache"/> until the data they come from changes: the
    /// stamp is read before the data, so a change committed in between moves it again and nothing older is kept under it.
    /// </summary>
    public async Task<Scorecard?> ForAsync(string territoryCode, int? setId, bool kpiOnly, CancellationToken cancellationToken, int? indicatorId = null)
    {
        // Sets the reader may not see yet (a draft program's) are left out as if they had no targets here.
        var hidden = await hiddenSets.OfReaderAsync(cancellationToken);
        if (indicatorId is not null)
        {
            return await ComputeAsync(territoryCode, setId, kpiOnly, hidden, indicatorId, cancellationToken);
        }

        var stamp = await db.Set<IndicatorDataStamp>().Where(s => s.Id == IndicatorDataStamp.SingletonId).Select(s => s.Value).SingleAsync(cancellationToken);
        var key = new ScorecardKey(territoryCode, setId, kpiOnly, string.Join(',', hidden.Order()));
        if (cache.Find(stamp, key) is { } kept)
        {
            return kept;
        }

        var scorecard = await ComputeAsync(territoryCode, setId, kpiOnly, hidden, null, cancellationToken);

        // Only a territory that exists and a set that has targets for it: no entry for every code or number a client tries.
        if (scorecard is not null && (setId is null || scorecard.Set?.Id == setId))
        {
            cache.Keep(stamp, key, scorecard);
        }

        return scorecard;
    }

    private async Task<Scorecard?> ComputeAsync(
        string territoryCode, int? setId, bool kpiOnly, IReadOnlySet<int> hidden, int? indicatorId, CancellationToken cancellationToken)
    {
        // The territory and the territories it is ranked among come in one statement, the target sets with targets for it
        // and the chosen set's targets in another (the latest set unless one is asked for).
        var (territory, peers, peerKind) = await PlaceAsync(territoryCode, cancellationToken);
        if (territory is null)
        {
            return null;
        }

        List<int> hiddenIds = [.. hidden];
        var ownTargets = db.Set<IndicatorTarget>().Where(t => t.TerritoryId == territory.Id && !hiddenIds.Contains(t.TargetSetId));
        var chosen = ownTargets.Where(t => t.TargetSetId == (setId ?? ownTargets.Max(x => (int?)x.TargetSetId)));
        var withTargets = await db.Set<TargetSet>().AsNoTracking()
            .Where(s => ownTargets.Any(t => t.TargetSetId == s.Id))
            .OrderByDescending(s => s.Id)
            .Select(s => new { Set = s, Targets = chosen.Where(t => t.TargetSetId == s.Id).ToList() })
            .ToListAsync(cancellationToken);
        var sets = withTargets.Select(s => s.Set).ToList();
        var set = setId is { } id ? sets.FirstOrDefault(s => s.Id == id) : sets.FirstOrDefault();
        var targets = withTargets.SelectMany(s => s.Targets).ToList();

        // An indicator with values here is found by one probe of the key index each (an IN over the territory's rows would
        // read all of them), and whether it has a total — its headline series then — comes along in the same round trip.
        var targeted = targets.Select(t => t.IndicatorId).Distinct().ToList();
        var found = await db.Set<Indicator>().AsNoTracking()
            .Where(i => kpiOnly
                ? i.IsGovernorKpi
                : db.Set<Observation>().Any(o => o.IndicatorId == i.Id && o.TerritoryId == territory.Id && o.IsCurrent) || targeted.Contains(i.Id))
            .Where(i => indicatorId == null || i.Id == indicatorId)
            .Select(i => new { Indicator = i, HasTotal = db.Set<Observation>().Any(o => o.IndicatorId == i.Id && o.Dimensions == "" && o.IsCurrent) })
            .ToListAsync(cancellationToken);
        foreach (var total in found.Where(f => f.HasTotal))
        {
            headlines[total.Indicator.Id] = "";
        }

        var indicators = found.Select(f => f.Indicator).ToList();
        var ids = indicators.Select(i => i.Id).ToList();
        var (series, peerValues) = db.Database.IsNpgsql() && peers.Count > 0
            ? await WithPeersAsync(ids, territory.Id, [.. peers.Select(p => p.Id)], cancellationToken)
            : (await YearlyAsync(ids, [territory.Id], null, cancellationToken), null);

        var assessments = indicators.Select(indicator =>
        {
            var own = targets.Where(t => t.IndicatorId == indicator.Id).ToList();
            var baseline = own.Where(t => t.IsBaseline).OrderBy(t => t.Year).Select(t => (YearValue?)new YearValue(t.Year, (double)t.Value)).FirstOrDefault();
            var goals = own.Where(t => !t.IsBaseline).Select(t => new YearTarget(t.Year, TargetOf(indicator, t))).ToList();
            var range = goals.Count > 0 && indicator.Polarity == Polarity.TargetRange ? goals[0].Target.Bounds : (ValueRange?)null;
            var values = series.GetValueOrDefault((indicator.Id, territory.Id)) ?? [];
            return (Indicator: indicator, Assessment: Assessment.Of(values, indicator.Polarity, range, baseline, goals, options.Value.Thresholds));
        }).ToList();

        if (peerValues is null)
        {
            var years = assessments.Select(a => a.Assessment.Year).OfType<int>().Distinct().ToList();
            peerValues = peers.Count == 0 ? [] : await YearlyAsync(ids, [.. peers.Select(p => p.Id)], years, cancellationToken);
        }

        var lines = assessments.Select(a =>
        {
            if (a.Assessment.Year is not { } year || peers.Count == 0 || MeritOf(a.Indicator, a.Assessment) is not { } merit)
            {
                return new ScorecardLine(a.Indicator, a.Assessment, null, 0);
            }

            var valid = peers.Where(p => LongImport.ExistedIn(p, Period.OfYear(year))).ToList();
            var scores = valid.Select(p => peerValues.GetValueOrDefault((a.Indicator.Id, p.Id))?.FirstOrDefault(v => v.Year == year).Value is { } v
                ? merit(v) : (double?)null).ToList();
            var ranks = Ranking.Competition(scores);
            var own = valid.FindIndex(p => p.Id == territory.Id);
            return new ScorecardLine(a.Indicator, a.Assessment, own < 0 ? null : ranks[own], scores.Count(s => s is not null));
        });

        return new Scorecard(
            territory,
            set,
            sets,
            [.. lines.OrderBy(l => l.Assessment.Severity).ThenBy(l => l.Indicator.Code, StringComparer.Ordinal)],
            peerKind);
    }

    /// <summary>
    /// The composite over the governors' KPIs of the regions and cities valid in the latest year with a KPI value:
    /// min–max normalised by polarity, equal weights, a territory lacking a KPI scored on the others (reweighted).
    /// </summary>
    public async Task<KpiComposite?> KpiCompositeAsync(Territory territory, CancellationToken cancellationToken)
    {
        if (territory.Kind is not (TerritoryKind.Region or TerritoryKind.CityOfRepublicanSignificance))
        {
            return null;
        }

        var kpis = await db.Set<Indicator>().AsNoTracking().Where(i => i.IsGovernorKpi && i.Polarity != Polarity.TargetRange).ToListAsync(cancellationToken);
        var (peers, _) = await PeersAsync(territory, cancellationToken);
        var values = await YearlyAsync([.. kpis.Select(k => k.Id)], [.. peers.Select(p => p.Id)], null, cancellationToken);
        var years = values.Values.SelectMany(v => v).Select(v => v.Year).ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var year = years.Max();
        var valid = peers.Where(p => LongImport.ExistedIn(p, Period.OfYear(year))).ToList();
        var scores = CompositeIndex.Compute(
            [.. kpis.Select(k => new CompositeIndicator(k.Code, k.Polarity))],
            [.. valid.Select(p => new TerritoryValues(p.Code, kpis.ToDictionary(
                k => k.Code,
                k => values.GetValueOrDefault((k.Id, p.Id))?.FirstOrDefault(v => v.Year == year).Value)))],
            MissingValues.Reweight);
        var own = scores.SingleOrDefault(s => s.Territory == territory.Code);
        return new KpiComposite(year, own?.Score, own?.Rank, scores.Count(s => s.Score is not null));
    }

    /// <summary>The territories a territory is ranked among (itself included), and what they are.</summary>
    public async Task<(List<Territory> Peers, string Kind)> PeersAsync(Territory territory, CancellationToken cancellationToken)
    {
        var (_, peers, kind) = await PlaceAsync(territory.Code, cancellationToken);
        return (peers, kind);
    }

    /// <summary>
    /// The territory of a code with the territories it is ranked among (itself included) and what they are, in one
    /// statement: the places of its own kind group (for a district, under the same parent) are read with it.
    /// </summary>
    private async Task<(Territory? Territory, List<Territory> Peers, string Kind)> PlaceAsync(string code, CancellationToken cancellationToken)
    {
        var own = db.Set<Territory>().Where(o => o.Code == code);
        var places = await db.Set<Territory>().AsNoTracking()
            .Where(p => p.Code == code || own.Any(o =>
                ((o.Kind == TerritoryKind.Region || o.Kind == TerritoryKind.CityOfRepublicanSignificance)
                    && (p.Kind == TerritoryKind.Region || p.Kind == TerritoryKind.CityOfRepublicanSignificance))
                || (o.Kind == TerritoryKind.District && p.Kind == TerritoryKind.District && p.ParentId == o.ParentId)
                || (o.Kind == TerritoryKind.City && p.Kind == TerritoryKind.City)
                || (o.Kind == TerritoryKind.Town && p.Kind == TerritoryKind.Town)))
            .ToListAsync(cancellationToken);
        var territory = places.SingleOrDefault(p => p.Code == code);
        if (territory is null)
        {
            return (null, [], "");
        }

        return territory.Kind switch
        {
            TerritoryKind.Region or TerritoryKind.CityOfRepublicanSignificance => (territory, places, RegionPeers),
            TerritoryKind.District => (territory, places, DistrictPeers),
            TerritoryKind.City => (territory, places, CityPeers),
            TerritoryKind.Town => (territory, places, TownPeers),
            TerritoryKind.Country or TerritoryKind.Settlement or TerritoryKind.MonitoringSite => (territory, [], ""),
        };
    }

    /// <summary>
    /// PostgreSQL: a territory's yearly series of indicators (as <see cref="YearlyAsync"/>) and its peers' values in
    /// each indicator's latest year with a value here — the year its line is assessed and ranked in — in one statement
    /// per headline series: the territory's range read backwards in key order, then one backward probe per indicator ×
    /// peer of that year.
    /// </summary>
    private async Task<(Dictionary<(int IndicatorId, int TerritoryId), List<YearValue>> Series, Dictionary<(int IndicatorId, int TerritoryId), List<YearValue>> Peers)> WithPeersAsync(
        IReadOnlyList<int> indicatorIds, int territoryId, int[] peerIds, CancellationToken cancellationToken)
    {
        var headlines = await HeadlinesAsync(indicatorIds, cancellationToken);
        var own = new List<(int IndicatorId, int TerritoryId, int Year, int PeriodNumber, decimal Value)>();
        var others = new List<(int IndicatorId, int TerritoryId, int Year, int PeriodNumber, decimal Value)>();
        foreach (var group in indicatorIds.Where(headlines.ContainsKey).GroupBy(i => headlines[i]))
        {
            int[] indicatorArray = [.. group];
            var dimensions = group.Key;
            var rows = await db.Database.SqlQuery<PeerYear>($"""
                WITH own AS (
                    SELECT DISTINCT ON (o."IndicatorId", o."Year") o."IndicatorId", o."TerritoryId", o."Year", o."Value" FROM "Observations" o
                    WHERE o."IsCurrent" AND o."Dimensions" = {dimensions} AND o."IndicatorId" = ANY({indicatorArray}) AND o."TerritoryId" = {territoryId}
                    ORDER BY o."IndicatorId" DESC, o."Year" DESC, o."PeriodNumber" DESC)
                SELECT "IndicatorId", "TerritoryId", "Year", "Value", false AS "IsPeer" FROM own
                UNION ALL
                SELECT l."IndicatorId", p.id, l."Year", v."Value", true
                FROM (SELECT "IndicatorId", max("Year") AS "Year" FROM own GROUP BY "IndicatorId") AS l
                CROSS JOIN unnest({peerIds}) AS p(id) CROSS JOIN LATERAL (
                    SELECT o."Value" FROM "Observations" o
                    WHERE o."IndicatorId" = l."IndicatorId" AND o."TerritoryId" = p.id AND o."Year" = l."Year" AND o."Dimensions" = {dimensions} AND o."IsCurrent"
                    ORDER BY o."PeriodNumber" DESC LIMIT 1) AS v
                """).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                (row.IsPeer ? others : own).Add((row.IndicatorId, row.TerritoryId, row.Year, 0, row.Value));
            }
        }

        return (SeriesOf(own), SeriesOf(others));
    }

    /// <summary>
    /// The yearly series of indicators × territories — the last period's value of each year — in each indicator's
    /// headline series: the total, or when a source has none (open-sdg files tag every row with its unit), the
    /// breakdown with the fewest dimensions, as the indicator page shows first.
    /// </summary>
    public async Task<Dictionary<(int IndicatorId, int TerritoryId), List<YearValue>>> YearlyAsync(
        IReadOnlyList<int> indicatorIds, IReadOnlyList<int> territoryIds, IReadOnlyList<int>? years, CancellationToken cancellationToken)
    {
        var headlines = await HeadlinesAsync(indicatorIds, cancellationToken);
        var rows = new List<(int IndicatorId, int TerritoryId, int Year, int PeriodNumber, decimal Value)>();
        foreach (var group in indicatorIds.Where(headlines.ContainsKey).GroupBy(i => headlines[i]))
        {
            var ids = group.ToList();
            if (db.Database.IsNpgsql() && years is not null)
            {
                // The value of given years: one backward probe of the unique key index per indicator × territory × year,
                // stopping at the last period (the peers' values for the ranks).
                int[] indicatorArray = [.. ids], territoryArray = [.. territoryIds], yearArray = [.. years];
                var dimensions = group.Key;
                rows.AddRange((await db.Database.SqlQuery<LastOfYear>($"""
                    SELECT i.id AS "IndicatorId", t.id AS "TerritoryId", y.year AS "Year", v."Value"
                    FROM unnest({indicatorArray}) AS i(id) CROSS JOIN unnest({territoryArray}) AS t(id) CROSS JOIN unnest({yearArray}) AS y(year)
                    CROSS JOIN LATERAL (
                        SELECT o."Value" FROM "Observations" o
                        WHERE o."IndicatorId" = i.id AND o."TerritoryId" = t.id AND o."Year" = y.year AND o."Dimensions" = {dimensions} AND o."IsCurrent"
                        ORDER BY o."PeriodNumber" DESC LIMIT 1) AS v
                    """).ToListAsync(cancellationToken)).Select(o => (o.IndicatorId, o.TerritoryId, o.Year, 0, o.Value)));
                continue;
            }

            if (db.Database.IsNpgsql())
            {
                // PostgreSQL keeps only the last period of each year itself, so a monthly series arrives as one row a year
                // instead of twelve. Each territory's range is read backwards in key order — index-only from
                // IX_Observations_CurrentTotals for the totals — which is already the order DISTINCT ON needs: no sort
                // (docs/benchmarks.md, "Indicators").
                int[] indicatorArray = [.. ids], territoryArray = [.. territoryIds];
                var dimensions = group.Key;
                rows.AddRange((await db.Database.SqlQuery<LastOfYear>($"""
                    SELECT v."IndicatorId", t.id AS "TerritoryId", v."Year", v."Value"
                    FROM unnest({territoryArray}) AS t(id) CROSS JOIN LATERAL (
                        SELECT DISTINCT ON (o."IndicatorId", o."Year") o."IndicatorId", o."Year", o."Value" FROM "Observations" o
                        WHERE o."IsCurrent" AND o."Dimensions" = {dimensions} AND o."IndicatorId" = ANY({indicatorArray}) AND o."TerritoryId" = t.id
                        ORDER BY o."IndicatorId" DESC, o."Year" DESC, o."PeriodNumber" DESC) AS v
                    """).ToListAsync(cancellationToken)).Select(o => (o.IndicatorId, o.TerritoryId, o.Year, 0, o.Value)));
                continue;
            }

            var query = db.Set<Observation>().AsNoTracking()
                .Where(o => o.IsCurrent && o.Dimensions == group.Key && ids.Contains(o.IndicatorId) && territoryIds.Contains(o.TerritoryId));
            if (years is not null)
            {
                query = query.Where(o => years.Contains(o.Year));
            }

            rows.AddRange((await query.Select(o => new { o.IndicatorId, o.TerritoryId, o.Year, o.PeriodNumber, o.Value }).ToListAsync(cancellationToken))
                .Select(o => (o.IndicatorId, o.TerritoryId, o.Year, o.PeriodNumber, o.Value)));
        }

        return SeriesOf(rows);
    }

    /// <summary>The yearly series of rows of values: in key order, each year's last period comes last, and one pass keeps it.</summary>
    private static Dictionary<(int IndicatorId, int TerritoryId), List<YearValue>> SeriesOf(List<(int IndicatorId, int TerritoryId, int Year, int PeriodNumber, decimal Value)> rows)
    {
        rows.Sort();
        var series = new Dictionary<(int IndicatorId, int TerritoryId), List<YearValue>>();
        List<YearValue>? values = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var (indicatorId, territoryId, year, _, value) = rows[i];
            if (i == 0 || rows[i - 1].IndicatorId != indicatorId || rows[i - 1].TerritoryId != territoryId)
            {
                series[(indicatorId, territoryId)] = values = [];
            }

            if (i + 1 == rows.Count || rows[i + 1].IndicatorId != indicatorId || rows[i + 1].TerritoryId != territoryId || rows[i + 1].Year != year)
            {
                values!.Add(new YearValue(year, (double)value));
            }
        }

        return series;
    }

    /// <summary>
    /// The headline series of each indicator, remembered for the scope (a scorecard reads the territory's and then the
    /// peers' values). The total is the headline of every indicator that has one, found by one index probe per
    /// indicator; only the others have their distinct dimension combinations read (a DISTINCT over all of an
    /// indicator's rows: seconds on a national dataset, docs/benchmarks.md). An indicator without values has none.
    /// </summary>
    private async Task<Dictionary<int, string>> HeadlinesAsync(IReadOnlyList<int> indicatorIds, CancellationToken cancellationToken)
    {
        var unknown = indicatorIds.Where(i => !headlines.ContainsKey(i)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            var withTotal = await db.Set<Indicator>()
                .Where(i => unknown.Contains(i.Id) && db.Set<Observation>().Any(o => o.IndicatorId == i.Id && o.Dimensions == "" && o.IsCurrent))
                .Select(i => i.Id).ToListAsync(cancellationToken);
            var others = unknown.Except(withTotal).ToList();
            foreach (var id in withTotal)
            {
                headlines[id] = "";
            }

            if (others.Count > 0)
            {
                var series = await db.Set<Observation>()
                    .Where(o => o.IsCurrent && others.Contains(o.IndicatorId))
                    .Select(o => new { o.IndicatorId, o.Dimensions }).Distinct().ToListAsync(cancellationToken);
                foreach (var group in series.GroupBy(s => s.IndicatorId))
                {
                    headlines[group.Key] = HeadlineOf(group.Select(s => s.Dimensions));
                }
            }
        }

        return headlines;
    }

    /// <summary>The value of an indicator × territory in the last period of a year with one.</summary>
    private sealed class LastOfYear
    {
        public int IndicatorId { get; init; }

        public int TerritoryId { get; init; }

        public int Year { get; init; }

        public decimal Value { get; init; }
    }

    /// <summary>A value of <see cref="WithPeersAsync"/>: the territory's own yearly value, or a peer's in the assessed year.</summary>
    private sealed class PeerYear
    {
        public int IndicatorId { get; init; }

        public int TerritoryId { get; init; }

        public int Year { get; init; }

        public decimal Value { get; init; }

        public bool IsPeer { get; init; }
    }

    /// <summary>The total ("") when present, else the combination of dimension values with the fewest dimensions (ordinal order breaks ties).</summary>
    public static string HeadlineOf(IEnumerable<string> dimensions) =>
        dimensions.OrderBy(d => d.Length == 0 ? 0 : d.Count(c => c == ';') + 1).ThenBy(d => d, StringComparer.Ordinal).First();

    /// <summary>The target of a target row by the indicator's polarity; a range without an upper bound is a single value.</summary>
    public static Target TargetOf(Indicator indicator, IndicatorTarget target) =>
        Target.Of(indicator.Polarity, (double)target.Value, new ValueRange((double)target.Value, (double)(target.UpperValue ?? target.Value)));

    // Larger is better: the value, its negation, or minus the distance to the target range.
    private static Func<double, double>? MeritOf(Indicator indicator, IndicatorAssessment assessment) => indicator.Polarity switch
    {
        Polarity.HigherIsBetter => v => v,
        Polarity.LowerIsBetter => v => -v,
        Polarity.TargetRange => assessment.Target is { } t ? v => -t.Target.Bounds.DistanceTo(v) : null,
    };
}
