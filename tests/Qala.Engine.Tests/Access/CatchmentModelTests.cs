using Qala.Engine.Access;
using static Qala.Engine.Tests.Access.AccessTestData;

namespace Qala.Engine.Tests.Access;

public sealed class CatchmentModelTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    private static readonly DistanceDecay[] Decays =
    [
        DistanceDecay.None,
        DistanceDecay.Bands((100, 1), (200, 0.68), (300, 0.22)),
        DistanceDecay.Gaussian(300),
    ];

    [Theory, MemberData(nameof(Seeds))]
    public void Two_step_floating_catchments_match_brute_force(int seed)
    {
        var random = new Random(seed);
        var (graph, demand, facilities) = City(random);
        var all = AllPairs(graph);
        const double radius = 300;

        foreach (var decay in Decays)
        {
            var result = new CatchmentModel(graph, demand, radius, decay).Compute(facilities);

            var expectedRatio = facilities.Select(f =>
            {
                var weighted = demand.Sum(d => Between(all, f.Location, d.Location) is var x && x <= radius ? d.Population * decay.Weight(x) : 0);
                return weighted > 0 ? f.Capacity / weighted : (double?)null;
            }).ToArray();
            for (var j = 0; j < facilities.Length; j++)
            {
                if (expectedRatio[j] is { } r)
                {
                    result.Ratio[j].ShouldNotBeNull().ShouldBe(r, 1e-9);
                }
                else
                {
                    result.Ratio[j].ShouldBeNull();
                }
            }

            for (var i = 0; i < demand.Length; i++)
            {
                var distances = facilities.Select(f => Between(all, f.Location, demand[i].Location)).ToArray();
                var access = distances.Select((x, j) => x <= radius && expectedRatio[j] is { } r ? r * decay.Weight(x) : 0).Sum();
                result.Access[i].ShouldBe(access, 1e-9);
                var nearest = distances.Min();
                ShouldBeDistance(result.NearestDistance[i], nearest <= radius ? nearest : double.PositiveInfinity);
            }
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Places_are_shared_out_not_invented_when_everyone_is_served(int seed)
    {
        var random = new Random(seed);
        var (graph, demand, facilities) = City(random);
        var all = AllPairs(graph);
        // A catchment large enough that every demand point reaches every facility it is connected to; keep the points
        // that reach one and the facilities that reach one, as the law requires.
        const double radius = 1e9;
        var served = demand.Where(d => facilities.Any(f => Between(all, f.Location, d.Location) <= radius)).ToArray();
        var serving = facilities.Where(f => served.Any(d => Between(all, f.Location, d.Location) <= radius)).ToArray();
        served.ShouldNotBeEmpty();

        var model = new CatchmentModel(graph, served, radius);
        var result = model.Compute(serving);

        var totalDemand = served.Sum(d => d.Population);
        var weightedMean = served.Select((d, i) => d.Population * result.Access[i]).Sum() / totalDemand;
        weightedMean.ShouldBe(serving.Sum(f => f.Capacity) / totalDemand, 1e-9);
        result.Districts.Sum(d => d.Supply).ShouldBe(serving.Sum(f => f.Capacity), 1e-6);
    }

    [Fact]
    public void Shortage_per_district_is_demand_minus_the_places_that_reach_it()
    {
        // A street 0 — 1 — 2 — 3, 100 m a segment. A kindergarten of 30 places at node 0 reaches nodes 0 and 1 within
        // 150 m: 20 children at node 0 (district 1) and 40 at node 1 (district 2); 50 children at node 3 (district 2)
        // have nothing. Ratio 30 / 60 = 0.5 places per child.
        var graph = Line(4, 100);
        DemandPoint[] demand =
        [
            new(NetworkLocation.AtNode(0), 20, 1),
            new(NetworkLocation.AtNode(1), 40, 2),
            new(NetworkLocation.AtNode(3), 50, 2),
        ];
        var model = new CatchmentModel(graph, demand, 150);

        var result = model.Compute([new Facility(NetworkLocation.AtNode(0), 30)]);

        result.Ratio.ShouldBe([0.5]);
        result.Access.ShouldBe([0.5, 0.5, 0]);
        result.Districts.ShouldBe([new DistrictBalance(1, 20, 10, 10), new DistrictBalance(2, 90, 20, 70)]);
        result.Districts.Select(d => d.Ratio).ShouldBe([0.5, 20 / 90.0]);
        result.TotalShortage.ShouldBe(80);
        result.CoveredPopulation.ShouldBe(60);
        model.WorstServed(result, 2).ShouldBe([2, 1]);
    }

    [Fact]
    public void What_if_gives_the_gain_of_a_new_site()
    {
        var graph = Line(4, 100);
        DemandPoint[] demand =
        [
            new(NetworkLocation.AtNode(0), 20, 1),
            new(NetworkLocation.AtNode(1), 40, 2),
            new(NetworkLocation.AtNode(3), 50, 2),
        ];
        var model = new CatchmentModel(graph, demand, 150);
        var baseline = model.Compute([new Facility(NetworkLocation.AtNode(0), 30)]);

        // 60 places at node 3 reach node 3's 50 children only: 1.2 places each, the district gets 60 more places.
        var gain = model.WhatIf(baseline, new Facility(NetworkLocation.AtNode(3), 60));

        gain.CoveredBefore.ShouldBe(60);
        gain.CoveredAfter.ShouldBe(110);
        gain.CoveredGain.ShouldBe(50);
        gain.ShortageBefore.ShouldBe(80);
        gain.ShortageAfter.ShouldBe(20);
        gain.ShortageReduction.ShouldBe(60);
        gain.Ratio.ShouldBe(1.2);
        gain.Districts.ShouldBe([new DistrictBalance(1, 20, 10, 10), new DistrictBalance(2, 90, 80, 10)]);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void What_if_equals_recomputing_with_the_new_facility(int seed)
    {
        var random = new Random(seed);
        var (graph, demand, facilities) = City(random);
        var model = new CatchmentModel(graph, demand, 250, DistanceDecay.Gaussian(250));
        var baseline = model.Compute(facilities[1..]);

        var gain = model.WhatIf(baseline, facilities[0]);

        var recomputed = model.Compute(facilities);
        gain.CoveredAfter.ShouldBe(recomputed.CoveredPopulation, 1e-9);
        gain.ShortageAfter.ShouldBe(recomputed.TotalShortage, 1e-6);
        gain.Ratio.ShouldBe(recomputed.Ratio[0]);
    }

    [Fact]
    public void A_facility_with_no_one_in_reach_has_no_ratio_and_zero_capacity_is_allowed()
    {
        var graph = Line(3, 1_000);
        var model = new CatchmentModel(graph, [new DemandPoint(NetworkLocation.AtNode(0), 10, 1)], 500);

        var result = model.Compute([new Facility(NetworkLocation.AtNode(2), 50), new Facility(NetworkLocation.AtNode(0), 0)]);

        result.Ratio.ShouldBe([null, 0.0]);
        result.Access.ShouldBe([0.0]);
        result.CoveredPopulation.ShouldBe(10);
    }

    [Fact]
    public void Missing_capacity_and_negative_population_are_refused()
    {
        var graph = Line(2, 100);
        var model = new CatchmentModel(graph, [new DemandPoint(NetworkLocation.AtNode(0), 10, 1)], 500);

        Should.Throw<ArgumentException>(() => model.Compute([new Facility(NetworkLocation.AtNode(1), double.NaN)]));
        Should.Throw<ArgumentException>(() => model.Compute([new Facility(NetworkLocation.AtNode(1), -5)]));
        Should.Throw<ArgumentException>(() => new CatchmentModel(graph, [new DemandPoint(NetworkLocation.AtNode(0), -1, 1)], 500));
        Should.Throw<ArgumentException>(() => new CatchmentModel(graph, [new DemandPoint(NetworkLocation.AtNode(7), 1, 1)], 500));
    }

    [Fact]
    public void Decay_weights_fall_from_one_to_zero()
    {
        DistanceDecay.None.Weight(1e6).ShouldBe(1);
        var bands = DistanceDecay.Bands((250, 1), (500, 0.68), (750, 0.22));
        bands.Weight(0).ShouldBe(1);
        bands.Weight(250).ShouldBe(1);
        bands.Weight(251).ShouldBe(0.68);
        bands.Weight(750).ShouldBe(0.22);
        bands.Weight(751).ShouldBe(0);
        var gaussian = DistanceDecay.Gaussian(750);
        gaussian.Weight(0).ShouldBe(1, 1e-12);
        gaussian.Weight(750).ShouldBe(0);
        gaussian.Weight(375).ShouldBe((Math.Exp(-0.125) - Math.Exp(-0.5)) / (1 - Math.Exp(-0.5)), 1e-12);
        Should.Throw<ArgumentException>(() => DistanceDecay.Bands((500, 1), (250, 0.5)));
        Should.Throw<ArgumentException>(() => DistanceDecay.Bands((500, 1.5)));
    }

    private static WalkGraph Line(int nodes, double length) =>
        WalkGraph.Create(new double[nodes], [.. Enumerable.Range(0, nodes).Select(i => i * 0.001)], [.. Enumerable.Range(1, nodes - 1).Select(i => new Segment(i - 1, i, length))]);

    private static (WalkGraph Graph, DemandPoint[] Demand, Facility[] Facilities) City(Random random)
    {
        var graph = RandomGraph(random, 30, 25);
        var demand = Enumerable.Range(0, 40)
            .Select(_ => new DemandPoint(RandomLocation(random, graph), random.Next(0, 200), random.Next(3)))
            .ToArray();
        var facilities = Enumerable.Range(0, 5)
            .Select(_ => new Facility(RandomLocation(random, graph), random.Next(0, 150)))
            .ToArray();
        return (graph, demand, facilities);
    }
}
