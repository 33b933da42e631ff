using Qala.Web.Data;

namespace Qala.Web.Features.Territories;

public enum TerritoryKind
{
    Country,
    Region,
    CityOfRepublicanSignificance,
    District,
}

/// <summary>
/// A unit of Kazakhstan's administrative division: the country, a region, a city of republican significance or a
/// district. Territories change over time (South Kazakhstan region became Turkistan region in 2018), so each carries
/// its validity and the territory it succeeded.
/// </summary>
public sealed class Territory : IVersioned
{
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
