using Qala.Engine.Access;
using static Qala.Engine.Tests.Access.AccessTestData;

namespace Qala.Engine.Tests.Access;

public sealed class SnappingTests
{
    [Fact]
    public void The_nearest_node_is_the_nearest_by_great_circle_distance()
    {
        var random = new Random(7);
        var graph = RandomGraph(random, 500, 0);
        var locator = new NodeLocator(graph);

        for (var k = 0; k < 300; k++)
        {
            var point = new GeoPoint(43.728 + (random.NextDouble() * 0.014), 7.418 + (random.NextDouble() * 0.014));

            var snap = locator.Nearest(point);

            var best = Enumerable.Range(0, graph.NodeCount).Min(v => GeoPoint.Distance(point, graph.Location(v)));
            snap.Distance.ShouldBe(best, 1e-6);
            snap.Distance.ShouldBe(GeoPoint.Distance(point, graph.Location(snap.Node)));
        }
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 100)]
    [InlineData(3, 450)]
    public void Edge_snapping_matches_a_scan_of_every_edge(int seed, double cellSize)
    {
        var random = new Random(seed);
        var graph = RandomGraph(random, 200, 100);
        var locator = new EdgeLocator(graph, cellSize);
        var meanLatitude = graph.Latitudes.ToArray().Average();

        for (var k = 0; k < 200; k++)
        {
            var point = new GeoPoint(43.725 + (random.NextDouble() * 0.02), 7.415 + (random.NextDouble() * 0.02));

            var snap = locator.Snap(point, 3_000);

            var nearest = NearestByScan(graph, point, meanLatitude);
            snap.ShouldNotBeNull().Distance.ShouldBe(nearest, 1e-6);
        }
    }

    [Fact]
    public void A_point_beyond_the_maximum_snap_distance_is_not_snapped()
    {
        var graph = WalkGraph.Create([0, 0], [0, 0.001], [new Segment(0, 1, 111.2)]);
        var far = new GeoPoint(0.01, 0);

        new NodeLocator(graph).Nearest(far, 500).ShouldBeNull();
        new EdgeLocator(graph).Snap(far, 500).ShouldBeNull();
        new NodeLocator(graph).Nearest(far, 2_000).ShouldNotBeNull().Node.ShouldBe(0);
    }

    [Fact]
    public void Points_too_far_from_the_network_are_reported()
    {
        var graph = WalkGraph.Create([0, 0], [0, 0.001], [new Segment(0, 1, 111.2)]);

        var report = new EdgeLocator(graph).SnapAll([new GeoPoint(0.0001, 0.0005), new GeoPoint(0.05, 0), new GeoPoint(-0.0002, 0.002)], 200);

        report.TooFar.ShouldBe([1]);
        report.Snaps[0].ShouldNotBeNull().Distance.ShouldBe(11.12, 0.01);
        report.Snaps[1].ShouldBeNull();
        report.Snaps[2].ShouldNotBeNull().Location.NodeB.ShouldBe(1);
    }

    [Fact]
    public void A_point_on_the_other_side_of_the_world_is_answered_at_once()
    {
        var graph = WalkGraph.Create([0, 0], [0, 0.001], [new Segment(0, 1, 111.2)]);
        var locator = new EdgeLocator(graph);

        locator.Snap(new GeoPoint(-45, 179), 1_000).ShouldBeNull();
        locator.Snap(new GeoPoint(-45, 179), 1e9).ShouldNotBeNull().Location.NodeB.ShouldBe(1);
    }

    [Fact]
    public void A_point_snaps_to_the_nearest_edge_with_partial_lengths()
    {
        // An edge along the equator from 0° to 0.002° (222.39 m); a point 0.0005° north of 0.0005° east.
        var length = GeoPoint.Distance(new GeoPoint(0, 0), new GeoPoint(0, 0.002));
        var graph = WalkGraph.Create([0, 0, 1], [0, 0.002, 1], [new Segment(0, 1, length), new Segment(1, 2, 1e5)]);

        var snap = new EdgeLocator(graph).Snap(new GeoPoint(0.0005, 0.0005), 100).ShouldNotBeNull();

        snap.Location.NodeA.ShouldBe(0);
        snap.Location.NodeB.ShouldBe(1);
        snap.Location.OffsetA.ShouldBe(length / 4, 1e-6);
        snap.Location.OffsetB.ShouldBe(length * 3 / 4, 1e-6);
        snap.Distance.ShouldBe(GeoPoint.Distance(new GeoPoint(0.0005, 0.0005), new GeoPoint(0, 0.0005)), 1e-6);
    }

    [Fact]
    public void A_network_as_wide_as_a_country_gets_a_coarser_grid_and_still_snaps()
    {
        // From Aktau to Oskemen and Shymkent to Petropavl: 100 m cells would be about 280 million.
        var graph = WalkGraph.Create([43.65, 49.95, 42.32, 54.87], [51.16, 82.61, 69.59, 69.15], [new Segment(0, 1, 2.5e6), new Segment(2, 3, 1.4e6)]);

        var snap = new EdgeLocator(graph).Snap(new GeoPoint(48.5, 69.4), 5_000).ShouldNotBeNull();

        snap.Location.NodeA.ShouldBe(2);
        snap.Location.NodeB.ShouldBe(3);
        (snap.Location.OffsetA + snap.Location.OffsetB).ShouldBe(1.4e6, 1e-6);
    }

    [Fact]
    public void Edge_snapping_finds_the_nearest_segment_of_a_real_network()
    {
        var graph = Qala.Engine.Access.Osm.OsmAccessData.Read(Monaco).Graph;
        var locator = new EdgeLocator(graph);
        var random = new Random(3);

        for (var k = 0; k < 50; k++)
        {
            var node = random.Next(graph.NodeCount);
            var point = new GeoPoint(graph.Latitudes[node] + ((random.NextDouble() - 0.5) * 0.002), graph.Longitudes[node] + ((random.NextDouble() - 0.5) * 0.002));

            var snap = locator.Snap(point, 1_000).ShouldNotBeNull();

            var nodeSnap = new NodeLocator(graph).Nearest(point);
            snap.Distance.ShouldBeLessThanOrEqualTo(nodeSnap.Distance + 1e-6);
            (snap.Location.OffsetA + snap.Location.OffsetB).ShouldBe(graph.EdgeLength(snap.Location.NodeA, snap.Location.NodeB).ShouldNotBeNull(), 1e-6);
        }
    }

    // The snap distance to the edge whose point nearest in the local equirectangular plane is nearest of all.
    private static double NearestByScan(WalkGraph graph, GeoPoint point, double meanLatitude)
    {
        var kx = Math.Cos(meanLatitude * Math.PI / 180);
        double best = double.PositiveInfinity, answer = double.PositiveInfinity;
        for (var a = 0; a < graph.NodeCount; a++)
        {
            for (var e = graph.FirstEdge[a]; e < graph.FirstEdge[a + 1]; e++)
            {
                var b = graph.Targets[e];
                var (ax, ay) = (graph.Longitudes[a] * kx, graph.Latitudes[a]);
                var (bx, by) = (graph.Longitudes[b] * kx, graph.Latitudes[b]);
                var (px, py) = (point.Longitude * kx, point.Latitude);
                var squared = ((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay));
                var t = squared == 0 ? 0 : Math.Clamp((((px - ax) * (bx - ax)) + ((py - ay) * (by - ay))) / squared, 0, 1);
                var planar = Math.Pow(ax + (t * (bx - ax)) - px, 2) + Math.Pow(ay + (t * (by - ay)) - py, 2);
                if (planar < best)
                {
                    best = planar;
                    var landing = new GeoPoint(graph.Latitudes[a] + (t * (graph.Latitudes[b] - graph.Latitudes[a])), graph.Longitudes[a] + (t * (graph.Longitudes[b] - graph.Longitudes[a])));
                    answer = GeoPoint.Distance(point, landing);
                }
            }
        }

        return answer;
    }
}
