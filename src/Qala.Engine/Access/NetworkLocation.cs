namespace Qala.Engine.Access;

/// <summary>
/// A place on the walk graph: a node (<see cref="NodeA"/> = <see cref="NodeB"/>, offsets 0) or a point on the edge
/// between <see cref="NodeA"/> and <see cref="NodeB"/>, <see cref="OffsetA"/> metres from A and <see cref="OffsetB"/>
/// from B along it.
/// </summary>
public readonly record struct NetworkLocation(int NodeA, double OffsetA, int NodeB, double OffsetB)
{
    public static NetworkLocation AtNode(int node) => new(node, 0, node, 0);

    public bool IsNode => NodeA == NodeB;

    /// <summary>The distance to this place given the network distances to every node (via either end of its edge).</summary>
    public double DistanceFrom(ReadOnlySpan<double> nodeDistances) =>
        Math.Min(nodeDistances[NodeA] + OffsetA, nodeDistances[NodeB] + OffsetB);

    /// <summary>
    /// The distance from this place to <paramref name="other"/> along their common edge, without leaving it; infinity
    /// when they do not lie on the same edge.
    /// </summary>
    public double AlongSameEdge(NetworkLocation other)
    {
        if (IsNode || other.IsNode)
        {
            return double.PositiveInfinity;
        }

        if (NodeA == other.NodeA && NodeB == other.NodeB)
        {
            return Math.Abs(OffsetA - other.OffsetA);
        }

        return NodeA == other.NodeB && NodeB == other.NodeA ? Math.Abs(OffsetA - other.OffsetB) : double.PositiveInfinity;
    }

    /// <summary>The key of this place's edge, the same whichever way round it is given; -1 for a node.</summary>
    internal long EdgeKey => IsNode ? -1 : ((long)Math.Min(NodeA, NodeB) << 32) | (uint)Math.Max(NodeA, NodeB);

    /// <summary>Adds the search seeds that start from this place on behalf of source <paramref name="source"/>.</summary>
    internal void AddSeeds(List<Seed> seeds, int source)
    {
        seeds.Add(new Seed(NodeA, OffsetA, source));
        if (!IsNode)
        {
            seeds.Add(new Seed(NodeB, OffsetB, source));
        }
    }
}

/// <summary>A start of a network search: <see cref="Node"/> is reached at <see cref="Distance"/> metres from source <see cref="Source"/>.</summary>
public readonly record struct Seed(int Node, double Distance, int Source);
