using Qala.Engine.Access;
using static Qala.Engine.Tests.Access.AccessTestData;

namespace Qala.Engine.Tests.Access;

public sealed class NearestFacilityTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [Theory, MemberData(nameof(Seeds))]
    public void Multi_source_distances_match_Floyd_Warshall(int seed)
    {
        var random = new Random(seed);
        var graph = RandomGraph(random, 30 + random.Next(20), random.Next(60));
        var all = AllPairs(graph);
        var sources = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => random.Next(graph.NodeCount)).ToArray();
        var offsets = sources.Select(_ => random.NextDouble() < 0.5 ? 0 : random.NextDouble() * 50).ToArray();
        var seeds = sources.Select((s, i) => new Seed(s, offsets[i], i)).ToArray();

        foreach (var radius in new[] { double.PositiveInfinity, 150, 400, 0 })
        {
            var result = NearestFacility.FromNodes(graph, seeds, radius);

            for (var v = 0; v < graph.NodeCount; v++)
            {
                var expected = sources.Select((s, i) => offsets[i] + all[s, v]).Min();
                if (expected <= radius && double.IsFinite(expected))
                {
                    result.Distance[v].ShouldBe(expected, 1e-9);
                    var source = result.Source[v];
                    (offsets[source] + all[sources[source], v]).ShouldBe(expected, 1e-9);
                }
                else
                {
                    result.Distance[v].ShouldBe(double.PositiveInfinity);
                    result.Source[v].ShouldBe(-1);
                }
            }
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Distances_between_places_on_edges_match_brute_force(int seed)
    {
        var random = new Random(seed);
        var graph = RandomGraph(random, 25, 30);
        var all = AllPairs(graph);
        var facilities = Enumerable.Range(0, 3).Select(_ => RandomLocation(random, graph)).ToList();
        var points = Enumerable.Range(0, 40).Select(_ => RandomLocation(random, graph)).ToList();
        // Some points share a facility's edge, to exercise the walk along it.
        points.Add(facilities[0] with { OffsetA = facilities[0].OffsetA / 2, OffsetB = facilities[0].OffsetB + (facilities[0].OffsetA / 2) });
        points.Add(new NetworkLocation(facilities[1].NodeB, facilities[1].OffsetB, facilities[1].NodeA, facilities[1].OffsetA));

        foreach (var radius in new[] { double.PositiveInfinity, 200 })
        {
            var distances = NearestFacility.ToPoints(graph, facilities, points, radius);

            for (var p = 0; p < points.Count; p++)
            {
                var expected = facilities.Min(f => Between(all, f, points[p]));
                ShouldBeDistance(distances[p], expected <= radius ? expected : double.PositiveInfinity);
            }
        }
    }

    [Fact]
    public void Without_facilities_nothing_is_reached()
    {
        var graph = RandomGraph(new Random(1), 10, 5);

        var result = NearestFacility.FromNodes(graph, []);

        result.Distance.ToArray().ShouldAllBe(d => double.IsPositiveInfinity(d));
    }

    [Fact]
    public void Coverage_share_counts_people_within_the_radius_inclusive()
    {
        var share = CoverageShare.Within([100, 600, double.PositiveInfinity, 500], [10, 20, 30, 40], 500);

        share.Covered.ShouldBe(50);
        share.Total.ShouldBe(100);
        share.Share.ShouldBe(0.5);
    }

    [Fact]
    public void Nobody_at_all_is_a_share_of_zero() => CoverageShare.Within([], [], 500).Share.ShouldBe(0);
}
