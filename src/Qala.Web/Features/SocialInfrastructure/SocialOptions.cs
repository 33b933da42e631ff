namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>
/// Settings of the social infrastructure pages (section <c>SocialInfrastructure</c>): the walking norm of each kind of
/// facility in metres, how far a facility or a population point may lie from the nearest street and still be placed
/// on it, and the map's tile server (none by default: the map draws district outlines on a plain background).
/// </summary>
public sealed class SocialOptions
{
    public const string Section = "SocialInfrastructure";

    public Dictionary<FacilityKind, double> Norms { get; set; } = new()
    {
        [FacilityKind.Kindergarten] = 500,
        [FacilityKind.School] = 750,
        [FacilityKind.Clinic] = 1000,
        [FacilityKind.Polyclinic] = 1000,
        [FacilityKind.Hospital] = 1000,
    };

    /// <summary>The farthest a point may lie from every street, in metres; a point farther away is reported, not used.</summary>
    public double MaxSnapDistance { get; set; } = 250;

    /// <summary>A tile URL template such as <c>https://tiles.example.kz/{z}/{x}/{y}.png</c>; empty for no tiles.</summary>
    public string TileUrl { get; set; } = string.Empty;

    public string TileAttribution { get; set; } = string.Empty;

    public double NormFor(FacilityKind kind) => Norms.TryGetValue(kind, out var metres) ? metres : 1000;

    public bool IsValid => MaxSnapDistance > 0 && Norms.Values.All(n => n > 0);
}
