using Qala.Engine.Indicators;

namespace Qala.Web.Features.Indicators;

/// <summary>
/// How status is graded (<c>Qala:Indicators</c>): the share of the expected progress an indicator must have made to
/// be on track (default 0.95) or at risk (default 0.80); below that it is off track.
/// </summary>
public sealed class IndicatorOptions
{
    public const string Section = "Qala:Indicators";

    public double OnTrack { get; set; } = StatusThresholds.Default.OnTrack;

    public double AtRisk { get; set; } = StatusThresholds.Default.AtRisk;

    public StatusThresholds Thresholds => new(OnTrack, AtRisk);

    public bool IsValid => double.IsFinite(OnTrack) && double.IsFinite(AtRisk) && AtRisk >= 0 && AtRisk <= OnTrack;
}
