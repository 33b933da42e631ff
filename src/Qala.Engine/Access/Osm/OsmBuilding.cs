using System.Buffers.Text;

namespace Qala.Engine.Access.Osm;

/// <summary>A building of an extract, for estimating who lives there.</summary>
/// <param name="Point">The mean of its way's nodes as listed.</param>
/// <param name="FootprintArea">The area its closed way encloses in m²; 0 when the way is open or misses a node.</param>
/// <param name="Levels">Its <c>building:levels</c> when tagged with a number above zero.</param>
/// <param name="NonResidential">Whether its <c>building</c> value names a use where nobody lives (<see cref="NonResidentialValues"/>).</param>
public readonly record struct OsmBuilding(GeoPoint Point, double FootprintArea, float? Levels, bool NonResidential)
{
    /// <summary>
    /// The <c>building</c> values of OpenStreetMap's wiki that name garages, shops, offices, workshops, places of worship,
    /// schools, hospitals and other buildings nobody lives in. Any other value (<c>yes</c>, <c>house</c>,
    /// <c>apartments</c>…) may be a home.
    /// </summary>
    public static readonly IReadOnlyList<string> NonResidentialValues =
    [
        "barn", "bridge", "bunker", "carport", "cathedral", "chapel", "church", "civic", "college", "commercial",
        "construction", "cowshed", "factory", "farm_auxiliary", "fire_station", "garage", "garages", "government",
        "grandstand", "greenhouse", "hangar", "hospital", "industrial", "kindergarten", "kiosk", "manufacture",
        "military", "mosque", "office", "parking", "pavilion", "public", "religious", "retail", "roof", "ruins",
        "school", "service", "shed", "shrine", "sports_centre", "sports_hall", "stable", "stadium", "supermarket",
        "synagogue", "temple", "toilets", "train_station", "transformer_tower", "transportation", "university",
        "warehouse", "water_tower",
    ];

    private static readonly byte[][] NonResidentialBytes = [.. NonResidentialValues.Select(System.Text.Encoding.UTF8.GetBytes)];

    internal static bool IsNonResidential(ReadOnlySpan<byte> building)
    {
        foreach (var value in NonResidentialBytes)
        {
            if (building.SequenceEqual(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>building:levels</c> value as a number of levels: NaN unless a plain number from above 0 to 200.</summary>
    internal static float ParseLevels(ReadOnlySpan<byte> value) =>
        Utf8Parser.TryParse(value, out float levels, out var consumed) && consumed == value.Length && levels > 0 && levels <= 200 ? levels : float.NaN;
}

/// <summary>
/// The rule that estimates the people living in a building of an extract when no census is at hand: nobody in a
/// building whose tag names a use where nobody lives; otherwise its floor area (footprint × levels, the tagged
/// levels or <paramref name="DefaultLevels"/>) divided by <paramref name="SquareMetresPerPerson"/>, rounded to whole
/// people; and <paramref name="PeoplePerBuilding"/> for a building whose footprint is unknown (an open way).
/// </summary>
/// <param name="SquareMetresPerPerson">Floor area per resident, e.g. 25 m² (gross floor area, walls and stairs included).</param>
/// <param name="DefaultLevels">Levels of a building without <c>building:levels</c>.</param>
/// <param name="PeoplePerBuilding">People in a building without a footprint.</param>
public sealed record PopulationRule(double SquareMetresPerPerson, double DefaultLevels, int PeoplePerBuilding)
{
    public int Estimate(OsmBuilding building)
    {
        if (building.NonResidential)
        {
            return 0;
        }

        if (building.FootprintArea <= 0)
        {
            return PeoplePerBuilding;
        }

        return (int)Math.Round(building.FootprintArea * (building.Levels ?? DefaultLevels) / SquareMetresPerPerson, MidpointRounding.AwayFromZero);
    }
}
