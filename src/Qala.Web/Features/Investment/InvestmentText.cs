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

    /// <summary>The name of an OKED (NACE Rev. 2) section by its letter.</summary>
    public static string Section(char section) => section switch
    {
        'A' => "Agriculture, forestry and fishing",
        'B' => "Mining and quarrying",
        'C' => "Manufacturing",
        'D' => "Electricity, gas, steam and air conditioning supply",
        'E' => "Water supply, sewerage and waste management",
        'F' => "Construction",
        'G' => "Wholesale and retail trade, repair of motor vehicles",
        'H' => "Transport and storage",
        'I' => "Accommodation and food services",
        'J' => "Information and communication",
        'K' => "Financial and insurance activities",
        'L' => "Real estate activities",
        'M' => "Professional, scientific and technical activities",
        'N' => "Administrative and support services",
        'O' => "Public administration and defence",
        'P' => "Education",
        'Q' => "Human health and social work",
        'R' => "Arts, entertainment and recreation",
        'S' => "Other service activities",
        'T' => "Activities of households as employers",
        _ => "Extraterritorial organisations",
    };

    public static string Size(SizeBand size) => size switch
    {
        SizeBand.Small => "Small (up to 100 jobs)",
        SizeBand.Medium => "Medium (101 to 250 jobs)",
        SizeBand.Large => "Large (over 250 jobs)",
    };

    public static string Kind(MapPointKind kind) => kind switch
    {
        MapPointKind.Zone => "Zone",
        MapPointKind.Participant => "Zone participant",
        MapPointKind.Project => "Investment project",
        MapPointKind.Ppp => "PPP project",
    };

    /// <summary>A map point's stage: a company's lifecycle stage or a PPP project's; null for a zone.</summary>
    public static string? StageOf(MapPoint point) =>
        point.Stage is { } stage ? Stage(stage) : point.PppStage is { } ppp ? Stage(ppp) : null;

    public static string Budget(BudgetLevel budget) => budget switch
    {
        BudgetLevel.Republican => "Republican budget",
        BudgetLevel.Local => "Local budget",
    };

    /// <summary>Tenge in billions with one decimal, as the seeds quote investment.</summary>
    public static string Billions(decimal tenge, IFormatProvider culture) => (tenge / 1_000_000_000m).ToString("N1", culture);
}
