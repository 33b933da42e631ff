using Qala.Engine.Investment;

namespace Qala.Web.Features.Investment;

/// <summary>The English resource keys of the investment enumerations; views translate them with <c>T[...]</c>.</summary>
public static class InvestmentText
{
    public static string Kind(ZoneKind kind) => kind switch
    {
        ZoneKind.SpecialEconomicZone => "Special economic zone",
        ZoneKind.IndustrialZone => "Industrial zone",
    };

    public static string Readiness(Readiness readiness) => readiness switch
    {
        Investment.Readiness.Planned => "Planned",
        Investment.Readiness.Ready => "Ready",
    };

    public static string Stage(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Applied => "Applied",
        LifecycleStage.Registered => "Registered",
        LifecycleStage.UnderConstruction => "Under construction",
        LifecycleStage.Commissioned => "Commissioned (operating)",
        LifecycleStage.Withdrawn => "Withdrawn",
        LifecycleStage.Excluded => "Excluded",
    };

    public static string Sector(PppSector sector) => sector switch
    {
        PppSector.Kindergartens => "Kindergartens",
        PppSector.Schools => "Schools",
        PppSector.Clinics => "Clinics",
        PppSector.Housing => "Housing",
        PppSector.Roads => "Roads",
        PppSector.Utilities => "Utilities",
        PppSector.Other => "Other",
    };

    public static string Stage(PppStage stage) => stage switch
    {
        PppStage.Concept => "Concept",
        PppStage.Tender => "Tender",
        PppStage.Contract => "Contract",
        PppStage.Construction => "Construction",
        PppStage.Operation => "Operation",
    };

    /// <summary>Tenge in billions with one decimal, as the seeds quote investment.</summary>
    public static string Billions(decimal tenge, IFormatProvider culture) => (tenge / 1_000_000_000m).ToString("N1", culture);
}
