namespace Qala.Engine.Access.Osm;

/// <summary>Receives the nodes and ways of an <c>.osm.pbf</c> file in file order (relations are skipped).</summary>
public interface IOsmHandler
{
    /// <summary>A node with its coordinates in degrees (WGS 84).</summary>
    void Node(long id, double latitude, double longitude, OsmTags tags);

    /// <summary>A way with the ids of its nodes in order; the span is valid only during the call.</summary>
    void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags);
}
