using System.Runtime.InteropServices;

namespace Qala.Engine.Access;

/// <summary>Where people who need a place live: a place on the network, how many of them, and their district.</summary>
/// <param name="Location">The demand point on the network.</param>
/// <param name="Population">The people needing a place (e.g. children aged 1–6 for kindergartens); not negative.</param>
/// <param name="District">The district the point belongs to, any id the caller chooses.</param>
public readonly record struct DemandPoint(NetworkLocation Location, double Population, int District);

/// <summary>A facility on the network with its capacity in places (0 is allowed: a closed facility offers none).</summary>
public readonly record struct Facility(NetworkLocation Location, double Capacity);

/// <summary>A demand point within a facility's catchment and its walking distance in metres.</summary>
public readonly record struct CatchmentMember(int Demand, double Distance);

/// <summary>One district's balance: people needing places, the places that reach them, and the places missing.</summary>
/// <param name="District">The district id.</param>
/// <param name="Demand">People needing a place in the district.</param>
/// <param name="Supply">Places reaching the district: Σ population × access over its demand points.</param>
/// <param name="Shortage">max(0, demand − supply).</param>
public readonly record struct DistrictBalance(int District, double Demand, double Supply, double Shortage)
{
    /// <summary>The district's supply-to-demand ratio: places reaching it per person needing one (0 when nobody does).</summary>
    public double Ratio => Demand > 0 ? Supply / Demand : 0;
}

/// <summary>
/// The result of a floating catchment computation.
/// </summary>
/// <param name="Ratio">Per facility, places per person in its catchment (distance-weighted); null when no demand lies in its catchment.</param>
/// <param name="Access">Per demand point, the places per person reaching it (Σ ratio × weight over facilities in reach).</param>
/// <param name="NearestDistance">Per demand point, the walking distance to the nearest facility within the catchment radius, else infinity.</param>
/// <param name="Districts">The balance of every district, by district id.</param>
public sealed record CatchmentResult(
    IReadOnlyList<double?> Ratio,
    IReadOnlyList<double> Access,
    IReadOnlyList<double> NearestDistance,
    IReadOnlyList<DistrictBalance> Districts)
{
    /// <summary>The people of demand points with a facility within the radius.</summary>
    public double CoveredPopulation { get; init; }

    /// <summary>Places missing over all districts: Σ of the districts' shortages.</summary>
    public double TotalShortage => Districts.Sum(d => d.Shortage);
}

/// <summary>The effect of adding one facility to a <see cref="CatchmentResult"/>.</summary>
public sealed record WhatIfGain(
    double CoveredBefore,
    double CoveredAfter,
    double ShortageBefore,
    double ShortageAfter,
    double? Ratio,
    IReadOnlyList<DistrictBalance> Districts)
{
    public double CoveredGain => CoveredAfter - CoveredBefore;

    public double ShortageReduction => ShortageBefore - ShortageAfter;
}

/// <summary>
/// Capacity-aware access over a walk graph: the two-step floating catchment area method and its enhanced form with
/// distance decay. Step 1: each facility's ratio R = capacity ÷ Σ population × weight(distance) over demand points
/// within the radius. Step 2: each demand point's access A = Σ R × weight(distance) over facilities within the radius.
/// When every facility has demand in reach, Σ population × A = Σ capacity: the places are shared out, none invented.
/// A district's shortage is its demand minus the places reaching it. Each facility's catchment is one bounded search,
/// so adding a facility ("what if") costs one search: ratios of other facilities do not depend on it.
/// </summary>
public sealed class CatchmentModel
{
    private readonly DemandPoint[] demand;
    private readonly DistanceDecay decay;
    private readonly double radius;
    private readonly int[] demandAtStart;
    private readonly int[] demandAt;
    private readonly Dictionary<long, List<int>> demandOnEdge = [];
    private readonly BoundedSearch search;
    private readonly double[] best;
    private readonly List<int> touched = [];
    private readonly List<Seed> seeds = [];
    private readonly int[] districts;

    /// <param name="graph">The walk graph.</param>
    /// <param name="demand">The demand points.</param>
    /// <param name="radius">The catchment radius in metres.</param>
    /// <param name="decay">The distance decay (default none: the classic 2SFCA).</param>
    public CatchmentModel(WalkGraph graph, IReadOnlyList<DemandPoint> demand, double radius, DistanceDecay? decay = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        this.demand = [.. demand];
        this.radius = radius;
        this.decay = decay ?? DistanceDecay.None;
        foreach (var point in this.demand)
        {
            if (!(point.Population >= 0) || double.IsPositiveInfinity(point.Population))
            {
                throw new ArgumentException($"A demand point has population {point.Population}; it must be finite and not negative.", nameof(demand));
            }

            if ((uint)point.Location.NodeA >= (uint)graph.NodeCount || (uint)point.Location.NodeB >= (uint)graph.NodeCount)
            {
                throw new ArgumentException($"A demand point lies at {point.Location}, outside the graph's nodes.", nameof(demand));
            }
        }

        // Demand points by the node(s) they hang from: a point on an edge is reached through either end.
        demandAtStart = new int[graph.NodeCount + 1];
        foreach (var point in this.demand)
        {
            demandAtStart[point.Location.NodeA + 1]++;
            if (!point.Location.IsNode)
            {
                demandAtStart[point.Location.NodeB + 1]++;
            }
        }

        for (var v = 0; v < graph.NodeCount; v++)
        {
            demandAtStart[v + 1] += demandAtStart[v];
        }

        demandAt = new int[demandAtStart[^1]];
        var fill = demandAtStart[..^1];
        for (var i = 0; i < this.demand.Length; i++)
        {
            var location = this.demand[i].Location;
            demandAt[fill[location.NodeA]++] = i;
            if (!location.IsNode)
            {
                demandAt[fill[location.NodeB]++] = i;
                CollectionsMarshal.GetValueRefOrAddDefault(demandOnEdge, location.EdgeKey, out _) ??= [];
                demandOnEdge[location.EdgeKey].Add(i);
            }
        }

        search = new BoundedSearch(graph);
        best = new double[this.demand.Length];
        Array.Fill(best, double.PositiveInfinity);
        districts = [.. this.demand.Select(d => d.District).Distinct().Order()];
    }

    /// <summary>The demand points within the radius of <paramref name="location"/> with their walking distances.</summary>
    public IReadOnlyList<CatchmentMember> Catchment(NetworkLocation location)
    {
        seeds.Clear();
        location.AddSeeds(seeds, 0);
        search.Run(CollectionsMarshal.AsSpan(seeds), radius);
        var distances = search.Distances;
        foreach (var node in search.Reached)
        {
            for (var k = demandAtStart[node]; k < demandAtStart[node + 1]; k++)
            {
                var i = demandAt[k];
                var d = demand[i].Location.DistanceFrom(distances);
                Offer(i, d);
            }
        }

        if (!location.IsNode && demandOnEdge.TryGetValue(location.EdgeKey, out var sameEdge))
        {
            foreach (var i in sameEdge)
            {
                Offer(i, demand[i].Location.AlongSameEdge(location));
            }
        }

        var members = new List<CatchmentMember>(touched.Count);
        foreach (var i in touched)
        {
            if (best[i] <= radius)
            {
                members.Add(new CatchmentMember(i, best[i]));
            }

            best[i] = double.PositiveInfinity;
        }

        touched.Clear();
        members.Sort((a, b) => a.Demand.CompareTo(b.Demand));
        return members;
    }

    /// <summary>Ratios, access, nearest distances and district balances for <paramref name="facilities"/>.</summary>
    public CatchmentResult Compute(IReadOnlyList<Facility> facilities)
    {
        ArgumentNullException.ThrowIfNull(facilities);
        var ratios = new double?[facilities.Count];
        var access = new double[demand.Length];
        var nearest = new double[demand.Length];
        Array.Fill(nearest, double.PositiveInfinity);
        for (var j = 0; j < facilities.Count; j++)
        {
            var facility = facilities[j];
            CheckCapacity(facility);
            var members = Catchment(facility.Location);
            var ratio = Ratio(facility.Capacity, members);
            ratios[j] = ratio;
            foreach (var member in members)
            {
                nearest[member.Demand] = Math.Min(nearest[member.Demand], member.Distance);
                if (ratio is { } r)
                {
                    access[member.Demand] += r * decay.Weight(member.Distance);
                }
            }
        }

        return new CatchmentResult(ratios, access, nearest, Balances(access)) { CoveredPopulation = Covered(nearest) };
    }

    /// <summary>
    /// What adding <paramref name="facility"/> to the facilities of <paramref name="baseline"/> changes: the people
    /// newly within the radius and the shortage of places, per district and in all.
    /// </summary>
    public WhatIfGain WhatIf(CatchmentResult baseline, Facility facility)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        CheckCapacity(facility);
        if (baseline.Access.Count != demand.Length)
        {
            throw new ArgumentException("The baseline was computed for other demand points.", nameof(baseline));
        }

        var members = Catchment(facility.Location);
        var ratio = Ratio(facility.Capacity, members);
        var access = baseline.Access.ToArray();
        var covered = baseline.CoveredPopulation;
        foreach (var member in members)
        {
            if (ratio is { } r)
            {
                access[member.Demand] += r * decay.Weight(member.Distance);
            }

            if (double.IsPositiveInfinity(baseline.NearestDistance[member.Demand]))
            {
                covered += demand[member.Demand].Population;
            }
        }

        var after = Balances(access);
        return new WhatIfGain(baseline.CoveredPopulation, covered, baseline.TotalShortage, after.Sum(d => d.Shortage), ratio, after);
    }

    /// <summary>The demand points with the least access first (ties: most people first), at most <paramref name="count"/>.</summary>
    public IReadOnlyList<int> WorstServed(CatchmentResult result, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Enumerable.Range(0, demand.Length)
            .Where(i => demand[i].Population > 0)
            .OrderBy(i => result.Access[i])
            .ThenByDescending(i => demand[i].Population)
            .ThenBy(i => i)
            .Take(count)];
    }

    private void Offer(int demandIndex, double distance)
    {
        if (double.IsPositiveInfinity(best[demandIndex]))
        {
            touched.Add(demandIndex);
        }

        if (distance < best[demandIndex])
        {
            best[demandIndex] = distance;
        }
    }

    private double? Ratio(double capacity, IReadOnlyList<CatchmentMember> members)
    {
        double weighted = 0;
        foreach (var member in members)
        {
            weighted += demand[member.Demand].Population * decay.Weight(member.Distance);
        }

        return weighted > 0 ? capacity / weighted : null;
    }

    private DistrictBalance[] Balances(double[] access)
    {
        var needs = new Dictionary<int, (double Demand, double Supply)>();
        for (var i = 0; i < demand.Length; i++)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(needs, demand[i].District, out _);
            entry.Demand += demand[i].Population;
            entry.Supply += demand[i].Population * access[i];
        }

        return [.. districts.Select(d => new DistrictBalance(d, needs[d].Demand, needs[d].Supply, Math.Max(0, needs[d].Demand - needs[d].Supply)))];
    }

    private double Covered(double[] nearest)
    {
        double covered = 0;
        for (var i = 0; i < demand.Length; i++)
        {
            if (nearest[i] <= radius)
            {
                covered += demand[i].Population;
            }
        }

        return covered;
    }

    private static void CheckCapacity(Facility facility)
    {
        if (!(facility.Capacity >= 0) || double.IsPositiveInfinity(facility.Capacity))
        {
            throw new ArgumentException($"A facility has capacity {facility.Capacity}; it must be finite and not negative (0 for none).", nameof(facility));
        }
    }
}
