namespace Qala.Engine.Access;

/// <summary>A point on the WGS 84 ellipsoid in degrees, measured on a sphere for walking distances.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>The mean Earth radius in metres (IUGG), the sphere on which distances are measured.</summary>
    public const double EarthRadius = 6_371_008.8;

    /// <summary>The great-circle (haversine) distance in metres.</summary>
    public static double Distance(GeoPoint a, GeoPoint b) => Distance(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    /// <summary>The great-circle (haversine) distance in metres between two points given in degrees.</summary>
    public static double Distance(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        const double radians = Math.PI / 180;
        var dLat = (latitude2 - latitude1) * radians;
        var dLon = (longitude2 - longitude1) * radians;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var h = (sinLat * sinLat) + (Math.Cos(latitude1 * radians) * Math.Cos(latitude2 * radians) * sinLon * sinLon);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
