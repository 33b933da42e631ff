using Qala.Web.Data;

namespace Qala.Web.Features.Territories;

public enum TerritoryKind
{
    Country,
    Region,
    CityOfRepublicanSignificance,
    District,

    /// <summary>A city of regional significance (its KATO code ends in <c>10000</c>, e.g. Ekibastuz 552210000).</summary>
    City,

    /// <summary>A town of district significance (e.g. Kulsary, the centre of Zhylyoi district).</summary>
    Town,

    /// <summary>A village or settlement (e.g. Beineu).</summary>
    Settlement,

    /// <summary>
    /// A place the statistics office reports on that is not an administrative unit: an air-monitoring station or area
    /// (the Borovoe background station) or a code the office has not named. Its code is Qala's own
    /// (<c>QALA-</c> and the office's code), which can never collide with a nine-digit KATO code.
    /// </summary>
    MonitoringSite,
}

/// <summary>
/// A unit of Kazakhstan's administrative division: the country, a region, a city of republican significance, a
/// district, a city, town or settlement — or a monitoring site the statistics office reports on. Territories change over time (South Kazakhstan region became Turkistan region in 2018), so each carries
/// its validity and the territory it succeeded.
/// </summary>
public sealed class Territory : IVersioned
{
    /// <summary>Begins the codes Qala gives places without a verified KATO code; KATO codes are nine digits.</summary>
    public const string LocalCodePrefix = "QALA-";

    public int Id { get; set; }

    /// <summary>The official code (KATO, the classifier of administrative-territorial objects).</summary>
    public required string Code { get; set; }

    public required TerritoryKind Kind { get; set; }

    public required LocalizedText Name { get; set; }

    public int? ParentId { get; set; }

    public Territory? Parent { get; set; }

    public List<Territory> Children { get; set; } = [];

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public int? PredecessorId { get; set; }

    public Territory? Predecessor { get; set; }

    public Guid Version { get; set; }

    /// <summary>
    /// Whether <see cref="Code"/> is Qala's own (<see cref="LocalCodePrefix"/> and the statistics office's code) rather
    /// than a KATO code: an administrator may replace it by the place's KATO code once it is known.
    /// </summary>
    public bool HasLocalCode => Code.StartsWith(LocalCodePrefix, StringComparison.Ordinal);

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day < ValidTo);
}

/// <summary>
/// How an outside classification names a territory, e.g. the statistics office's <c>KZALA</c> for Almaty city.
/// Administrators maintain these so that imports can recognise territories without code changes.
/// </summary>
public sealed class TerritoryCodeMapping
{
    public int Id { get; set; }

    public required string Scheme { get; set; }

    public required string ExternalCode { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    /// <summary>The import that created or last changed the mapping; null when entered by hand or seeded.</summary>
    public long? ImportBatchId { get; set; }
}
