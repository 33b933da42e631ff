namespace Qala.Engine.Indicators;

/// <summary>Where an indicator stands in a period against the path from its baseline to its target.</summary>
public enum IndicatorStatus
{
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

/// <summary>
/// The share of the expected progress an indicator must have made to be on track, or at risk (below that it is
/// off track), as fractions: 0.95 = 95 %.
/// </summary>
public sealed record StatusThresholds
{
    /// <summary>Thresholds with 0 ≤ <paramref name="atRisk"/> ≤ <paramref name="onTrack"/>, both finite.</summary>
    public StatusThresholds(double onTrack = 0.95, double atRisk = 0.80)
    {
        if (!double.IsFinite(onTrack) || !double.IsFinite(atRisk) || atRisk < 0 || atRisk > onTrack)
        {
            throw new ArgumentOutOfRangeException(nameof(atRisk), "Thresholds need 0 ≤ at risk ≤ on track.");
        }

        OnTrack = onTrack;
        AtRisk = atRisk;
    }

    public static StatusThresholds Default { get; } = new();

    public double OnTrack { get; }

    public double AtRisk { get; }
}

/// <summary>The status of an indicator in a period.</summary>
public static class Status
{
    /// <summary>
    /// Achieved when <paramref name="actual"/> meets the target; otherwise the actual progress from the baseline as a
    /// share of the progress expected on a straight path from the baseline (at <paramref name="baselineYear"/>) to the
    /// target (at <paramref name="targetYear"/>), graded by <paramref name="thresholds"/>. NoData without an actual or
    /// target, or without a baseline when the target is not met.
    /// </summary>
    /// <remarks>
    /// Progress is measured on a scale where larger is better (the value, its negation, or minus the distance to the
    /// range), so the polarity is honoured. When no progress is expected (at or before the baseline year, or a target
    /// no better than the baseline), a value at least as good as the path's is on track and anything worse off track.
    /// After the target year the path stays at the target.
    /// </remarks>
    public static IndicatorStatus Of(
        double? actual,
        int year,
        double? baseline,
        int baselineYear,
        Target? target,
        int targetYear,
        StatusThresholds? thresholds = null)
    {
        if (targetYear < baselineYear)
        {
            throw new ArgumentOutOfRangeException(nameof(targetYear), "The target year cannot precede the baseline year.");
        }

        if (actual is not { } a || !double.IsFinite(a) || target is not { } t)
        {
            return IndicatorStatus.NoData;
        }

        if (t.IsMetBy(a))
        {
            return IndicatorStatus.Achieved;
        }

        if (baseline is not { } b || !double.IsFinite(b))
        {
            return IndicatorStatus.NoData;
        }

        thresholds ??= StatusThresholds.Default;
        // Multiplying before dividing keeps whole-number paths exact, so a value right on a threshold lands on it.
        var fullGain = t.TargetMerit - t.Merit(b);
        var expectedGain = year >= targetYear ? fullGain
            : year <= baselineYear ? 0
            : fullGain * (year - baselineYear) / (targetYear - baselineYear);
        var gain = t.Merit(a) - t.Merit(b);
        if (expectedGain <= 0)
        {
            return gain >= expectedGain ? IndicatorStatus.OnTrack : IndicatorStatus.OffTrack;
        }

        var ratio = gain / expectedGain;
        return ratio >= thresholds.OnTrack ? IndicatorStatus.OnTrack
            : ratio >= thresholds.AtRisk ? IndicatorStatus.AtRisk
            : IndicatorStatus.OffTrack;
    }
}
