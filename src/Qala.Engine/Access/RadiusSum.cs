namespace Qala.Engine.Access;

/// <summary>
/// The aggregation query of pandana: for every node, the sum of a value over all nodes within a walking distance
/// (population within 500 m, jobs within 1 km…). One bounded search per node, spread over the processor's cores.
/// </summary>
public static class RadiusSum
{
    /// <summary>For every node v, Σ values[u] over the nodes u with network distance(v, u) ≤ <paramref name="radius"/>.</summary>
    public static double[] ForEveryNode(WalkGraph graph, IReadOnlyList<double> values, double radius)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        if (values.Count != graph.NodeCount)
        {
            throw new ArgumentException("Every node needs one value.", nameof(values));
        }

        var value = values.ToArray();
        var sums = new double[graph.NodeCount];
        // One search workspace per core (each holds arrays the size of the graph), taking chunks of nodes in turn.
        const int chunk = 256;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (graph.NodeCount / chunk) + 1));
        var nextChunk = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var search = new BoundedSearch(graph);
            var seed = new Seed[1];
            for (var start = Interlocked.Increment(ref nextChunk) * chunk; start < graph.NodeCount; start = Interlocked.Increment(ref nextChunk) * chunk)
            {
                var end = Math.Min(start + chunk, graph.NodeCount);
                for (var v = start; v < end; v++)
                {
                    seed[0] = new Seed(v, 0, 0);
                    search.Run(seed, radius);
                    double sum = 0;
                    foreach (var u in search.Reached)
                    {
                        sum += value[u];
                    }

                    sums[v] = sum;
                }
            }
        });
        return sums;
    }
}
