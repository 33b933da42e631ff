using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
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

    /// <summary>What the indicator measures and why; empty texts when nobody has written it yet.</summary>
    public LocalizedText Description { get; set; } = LocalizedText.Of("", "", "");

    public string? Unit { get; set; }

    public Polarity Polarity { get; set; } = Polarity.HigherIsBetter;

    public Periodicity Periodicity { get; set; } = Periodicity.Year;

    /// <summary>Where the values come from, e.g. "kazstat-sdg".</summary>
    public required string Source { get; set; }

    /// <summary>How the value is calculated, or where the statistics office describes it.</summary>
    public string? Methodology { get; set; }

    /// <summary>The agency that answers for the indicator.</summary>
    public int? OwnerAgencyId { get; set; }

    /// <summary>Whether the indicator is on the governors' KPI scorecard.</summary>
    public bool IsGovernorKpi { get; set; }

    /// <summary>How the indicator is computed from others; null for an indicator whose values are recorded.</summary>
    public DerivationKind? Derivation { get; set; }

    /// <summary>The indicator a derived one is computed from.</summary>
    public int? InputIndicatorId { get; set; }

    /// <summary>The denominator of a ratio (population for a per-capita value).</summary>
    public int? DenominatorIndicatorId { get; set; }

    /// <summary>What a ratio is multiplied by (1,000 for "per 1,000 people").</summary>
    public decimal? Scale { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// A value of an indicator for a territory, a year and a combination of dimension values. A correction adds a
/// revision and marks the previous one as no longer current: nothing is overwritten.
/// </summary>
public sealed class Observation : IAuditExempt
{
    public const int DimensionsLength = 400;

    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public int Year { get; set; }

    /// <summary>The quarter, month, ISO week or day of the year within <see cref="Year"/> by the indicator's periodicity; 0 for a yearly value.</summary>
    public int PeriodNumber { get; set; }

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

/// <summary>Where a set of targets comes from.</summary>
public enum TargetSetKind
{
    /// <summary>A long-term development strategy.</summary>
    Strategy,

    /// <summary>A version of a development program.</summary>
    Program,

    /// <summary>A governor's KPI agreement.</summary>
    GovernorKpi,
    Other,
}

/// <summary>
/// Targets and baselines that belong together because one document set them — a program version, a governor's KPI
/// agreement, a strategy. Several sets may hold targets for the same indicator and territory; every comparison names
/// the set it uses.
/// </summary>
public sealed class TargetSet : IVersioned
{
    public int Id { get; set; }

    public required LocalizedText Name { get; set; }

    public TargetSetKind Kind { get; set; }

    /// <summary>The document that set the targets, e.g. "Almaty-2020 program, approved 2016".</summary>
    public string? Source { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// A target (or the baseline a target is measured from) of an indicator for a territory and a year within a
/// <see cref="TargetSet"/>. A target range stores its lower bound in <see cref="Value"/> and its upper bound in
/// <see cref="UpperValue"/>.
/// </summary>
public sealed class IndicatorTarget : IVersioned
{
    public int Id { get; set; }

    public int TargetSetId { get; set; }

    public TargetSet? TargetSet { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public int Year { get; set; }

    /// <summary>True for the baseline (the starting value), false for a target.</summary>
    public bool IsBaseline { get; set; }

    public decimal Value { get; set; }

    public decimal? UpperValue { get; set; }

    public Guid Version { get; set; }
}
