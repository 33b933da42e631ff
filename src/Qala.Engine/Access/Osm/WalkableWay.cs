namespace Qala.Engine.Access.Osm;

/// <summary>
/// Which OSM ways people walk on: a <c>highway</c> of a walkable kind (footway, path, pedestrian, steps,
/// living_street, residential, service, unclassified, track, cycleway, road, corridor, trunk, primary, secondary,
/// tertiary and their links), unless tagged <c>foot=no</c>, <c>access=private|no</c> or <c>area=yes</c>.
/// </summary>
public static class WalkableWay
{
    public static bool Accepts(OsmTags tags)
    {
        if (!tags.TryGetValue("highway"u8, out var highway) || !IsWalkableHighway(highway))
        {
            return false;
        }

        if (tags.TryGetValue("foot"u8, out var foot) && foot.SequenceEqual("no"u8))
        {
            return false;
        }

        if (tags.TryGetValue("access"u8, out var access) && (access.SequenceEqual("private"u8) || access.SequenceEqual("no"u8)))
        {
            return false;
        }

        return !(tags.TryGetValue("area"u8, out var area) && area.SequenceEqual("yes"u8));
    }

    private static bool IsWalkableHighway(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("footway"u8) || value.SequenceEqual("path"u8) || value.SequenceEqual("pedestrian"u8) ||
        value.SequenceEqual("steps"u8) || value.SequenceEqual("living_street"u8) || value.SequenceEqual("residential"u8) ||
        value.SequenceEqual("service"u8) || value.SequenceEqual("unclassified"u8) || value.SequenceEqual("track"u8) ||
        value.SequenceEqual("cycleway"u8) || value.SequenceEqual("road"u8) || value.SequenceEqual("corridor"u8) ||
        value.SequenceEqual("trunk"u8) || value.SequenceEqual("trunk_link"u8) || value.SequenceEqual("primary"u8) ||
        value.SequenceEqual("primary_link"u8) || value.SequenceEqual("secondary"u8) || value.SequenceEqual("secondary_link"u8) ||
        value.SequenceEqual("tertiary"u8) || value.SequenceEqual("tertiary_link"u8);
}
