namespace Qala.Engine.Indicators;

/// <summary>Whether an indicator got better or worse than in the same period a year earlier.</summary>
public enum Direction
{
    Improving,
    Stable,
    Worsening,
    Unknown,
}

/// <summary>Direction of travel against the same period a year earlier.</summary>
public static class DirectionOfTravel
{
    /// <summary>
    /// Improving or worsening by <paramref name="polarity"/> (for a target range: moving closer to or farther from
    /// <paramref name="range"/>); Stable when the change is at most <paramref name="absoluteTolerance"/> +
    /// <paramref name="relativeTolerance"/> × |year-earlier value|; Unknown when either value is missing.
    /// </summary>
    public static Direction Of(
        double? current,
        double? yearEarlier,
        Polarity polarity,
        ValueRange? range = null,
        double relativeTolerance = 0.01,
        double absoluteTolerance = 0)
    {
        if (!double.IsFinite(relativeTolerance) || relativeTolerance < 0 || !double.IsFinite(absoluteTolerance) || absoluteTolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), "Tolerances are finite and not negative.");
        }

        if (polarity == Polarity.TargetRange && range is null)
        {
            throw new ArgumentException("A target range needs its bounds.", nameof(range));
        }

        if (current is not { } now || yearEarlier is not { } before || !double.IsFinite(now) || !double.IsFinite(before))
        {
            return Direction.Unknown;
        }

        var gain = polarity switch
        {
            Polarity.HigherIsBetter => now - before,
            Polarity.LowerIsBetter => before - now,
            Polarity.TargetRange => range!.Value.DistanceTo(before) - range.Value.DistanceTo(now),
        };
        var tolerance = absoluteTolerance + (relativeTolerance * Math.Abs(before));
        return Math.Abs(gain) <= tolerance ? Direction.Stable
            : gain > 0 ? Direction.Improving
            : Direction.Worsening;
    }
}
