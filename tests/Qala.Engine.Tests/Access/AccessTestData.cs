using Qala.Engine.Access;
using Qala.Engine.Access.Osm;

namespace Qala.Engine.Tests.Access;

internal static class AccessTestData
{
    /// <summary>The walkable ways, buildings and amenities of Monaco (see Data/README.md).</summary>
    public static string Monaco => Path.Combine(AppContext.BaseDirectory, "Access", "Data", "monaco.osm.pbf");

    /// <summary>A connected-ish random graph on n nodes around Monaco with arbitrary lengths, parallel edges and zero lengths.</summary>
    public static WalkGraph RandomGraph(Random random, int n, int extraEdges)
    {
        var latitudes = Enumerable.Range(0, n).Select(_ => 43.73 + (random.NextDouble() * 0.01)).ToArray();
        var longitudes = Enumerable.Range(0, n).Select(_ => 7.42 + (random.NextDouble() * 0.01)).ToArray();
        var segments = new List<Segment>();
        for (var v = 1; v < n; v++)
        {
            if (random.NextDouble() < 0.9)
            {
                segments.Add(new Segment(random.Next(v), v, Length(random)));
            }
        }

        for (var k = 0; k < extraEdges; k++)
        {
            segments.Add(new Segment(random.Next(n), random.Next(n), Length(random)));
        }

        return WalkGraph.Create(latitudes, longitudes, segments);
    }

    /// <summary>All-pairs distances by Floyd–Warshall: the brute force the searches are checked against.</summary>
    public static double[,] AllPairs(WalkGraph graph)
    {
        var n = graph.NodeCount;
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = i == j ? 0 : double.PositiveInfinity;
            }

            for (var e = graph.FirstEdge[i]; e < graph.FirstEdge[i + 1]; e++)
            {
                d[i, graph.Targets[e]] = Math.Min(d[i, graph.Targets[e]], graph.Lengths[e]);
            }
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    d[i, j] = Math.Min(d[i, j], d[i, k] + d[k, j]);
                }
            }
        }

        return d;
    }

    /// <summary>The brute-force distance between two places on the network.</summary>
    public static double Between(double[,] d, NetworkLocation a, NetworkLocation b)
    {
        var best = a.AlongSameEdge(b);
        foreach (var (na, oa) in new[] { (a.NodeA, a.OffsetA), (a.NodeB, a.OffsetB) })
        {
            foreach (var (nb, ob) in new[] { (b.NodeA, b.OffsetA), (b.NodeB, b.OffsetB) })
            {
                best = Math.Min(best, oa + d[na, nb] + ob);
            }
        }

        return best;
    }

    /// <summary>A random place: a node, or a point on a random edge.</summary>
    public static NetworkLocation RandomLocation(Random random, WalkGraph graph)
    {
        var node = random.Next(graph.NodeCount);
        var degree = graph.FirstEdge[node + 1] - graph.FirstEdge[node];
        if (degree == 0 || random.NextDouble() < 0.4)
        {
            return NetworkLocation.AtNode(node);
        }

        var e = graph.FirstEdge[node] + random.Next(degree);
        var t = random.NextDouble();
        return new NetworkLocation(node, t * graph.Lengths[e], graph.Targets[e], (1 - t) * graph.Lengths[e]);
    }

    /// <summary>Equal within 1e-9 m, or both infinite (out of reach).</summary>
    public static void ShouldBeDistance(double actual, double expected)
    {
        if (double.IsPositiveInfinity(expected))
        {
            actual.ShouldBe(double.PositiveInfinity);
        }
        else
        {
            actual.ShouldBe(expected, 1e-9);
        }
    }

    public static OsmAccessData ReadBytes(byte[] file, params string[] amenities) =>
        OsmAccessData.Read(new MemoryStream(file), amenities);

    private static double Length(Random random) => random.NextDouble() < 0.05 ? 0 : Math.Round(random.NextDouble() * 300, 3);
}
