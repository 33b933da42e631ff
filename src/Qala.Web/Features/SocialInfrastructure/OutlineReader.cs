using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>One district outline of a GeoJSON file: the territory code its properties name and its geometry as GeoJSON.</summary>
public sealed record OutlineFeature(int Number, string Code, string Geometry);

/// <summary>A problem of a GeoJSON file: the feature (1-based) it is in, when it is in one, and why it is refused.</summary>
public sealed record OutlineError(int? Feature, string MessageKey);

/// <summary>
/// Reads district outlines from a GeoJSON FeatureCollection: each feature has a <c>code</c> (or <c>territory</c>)
/// property with the district's territory code and a Polygon or MultiPolygon geometry whose rings are closed, have at
/// least four positions and stay within longitude −180…180 and latitude −90…90.
/// </summary>
public static class OutlineReader
{
    public static (IReadOnlyList<OutlineFeature> Features, IReadOnlyList<OutlineError> Errors) Read(Stream content)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content);
        }
        catch (JsonException)
        {
            return ([], [new OutlineError(null, "The file is not GeoJSON.")]);
        }

        if (root is not JsonObject collection || (string?)collection["type"] != "FeatureCollection" || collection["features"] is not JsonArray features)
        {
            return ([], [new OutlineError(null, "The file must be a GeoJSON FeatureCollection.")]);
        }

        var outlines = new List<OutlineFeature>();
        var errors = new List<OutlineError>();
        for (var i = 0; i < features.Count; i++)
        {
            var number = i + 1;
            var properties = features[i]?["properties"] as JsonObject;
            var code = Text(properties?["code"]) ?? Text(properties?["territory"]);
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add(new OutlineError(number, "The feature has no code property with the district's territory code."));
                continue;
            }

            if (features[i]?["geometry"] is not JsonObject geometry || !IsValid(geometry))
            {
                errors.Add(new OutlineError(number, "The geometry must be a Polygon or MultiPolygon of closed rings of at least four positions within −180…180, −90…90."));
                continue;
            }

            outlines.Add(new OutlineFeature(number, code.Trim(), geometry.ToJsonString()));
        }

        return (outlines, errors);
    }

    /// <summary>Whether the point lies inside the geometry (even–odd rule over every ring).</summary>
    public static bool Contains(string geometry, double latitude, double longitude) => Shape(geometry).Contains(latitude, longitude);

    /// <summary>The rings of a stored Polygon or MultiPolygon, read once to test many points.</summary>
    public static OutlineShape Shape(string geometry)
    {
        var node = JsonNode.Parse(geometry)!;
        var polygons = (string?)node["type"] == "Polygon" ? new JsonArray(node["coordinates"]!.DeepClone()) : node["coordinates"]!.AsArray();
        var rings = new List<(double X, double Y)[]>();
        foreach (var polygon in polygons)
        {
            foreach (var ring in polygon!.AsArray())
            {
                rings.Add([.. ring!.AsArray().Select(p => ((double)p![0]!, (double)p[1]!))]);
            }
        }

        return new OutlineShape(rings);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<long>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsValid(JsonObject geometry)
    {
        var type = (string?)geometry["type"];
        if (geometry["coordinates"] is not JsonArray coordinates || coordinates.Count == 0)
        {
            return false;
        }

        return type switch
        {
            "Polygon" => IsPolygon(coordinates),
            "MultiPolygon" => coordinates.All(p => p is JsonArray polygon && polygon.Count > 0 && IsPolygon(polygon)),
            _ => false,
        };
    }

    private static bool IsPolygon(JsonArray rings) => rings.All(r => r is JsonArray ring && IsRing(ring));

    private static bool IsRing(JsonArray ring)
    {
        if (ring.Count < 4)
        {
            return false;
        }

        var positions = new List<(double X, double Y)>();
        foreach (var position in ring)
        {
            if (position is not JsonArray pair || pair.Count < 2 || Number(pair[0]) is not { } x || Number(pair[1]) is not { } y
                || Math.Abs(x) > 180 || Math.Abs(y) > 90)
            {
                return false;
            }

            positions.Add((x, y));
        }

        return positions[0] == positions[^1];
    }

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}

/// <summary>A district outline's rings (longitude, latitude), with its bounding box to refuse far points quickly.</summary>
public sealed class OutlineShape
{
    private readonly IReadOnlyList<(double X, double Y)[]> rings;
    private readonly double west = double.MaxValue, east = double.MinValue, south = double.MaxValue, north = double.MinValue;

    internal OutlineShape(IReadOnlyList<(double X, double Y)[]> rings)
    {
        this.rings = rings;
        foreach (var (x, y) in rings.SelectMany(r => r))
        {
            (west, east, south, north) = (Math.Min(west, x), Math.Max(east, x), Math.Min(south, y), Math.Max(north, y));
        }
    }

    /// <summary>Whether the point lies inside (even–odd rule over every ring).</summary>
    public bool Contains(double latitude, double longitude)
    {
        if (longitude < west || longitude > east || latitude < south || latitude > north)
        {
            return false;
        }

        var inside = false;
        foreach (var positions in rings)
        {
            for (int a = 0, b = positions.Length - 1; a < positions.Length; b = a++)
            {
                var ((xa, ya), (xb, yb)) = (positions[a], positions[b]);
                if ((ya > latitude) != (yb > latitude) && longitude < ((xb - xa) * (latitude - ya) / (yb - ya)) + xa)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }
}
