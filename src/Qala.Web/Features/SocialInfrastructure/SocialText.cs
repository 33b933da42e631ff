namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>The English resource keys of the social infrastructure enumerations, and how files name them.</summary>
public static class SocialText
{
    public static string Kind(FacilityKind kind) => kind switch
    {
        FacilityKind.School => "Schools",
        FacilityKind.Kindergarten => "Kindergartens",
        FacilityKind.Clinic => "Clinics",
        FacilityKind.Polyclinic => "Polyclinics",
        FacilityKind.Hospital => "Hospitals",
    };

    public static string State(FacilityState state) => state switch
    {
        FacilityState.Operating => "Operating",
        FacilityState.UnderConstruction => "Under construction",
        FacilityState.Planned => "Planned",
    };

    /// <summary>How files and indicator codes name a kind: school, kindergarten, clinic, polyclinic, hospital.</summary>
    public static string KindCode(FacilityKind kind) => kind.ToString().ToLowerInvariant();

    public static FacilityKind? ParseKind(string text) =>
        Enum.GetValues<FacilityKind>().Cast<FacilityKind?>().FirstOrDefault(k => string.Equals(KindCode(k!.Value), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public static FacilityState? ParseState(string text) => text.Trim().ToLowerInvariant().Replace('_', ' ') switch
    {
        "operating" => FacilityState.Operating,
        "under construction" => FacilityState.UnderConstruction,
        "planned" => FacilityState.Planned,
        _ => null,
    };
}
