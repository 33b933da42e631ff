namespace Qala.Engine.Indicators;

/// <summary>How far a value has moved from its baseline towards its target.</summary>
public static class Progress
{
    /// <summary>
    /// (actual − baseline) / (target − baseline) as a fraction (1 = target reached, negative = moved away); null when
    /// a value is missing or not finite, or target = baseline.
    /// </summary>
    public static double? FromBaseline(double? actual, double? baseline, double? target)
    {
        if (actual is not { } a || baseline is not { } b || target is not { } t
            || !double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(t) || t == b)
        {
            return null;
        }

        var progress = (a - b) / (t - b);
        return double.IsFinite(progress) ? progress : null;
    }
}
