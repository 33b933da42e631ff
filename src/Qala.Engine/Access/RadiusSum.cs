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
        Parallel.For(
            0,
            graph.NodeCount,
            () => (Search: new BoundedSearch(graph), Seeds: new Seed[1]),
            (v, _, state) =>
            {
                state.Seeds[0] = new Seed(v, 0, 0);
                state.Search.Run(state.Seeds, radius);
                double sum = 0;
                foreach (var u in state.Search.Reached)
                {
                    sum += value[u];
                }

                sums[v] = sum;
                return state;
            },
            _ => { });
        return sums;
    }
}
