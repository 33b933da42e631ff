using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Engine.Access;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>One district's coverage and balance of places for a kind of facility.</summary>
/// <param name="District">The district, or the territory itself for points recorded without one.</param>
/// <param name="Demand">People needing a place (the kind's age group where known).</param>
/// <param name="Covered">Those with a facility within the norm's walking distance.</param>
/// <param name="Supply">Places reaching the district (2SFCA).</param>
/// <param name="Shortage">Places missing: max(0, demand − supply).</param>
public sealed record DistrictAccess(Territory District, double Demand, double Covered, double Supply, double Shortage)
{
    public double Share => Demand > 0 ? Covered / Demand : 0;

    public double Ratio => Demand > 0 ? Supply / Demand : 0;
}

/// <summary>A facility in the analysis: whether it counts (operating and on the network), its snap distance and places per person in its catchment.</summary>
public sealed record FacilityAccess(SocialFacility Facility, bool Counted, double? SnapDistance, double? Ratio);

/// <summary>A population point with the people needing a place, the places per person reaching it and the walk to the nearest facility.</summary>
public sealed record PointAccess(PopulationPoint Point, double Demand, double Access, double? Nearest);

/// <summary>What a new facility would change: people newly within the norm and places still missing, in all and by district.</summary>
public sealed record WhatIfResult(double CoveredBefore, double CoveredAfter, double ShortageBefore, double ShortageAfter, double SnapDistance, IReadOnlyList<(Territory District, double ShortageBefore, double ShortageAfter)> Districts)
{
    public double CoveredGain => CoveredAfter - CoveredBefore;

    public double ShortageReduction => ShortageBefore - ShortageAfter;
}

/// <summary>
/// Walking access of a territory (a city with its districts) to one kind of facility: the share of people within the
/// norm, the two-step floating catchment balance of places per district, the worst-served points, and the points
/// too far from every street (reported, left out). <see cref="Model"/> is null when the territory has no network.
/// </summary>
public sealed class AccessReport
{
    // The model reuses its search buffers, and a cached report serves concurrent requests: one what-if at a time.
    private readonly Lock whatIfLock = new();

    public required Territory Territory { get; init; }

    public required FacilityKind Kind { get; init; }

    public required double Radius { get; init; }

    public required double MaxSnapDistance { get; init; }

    public WalkNetwork? Network { get; init; }

    public IReadOnlyList<DistrictAccess> Districts { get; init; } = [];

    public IReadOnlyList<FacilityAccess> Facilities { get; init; } = [];

    public IReadOnlyList<PointAccess> Points { get; init; } = [];

    public IReadOnlyList<PointAccess> WorstServed { get; init; } = [];

    public IReadOnlyList<PopulationPoint> PointsTooFar { get; init; } = [];

    public IReadOnlyList<SocialFacility> FacilitiesTooFar { get; init; } = [];

    public double Demand => Districts.Sum(d => d.Demand);

    public double Covered => Districts.Sum(d => d.Covered);

    public double Share => Demand > 0 ? Covered / Demand : 0;

    public double Shortage => Districts.Sum(d => d.Shortage);

    internal CatchmentModel? Model { get; init; }

    internal CatchmentResult? Result { get; init; }

    internal LoadedNetwork? Loaded { get; init; }

    public bool HasNetwork => Model is not null;

    /// <summary>The gain of a new facility at the point with the capacity, or null when the point is too far from every street.</summary>
    public WhatIfResult? WhatIf(double latitude, double longitude, int capacity)
    {
        if (Model is null || Result is null || Loaded is null
            || Loaded.Locator.Snap(new GeoPoint(latitude, longitude), MaxSnapDistance) is not { } snap)
        {
            return null;
        }

        WhatIfGain gain;
        lock (whatIfLock)
        {
            gain = Model.WhatIf(Result, new Facility(snap.Location, capacity));
        }

        var byId = Districts.ToDictionary(d => d.District.Id);
        return new WhatIfResult(gain.CoveredBefore, gain.CoveredAfter, gain.ShortageBefore, gain.ShortageAfter, snap.Distance,
            [.. gain.Districts.Select(d => (byId[d.District].District, byId[d.District].Shortage, d.Shortage))]);
    }
}

/// <summary>Computes <see cref="AccessReport"/>s from the stored network, facilities and population.</summary>
public sealed class SocialAnalysis(QalaDbContext db, NetworkCache cache, AccessReportCache reports, IOptions<SocialOptions> options)
{
    private const int WorstServedCount = 10;

    /// <summary>The territory and every territory within it.</summary>
    public async Task<IReadOnlyList<Territory>> AreaAsync(int territoryId, CancellationToken cancellationToken)
    {
        var all = await db.Set<Territory>().AsNoTracking().ToListAsync(cancellationToken);
        var children = all.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var area = new List<Territory>();
        var pending = new Stack<Territory>(all.Where(t => t.Id == territoryId));
        while (pending.TryPop(out var territory))
        {
            area.Add(territory);
            foreach (var child in children[territory.Id])
            {
                pending.Push(child);
            }
        }

        return area;
    }

    /// <summary>
    /// The report of the territory for the kind: this node's cached one while the data stamp is the same, else computed
    /// and kept. A report computed inside a transaction is not kept (the transaction may roll back).
    /// </summary>
    public async Task<AccessReport> ComputeAsync(Territory territory, FacilityKind kind, CancellationToken cancellationToken)
    {
        var area = await AreaAsync(territory.Id, cancellationToken);
        var stamp = await StampAsync(territory, area, kind, cancellationToken);
        if (reports.Find(territory.Id, kind, stamp) is { } cached)
        {
            return cached;
        }

        var report = await ComputeAsync(territory, area, kind, cancellationToken);
        if (db.Database.CurrentTransaction is null)
        {
            reports.Keep(territory.Id, kind, stamp, report);
        }

        return report;
    }

    /// <summary>
    /// What the report depends on, read cheaply: the territories of the area (ids, parents, versions), the network's
    /// version, the id and version of every facility of the kind, and the population's count, last id and total (an
    /// import replaces every point, so new ids). It is read before the data, so a change in between only costs a
    /// second computation on the next request.
    /// </summary>
    private async Task<string> StampAsync(Territory territory, IReadOnlyList<Territory> area, FacilityKind kind, CancellationToken cancellationToken)
    {
        var ids = area.Select(t => t.Id).ToArray();
        var network = await db.Set<WalkNetwork>().Where(n => n.TerritoryId == territory.Id).Select(n => (Guid?)n.Version).SingleOrDefaultAsync(cancellationToken);
        var facilities = await db.Set<SocialFacility>().Where(f => ids.Contains(f.TerritoryId) && f.Kind == kind)
            .OrderBy(f => f.Id).Select(f => new { f.Id, f.Version }).ToListAsync(cancellationToken);
        var people = await db.Set<PopulationPoint>().Where(p => ids.Contains(p.TerritoryId)).GroupBy(p => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(p => p.Id), Total = g.Sum(p => (long)p.Population) }).SingleOrDefaultAsync(cancellationToken);
        var text = new StringBuilder();
        foreach (var t in area.OrderBy(t => t.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"t{t.Id}:{t.ParentId}:{t.Version};");
        }

        text.Append(CultureInfo.InvariantCulture, $"n{network};p{people?.Count}:{people?.Last}:{people?.Total};");
        foreach (var f in facilities)
        {
            text.Append(CultureInfo.InvariantCulture, $"f{f.Id}:{f.Version};");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private async Task<AccessReport> ComputeAsync(Territory territory, IReadOnlyList<Territory> area, FacilityKind kind, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var radius = settings.NormFor(kind);
        var ids = area.Select(t => t.Id).ToArray();
        var facilities = await db.Set<SocialFacility>().AsNoTracking().Where(f => ids.Contains(f.TerritoryId) && f.Kind == kind)
            .OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var points = await db.Set<PopulationPoint>().AsNoTracking().Where(p => ids.Contains(p.TerritoryId))
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var network = await db.Set<WalkNetwork>().AsNoTracking().SingleOrDefaultAsync(n => n.TerritoryId == territory.Id, cancellationToken);
        if (network is null)
        {
            return new AccessReport
            {
                Territory = territory,
                Kind = kind,
                Radius = radius,
                MaxSnapDistance = settings.MaxSnapDistance,
                Facilities = [.. facilities.Select(f => new FacilityAccess(f, false, null, null))],
            };
        }

        var loaded = await cache.GetAsync(db, network, cancellationToken);
        var demandSnaps = loaded.Locator.SnapAll([.. points.Select(p => new GeoPoint(p.Latitude, p.Longitude))], settings.MaxSnapDistance);
        var placed = new List<(PopulationPoint Point, EdgeSnap Snap)>();
        for (var i = 0; i < points.Count; i++)
        {
            if (demandSnaps.Snaps[i] is { } snap)
            {
                placed.Add((points[i], snap));
            }
        }

        var demand = placed.Select(p => new DemandPoint(p.Snap.Location, p.Point.DemandFor(kind), p.Point.TerritoryId)).ToList();
        var model = new CatchmentModel(loaded.Graph, demand, radius);
        var facilitySnaps = facilities.Select(f => loaded.Locator.Snap(new GeoPoint(f.Latitude, f.Longitude), settings.MaxSnapDistance)).ToList();
        var counted = facilities.Select((f, i) => (Facility: f, Snap: facilitySnaps[i]))
            .Where(x => x.Facility.State == FacilityState.Operating && x.Snap is not null).ToList();
        var result = model.Compute([.. counted.Select(x => new Facility(x.Snap!.Value.Location, x.Facility.Capacity))]);
        var ratioOf = counted.Select((x, j) => (x.Facility.Id, Ratio: result.Ratio[j])).ToDictionary(x => x.Id, x => x.Ratio);

        var pointAccess = placed.Select((p, i) => new PointAccess(
            p.Point, demand[i].Population, result.Access[i], double.IsPositiveInfinity(result.NearestDistance[i]) ? null : result.NearestDistance[i])).ToList();
        var balances = result.Districts.ToDictionary(d => d.District);
        var districts = area.Where(t => balances.ContainsKey(t.Id) || t.Id != territory.Id)
            .Select(t =>
            {
                var balance = balances.GetValueOrDefault(t.Id);
                var covered = pointAccess.Where(p => p.Point.TerritoryId == t.Id && p.Nearest is not null).Sum(p => p.Demand);
                return new DistrictAccess(t, balance.Demand, covered, balance.Supply, balance.Shortage);
            })
            .Where(d => d.Demand > 0 || facilities.Any(f => f.TerritoryId == d.District.Id))
            .OrderBy(d => d.District.Code, StringComparer.Ordinal).ToList();

        return new AccessReport
        {
            Territory = territory,
            Kind = kind,
            Radius = radius,
            MaxSnapDistance = settings.MaxSnapDistance,
            Network = network,
            Districts = districts,
            Facilities = [.. facilities.Select((f, i) => new FacilityAccess(
                f, ratioOf.ContainsKey(f.Id), facilitySnaps[i]?.Distance, ratioOf.GetValueOrDefault(f.Id)))],
            Points = pointAccess,
            WorstServed = [.. model.WorstServed(result, WorstServedCount).Select(i => pointAccess[i])],
            PointsTooFar = [.. demandSnaps.TooFar.Select(i => points[i])],
            FacilitiesTooFar = [.. facilities.Where((_, i) => facilitySnaps[i] is null)],
            Model = model,
            Result = result,
            Loaded = loaded,
        };
    }
}
