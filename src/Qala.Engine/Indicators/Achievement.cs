namespace Qala.Engine.Indicators;

/// <summary>
/// Achievement of a target in percent. Null whenever it is undefined (a value missing or not finite, or a zero
/// denominator); never NaN or infinity.
/// </summary>
public static class Achievement
{
    /// <summary>
    /// Higher is better: fact / plan × 100; lower is better: plan / fact × 100; a range: 100 inside it, outside
    /// 100 × (1 − distance to the nearest bound / |that bound|), not below 0. <paramref name="capAt100"/> caps
    /// over-achievement for roll-ups.
    /// </summary>
    /// <remarks>
    /// With a negative denominator the plain ratio reads backwards (fact −5 against plan −10 would be 50 %), so the
    /// ratios are taken as 100 × (1 + gain / |denominator|), which equals them whenever the denominator is positive.
    /// </remarks>
    public static double? Percent(double? fact, Target? target, bool capAt100 = false)
    {
        if (fact is not { } f || !double.IsFinite(f) || target is not { } t)
        {
            return null;
        }

        double? percent = t.Polarity switch
        {
            Polarity.HigherIsBetter => Ratio(f - t.Value, t.Value),
            Polarity.LowerIsBetter => Ratio(t.Value - f, f),
            Polarity.TargetRange => InRange(f, t.Bounds),
        };
        return capAt100 && percent > 100 ? 100 : percent;
    }

    private static double? Ratio(double gain, double denominator) =>
        denominator == 0 ? null : Finite(100 * (1 + (gain / Math.Abs(denominator))));

    // Relative distance to the nearest bound: 10 % outside gives 90 %. A nearest bound of 0 has no relative scale.
    private static double? InRange(double fact, ValueRange range)
    {
        if (range.Contains(fact))
        {
            return 100;
        }

        var bound = fact < range.Lower ? range.Lower : range.Upper;
        return bound == 0 ? null : Finite(Math.Max(0, 100 * (1 - (range.DistanceTo(fact) / Math.Abs(bound)))));
    }

    // Overflow with extreme inputs (1e308 / 1e-308) would give infinity: that is no answer either.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
