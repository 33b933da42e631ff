namespace Qala.Engine.Access;

/// <summary>
/// The network distance from every node to its nearest source and which source that is: one multi-source Dijkstra
/// search for all facilities at once. Nodes farther than the radius (or unreachable) have distance infinity and
/// source -1; distances within the radius are exact.
/// </summary>
public sealed class NearestDistances(double[] distance, int[] source)
{
    public ReadOnlySpan<double> Distance => distance;

    public ReadOnlySpan<int> Source => source;
}

/// <summary>Nearest-facility distances over a <see cref="WalkGraph"/>.</summary>
public static class NearestFacility
{
    /// <summary>
    /// The distance from every node to the nearest of <paramref name="seeds"/> (each seed's own distance included),
    /// searching no farther than <paramref name="radius"/> metres.
    /// </summary>
    public static NearestDistances FromNodes(WalkGraph graph, ReadOnlySpan<Seed> seeds, double radius = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var distance = new double[n];
        var source = new int[n];
        Array.Fill(distance, double.PositiveInfinity);
        Array.Fill(source, -1);
        var heap = new IndexedHeap(n);
        foreach (var seed in seeds)
        {
            if (seed.Distance <= radius && seed.Distance < distance[seed.Node])
            {
                distance[seed.Node] = seed.Distance;
                source[seed.Node] = seed.Source;
                heap.Push(seed.Node, seed.Distance);
            }
        }

        var first = graph.FirstEdge;
        var targets = graph.Targets;
        var lengths = graph.Lengths;
        while (heap.Count > 0)
        {
            var u = heap.Pop(out var d);
            var from = source[u];
            var end = first[u + 1];
            for (var e = first[u]; e < end; e++)
            {
                var v = targets[e];
                var candidate = d + lengths[e];
                if (candidate < distance[v] && candidate <= radius)
                {
                    distance[v] = candidate;
                    source[v] = from;
                    heap.Push(v, candidate);
                }
            }
        }

        return new NearestDistances(distance, source);
    }

    /// <summary>
    /// The distance from each of <paramref name="points"/> to the nearest of <paramref name="facilities"/>, both placed
    /// on the network (nodes or points on edges, the snap distance not counted), no farther than
    /// <paramref name="radius"/>; infinity beyond. A facility on the same edge as a point is also reached along it.
    /// </summary>
    public static double[] ToPoints(
        WalkGraph graph, IReadOnlyList<NetworkLocation> facilities, IReadOnlyList<NetworkLocation> points, double radius = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(facilities);
        ArgumentNullException.ThrowIfNull(points);
        var seeds = new List<Seed>(2 * facilities.Count);
        var onEdges = new Dictionary<long, List<NetworkLocation>>();
        for (var f = 0; f < facilities.Count; f++)
        {
            facilities[f].AddSeeds(seeds, f);
            if (!facilities[f].IsNode)
            {
                var key = facilities[f].EdgeKey;
                if (!onEdges.TryGetValue(key, out var list))
                {
                    onEdges[key] = list = [];
                }

                list.Add(facilities[f]);
            }
        }

        var nodes = FromNodes(graph, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(seeds), radius);
        var result = new double[points.Count];
        for (var p = 0; p < points.Count; p++)
        {
            var point = points[p];
            var best = point.DistanceFrom(nodes.Distance);
            if (!point.IsNode && onEdges.TryGetValue(point.EdgeKey, out var sameEdge))
            {
                foreach (var facility in sameEdge)
                {
                    best = Math.Min(best, point.AlongSameEdge(facility));
                }
            }

            result[p] = best <= radius ? best : double.PositiveInfinity;
        }

        return result;
    }
}
