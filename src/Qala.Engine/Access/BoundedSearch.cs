namespace Qala.Engine.Access;

/// <summary>
/// A reusable Dijkstra search limited to a radius, for the many small searches of catchments, what-if sites and
/// radius sums: it touches only the nodes it reaches and resets only those, so a search costs what it explores, not
/// the size of the graph. Not thread-safe: one per thread.
/// </summary>
internal sealed class BoundedSearch
{
    private readonly WalkGraph graph;
    private readonly IndexedHeap heap;
    private readonly double[] distance;
    private readonly int[] reached;
    private int reachedCount;

    public BoundedSearch(WalkGraph graph)
    {
        this.graph = graph;
        heap = new IndexedHeap(graph.NodeCount);
        distance = new double[graph.NodeCount];
        reached = new int[graph.NodeCount];
        Array.Fill(distance, double.PositiveInfinity);
    }

    /// <summary>The nodes reached by the last search, each within the radius, in no particular order.</summary>
    public ReadOnlySpan<int> Reached => reached.AsSpan(0, reachedCount);

    /// <summary>The distances of the last search: exact for <see cref="Reached"/> nodes, infinity for the others.</summary>
    public ReadOnlySpan<double> Distances => distance;

    public void Run(ReadOnlySpan<Seed> seeds, double radius)
    {
        foreach (var node in Reached)
        {
            distance[node] = double.PositiveInfinity;
        }

        reachedCount = 0;
        foreach (var seed in seeds)
        {
            if (seed.Distance <= radius && seed.Distance < distance[seed.Node])
            {
                if (double.IsPositiveInfinity(distance[seed.Node]))
                {
                    reached[reachedCount++] = seed.Node;
                }

                distance[seed.Node] = seed.Distance;
                heap.Push(seed.Node, seed.Distance);
            }
        }

        var first = graph.FirstEdge;
        var targets = graph.Targets;
        var lengths = graph.Lengths;
        while (heap.Count > 0)
        {
            var u = heap.Pop(out var d);
            var end = first[u + 1];
            for (var e = first[u]; e < end; e++)
            {
                var v = targets[e];
                var candidate = d + lengths[e];
                if (candidate < distance[v] && candidate <= radius)
                {
                    if (double.IsPositiveInfinity(distance[v]))
                    {
                        reached[reachedCount++] = v;
                    }

                    distance[v] = candidate;
                    heap.Push(v, candidate);
                }
            }
        }
    }
}
