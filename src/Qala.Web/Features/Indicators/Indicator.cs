using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Indicators;

/// <summary>A measure Qala follows, such as SDG indicator 8.5.2 (the unemployment rate), identified by its code.</summary>
public sealed class Indicator : IVersioned
{
    public const int CodeLength = 40;

    public int Id { get; set; }

    /// <summary>The indicator's code, e.g. "8.5.2" for an SDG indicator.</summary>
    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    public string? Unit { get; set; }

    public Polarity Polarity { get; set; } = Polarity.HigherIsBetter;

    /// <summary>Where the values come from, e.g. "kazstat-sdg".</summary>
    public required string Source { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// A value of an indicator for a territory, a year and a combination of dimension values. A correction adds a
/// revision and marks the previous one as no longer current: nothing is overwritten.
/// </summary>
public sealed class Observation
{
    public const int DimensionsLength = 400;

    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public int Year { get; set; }

    /// <summary>Dimension values as "KEY=VALUE" pairs sorted by key and joined by ";", e.g. "SEX=F;URBANISATION=U"; "" for the total.</summary>
    public required string Dimensions { get; set; }

    public decimal Value { get; set; }

    /// <summary>1 for the first value, one more for every correction.</summary>
    public int Revision { get; set; }

    public bool IsCurrent { get; set; }

    /// <summary>The import that recorded the value; null when entered by hand or when the batch was removed.</summary>
    public long? ImportBatchId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}
