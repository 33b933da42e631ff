using Qala.Engine.Access;
using Qala.Engine.Access.Osm;
using static Qala.Engine.Tests.Access.AccessTestData;
using static Qala.Engine.Tests.Access.PbfWriter;

namespace Qala.Engine.Tests.Access;

public sealed class WalkGraphTests
{
    [Fact]
    public void Parallel_segments_keep_the_shortest_and_self_loops_go()
    {
        var graph = WalkGraph.Create(
            [0, 0, 0],
            [0, 0.001, 0.002],
            [new(0, 1, 120), new(1, 0, 100), new(0, 1, 130), new(1, 1, 5), new(1, 2, 50)]);

        graph.EdgeCount.ShouldBe(4);
        graph.EdgeLength(0, 1).ShouldBe(100);
        graph.EdgeLength(1, 0).ShouldBe(100);
        graph.EdgeLength(1, 2).ShouldBe(50);
        graph.EdgeLength(2, 1).ShouldBe(50);
        graph.EdgeLength(1, 1).ShouldBeNull();
        graph.EdgeLength(0, 2).ShouldBeNull();
    }

    [Fact]
    public void Bad_segments_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WalkGraph.Create([0, 0], [0, 0], [new(0, 2, 1)]));
        Should.Throw<ArgumentOutOfRangeException>(() => WalkGraph.Create([0, 0], [0, 0], [new(0, 1, -1)]));
        Should.Throw<ArgumentOutOfRangeException>(() => WalkGraph.Create([0, 0], [0, 0], [new(0, 1, double.NaN)]));
    }

    [Fact]
    public void Only_walkable_ways_make_the_graph_and_lengths_are_haversine_metres()
    {
        // Nodes 1..12 along the equator, 0.001° (111.195 m on the sphere) apart.
        var nodes = Enumerable.Range(1, 12).Select(i => new PbfWriter.Node(i, 0, i * 10_000)).ToArray();
        var file = File(
            nodes,
            [],
            [
                new(1, [1, 2], ("highway", "footway")),
                new(2, [2, 3], ("highway", "trunk_link")),
                new(3, [3, 4], ("highway", "motorway")),
                new(4, [4, 5], ("highway", "residential"), ("foot", "no")),
                new(5, [5, 6], ("highway", "service"), ("access", "private")),
                new(6, [6, 7], ("highway", "track"), ("access", "no")),
                new(7, [7, 8], ("highway", "pedestrian"), ("area", "yes")),
                new(8, [8, 9], ("building", "yes")),
                new(9, [9, 10], ("highway", "steps"), ("access", "yes"), ("foot", "yes")),
                new(10, [10, 11, 12], ("highway", "corridor")),
            ]);

        var data = ReadBytes(file);

        data.Graph.OsmIds.ToArray().Order().ShouldBe([1L, 2, 3, 9, 10, 11, 12]);
        data.Graph.EdgeCount.ShouldBe(10);
        var one = 2 * Math.PI * GeoPoint.EarthRadius / 360 / 1000;
        var index = data.Graph.OsmIds.ToArray().ToList();
        data.Graph.EdgeLength(index.IndexOf(1), index.IndexOf(2)).ShouldNotBeNull().ShouldBe(one, 1e-6);
        data.Graph.EdgeLength(index.IndexOf(11), index.IndexOf(12)).ShouldNotBeNull().ShouldBe(one, 1e-6);
        data.Buildings.Count.ShouldBe(1);
    }

    [Fact]
    public void A_way_through_a_missing_node_is_split_there()
    {
        var file = File(
            [new(1, 0, 0), new(2, 0, 10_000), new(4, 0, 30_000), new(5, 0, 40_000)],
            [],
            [new(1, [1, 2, 3, 4, 5], ("highway", "path"))]);

        var data = ReadBytes(file);

        data.MissingNodes.ShouldBe(1);
        data.Graph.NodeCount.ShouldBe(4);
        data.Graph.EdgeCount.ShouldBe(4);
    }

    [Fact]
    public void Building_and_area_amenity_points_are_the_mean_of_their_listed_nodes()
    {
        // A closed square way lists its first node twice: the mean leans towards it, as the rules say.
        var file = File(
            [new(1, 0, 0), new(2, 0, 400), new(3, 400, 400), new(4, 400, 0), new(5, 1_000, 1_000, ("amenity", "school")), new(6, 0, 0, ("amenity", "cafe"))],
            [],
            [
                new(10, [1, 2, 3, 4, 1], ("building", "school"), ("amenity", "school")),
                new(11, [1, 2, 3, 1], ("building", "no")),
                new(12, [2, 3], ("highway", "path")),
            ]);

        var data = ReadBytes(file, "school", "kindergarten");

        data.Buildings.Count.ShouldBe(1);
        data.Buildings[0].Point.Latitude.ShouldBe(0.000016, 1e-15);
        data.Buildings[0].Point.Longitude.ShouldBe(0.000016, 1e-15);
        data.Amenities.Count.ShouldBe(2);
        data.Amenities[0].ShouldBe(new GeoPoint(0.0001, 0.0001));
    }

    [Fact]
    public void The_Monaco_walk_graph_is_compact()
    {
        var data = OsmAccessData.Read(Monaco);

        data.Graph.NodeCount.ShouldBe(24_388);
        data.Graph.EdgeCount.ShouldBe(51_004);
        data.MissingNodes.ShouldBe(0);
        ((double)data.Graph.MemoryBytes / data.Graph.EdgeCount).ShouldBeLessThan(40);
        for (var v = 0; v < data.Graph.NodeCount; v++)
        {
            for (var e = data.Graph.FirstEdge[v]; e < data.Graph.FirstEdge[v + 1]; e++)
            {
                var w = data.Graph.Targets[e];
                data.Graph.EdgeLength(w, v).ShouldBe(data.Graph.Lengths[e]);
                data.Graph.Lengths[e].ShouldBe(GeoPoint.Distance(data.Graph.Location(v), data.Graph.Location(w)));
            }
        }
    }
}
