using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>What a social facility is; each kind has its walking norm (<see cref="SocialOptions.Norms"/>, metres).</summary>
public enum FacilityKind
{
    School,
    Kindergarten,
    Clinic,
    Polyclinic,
    Hospital,
}

/// <summary>Whether a facility serves people now; only operating facilities count in coverage and shortage.</summary>
public enum FacilityState
{
    Operating,
    UnderConstruction,
    Planned,
}

/// <summary>
/// A school, kindergarten, clinic or hospital of a district: where it stands, its places and how many use them. A
/// planned facility may come from a roadmap activity of a program.
/// </summary>
public sealed class SocialFacility : IVersioned, ITerritoryScoped
{
    public const int NameLength = 400;

    public int Id { get; set; }

    public FacilityKind Kind { get; set; }

    public required LocalizedText Name { get; set; }

    /// <summary>The district (or city) the facility belongs to.</summary>
    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>Places (pupils, children, visits a shift); at least one.</summary>
    public int Capacity { get; set; }

    /// <summary>Pupils, children or patients using the places now, when known.</summary>
    public int? Enrolment { get; set; }

    public FacilityState State { get; set; }

    /// <summary>The roadmap activity that builds the facility, when it comes from a program.</summary>
    public int? RoadmapActivityId { get; set; }

    public RoadmapActivity? RoadmapActivity { get; set; }

    public bool IsDemo { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// People living at a point — a building, a block or a grid cell — of a district: everyone, and where known the
/// children of kindergarten (1–6) and school (6–17) age. Imported in batches.
/// </summary>
public sealed class PopulationPoint : IVersioned, ITerritoryScoped
{
    public long Id { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    /// <summary>The building, block or cell as the source names it.</summary>
    public string Label { get; set; } = string.Empty;

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int Population { get; set; }

    public int? Children1To6 { get; set; }

    public int? Children6To17 { get; set; }

    public long? ImportBatchId { get; set; }

    public ImportBatch? ImportBatch { get; set; }

    public bool IsDemo { get; set; }

    public Guid Version { get; set; }

    /// <summary>The people who need a facility of <paramref name="kind"/>: the age group when known, else everyone.</summary>
    public int DemandFor(FacilityKind kind) => kind switch
    {
        FacilityKind.Kindergarten => Children1To6 ?? Population,
        FacilityKind.School => Children6To17 ?? Population,
        _ => Population,
    };
}

/// <summary>A district's outline as GeoJSON geometry (Polygon or MultiPolygon, longitude first), for the map.</summary>
public sealed class DistrictOutline : IVersioned, ITerritoryScoped
{
    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public required string Geometry { get; set; }

    public bool IsDemo { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// The street network of a city: the OpenStreetMap extract it was read from (its bytes in <see cref="WalkNetworkContent"/>)
/// and what the reader found. The walk graph is built from the bytes once per node and version.
/// </summary>
public sealed class WalkNetwork : IVersioned, ITerritoryScoped
{
    public int Id { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public required string FileName { get; set; }

    public long FileSize { get; set; }

    public int NodeCount { get; set; }

    public int EdgeCount { get; set; }

    public string? ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Whether it is a sample extract of another country (the demo), which pages say.</summary>
    public bool IsDemo { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The .osm.pbf bytes of a <see cref="WalkNetwork"/>. Exempt from the audit log: the log records the network's metadata.</summary>
public sealed class WalkNetworkContent : IAuditExempt
{
    public int NetworkId { get; set; }

    public required byte[] Content { get; set; }
}
