using Qala.Engine.Access.Osm;

namespace Qala.Engine.Access;

/// <summary>How many buildings lie within walking distance of an amenity: the answer of <c>access-coverage</c>.</summary>
/// <param name="Buildings">Buildings in the extract.</param>
/// <param name="Covered">Buildings within the radius.</param>
/// <param name="Amenities">Amenities found (nodes and ways, each once).</param>
public sealed record BuildingCoverageResult(int Buildings, int Covered, int Amenities)
{
    /// <summary>Covered ÷ buildings, from 0 to 1 (0 when there are no buildings).</summary>
    public double Share => Buildings == 0 ? 0 : (double)Covered / Buildings;
}

/// <summary>
/// The share of an extract's buildings within a walking distance of the nearest of some amenities, under fixed
/// rules so that other tools can reproduce it: the walk network of <see cref="WalkableWay"/>; a building or area
/// amenity is the mean of its way's listed node coordinates (<see cref="OsmAccessData"/>); every building and amenity
/// is snapped to the nearest node of the walk network, the snap distance not counted; a building is covered when its
/// network distance to the nearest amenity is at most the radius.
/// </summary>
public static class BuildingCoverage
{
    /// <summary>Reads <paramref name="path"/> and counts the buildings within <paramref name="radius"/> metres of <paramref name="amenities"/>.</summary>
    public static BuildingCoverageResult Compute(string path, IReadOnlyCollection<string> amenities, double radius) =>
        Compute(OsmAccessData.Read(path, amenities), radius);

    /// <summary>Counts the buildings of <paramref name="data"/> within <paramref name="radius"/> metres of its amenities.</summary>
    public static BuildingCoverageResult Compute(OsmAccessData data, double radius)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        if (data.Graph.NodeCount == 0)
        {
            throw new InvalidOperationException("The extract has no walkable ways: there is no network to measure on.");
        }

        var locator = new NodeLocator(data.Graph);
        var seeds = data.Amenities.Select((p, i) => new Seed(locator.Nearest(p).Node, 0, i)).ToArray();
        var distances = NearestFacility.FromNodes(data.Graph, seeds, radius).Distance;
        var covered = 0;
        foreach (var building in data.Buildings)
        {
            if (distances[locator.Nearest(building.Point).Node] <= radius)
            {
                covered++;
            }
        }

        return new BuildingCoverageResult(data.Buildings.Count, covered, data.Amenities.Count);
    }
}
