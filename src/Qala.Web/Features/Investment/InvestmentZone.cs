using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment;

/// <summary>What kind of zone it is.</summary>
public enum ZoneKind
{
    /// <summary>A special economic zone (СЭЗ/АЭА) with its own tax and customs regime.</summary>
    SpecialEconomicZone,

    /// <summary>An industrial zone the akimat equips with infrastructure for enterprises.</summary>
    IndustrialZone,
}

/// <summary>Whether a kind of infrastructure is in place for a zone or only planned.</summary>
public enum Readiness
{
    Planned,
    Ready,
}

/// <summary>
/// A special economic or industrial zone of a territory: its area, dates, priority sectors, management company and
/// infrastructure. The agency responsible for it (the entrepreneurship and investment department) keeps it and its
/// participants current.
/// </summary>
public sealed class InvestmentZone : IVersioned, ITerritoryScoped
{
    public int Id { get; set; }

    public ZoneKind Kind { get; set; }

    public required LocalizedText Name { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    /// <summary>The agency whose officers keep the zone and its participants.</summary>
    public int ResponsibleAgencyId { get; set; }

    public Agency? ResponsibleAgency { get; set; }

    /// <summary>The zone's area in hectares.</summary>
    public decimal AreaHectares { get; set; }

    public DateOnly EstablishedOn { get; set; }

    /// <summary>The day the zone's regime ends; null for a zone without a term.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The sectors the zone invites, as the decision that created it names them.</summary>
    public string PrioritySectors { get; set; } = string.Empty;

    public string ManagementCompany { get; set; } = string.Empty;

    public Readiness Power { get; set; }

    public Readiness Gas { get; set; }

    public Readiness Water { get; set; }

    public Readiness Roads { get; set; }

    /// <summary>The zone's centre on the map (WGS 84 degrees), or null when not placed (<see cref="Coordinates"/>).</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Whether the zone was loaded as demonstration data.</summary>
    public bool IsDemo { get; set; }

    public List<ZoneParticipant> Participants { get; } = [];

    public Guid Version { get; set; }

    /// <summary>Why the zone's dates cannot stand, or null: it cannot expire before it is established.</summary>
    public static string? CheckDates(DateOnly established, DateOnly? expires) =>
        expires is { } end && end < established ? "The zone cannot expire before it is established." : null;
}
