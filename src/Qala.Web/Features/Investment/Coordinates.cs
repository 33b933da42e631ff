using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Qala.Web.Features.Investment;

/// <summary>
/// Where a zone, participant or project lies on the map (WGS 84 degrees). Optional: a point without both figures is
/// simply not on the map; one figure without the other, or a figure out of range, is refused.
/// </summary>
public static class Coordinates
{
    public const string BothOrNeither = "Give both the latitude and the longitude, or neither.";
    public const string LatitudeRange = "The latitude must be a number between -90 and 90.";
    public const string LongitudeRange = "The longitude must be a number between -180 and 180.";

    public static string? CheckLatitude(double? latitude) => latitude is { } value && !(value is >= -90 and <= 90) ? LatitudeRange : null;

    public static string? CheckLongitude(double? longitude) => longitude is { } value && !(value is >= -180 and <= 180) ? LongitudeRange : null;

    public static string? CheckPair(double? latitude, double? longitude) => latitude.HasValue == longitude.HasValue ? null : BothOrNeither;

    /// <summary>Reads a figure typed with a point or a comma; null for an empty field, NaN for one that is not a number.</summary>
    public static double? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : double.NaN;

    public static string? Format(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Adds an error under <c>{prefix}Latitude</c> or <c>{prefix}Longitude</c> for a figure that cannot stand.</summary>
    public static void Validate(ModelStateDictionary state, string prefix, string? latitudeText, string? longitudeText, IStringLocalizer t)
    {
        var (latitude, longitude) = (Parse(latitudeText), Parse(longitudeText));
        if (CheckLatitude(latitude) is { } latitudeProblem)
        {
            state.AddModelError($"{prefix}Latitude", t[latitudeProblem]);
        }

        if (CheckLongitude(longitude) is { } longitudeProblem)
        {
            state.AddModelError($"{prefix}Longitude", t[longitudeProblem]);
        }

        if (CheckPair(latitude, longitude) is { } pairProblem)
        {
            state.AddModelError($"{prefix}{(latitude is null ? "Latitude" : "Longitude")}", t[pairProblem]);
        }
    }
}
