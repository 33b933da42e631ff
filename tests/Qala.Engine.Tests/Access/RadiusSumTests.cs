using Qala.Engine.Access;
using static Qala.Engine.Tests.Access.AccessTestData;

namespace Qala.Engine.Tests.Access;

public sealed class RadiusSumTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 100)]
    [InlineData(3, 250)]
    [InlineData(4, 600)]
    public void Sums_within_a_radius_match_brute_force(int seed, double radius)
    {
        var random = new Random(seed);
        var graph = RandomGraph(random, 40, 40);
        var all = AllPairs(graph);
        var values = Enumerable.Range(0, graph.NodeCount).Select(_ => (double)random.Next(0, 100)).ToArray();

        var sums = RadiusSum.ForEveryNode(graph, values, radius);

        for (var v = 0; v < graph.NodeCount; v++)
        {
            sums[v].ShouldBe(Enumerable.Range(0, graph.NodeCount).Where(u => all[v, u] <= radius).Sum(u => values[u]), 1e-9);
        }
    }

    [Fact]
    public void One_value_per_node_is_required() =>
        Should.Throw<ArgumentException>(() => RadiusSum.ForEveryNode(RandomGraph(new Random(1), 5, 0), [1, 2], 100));
}
