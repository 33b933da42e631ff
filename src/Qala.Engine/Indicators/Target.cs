namespace Qala.Engine.Indicators;

/// <summary>
/// What an indicator aims at: a value to reach or exceed, a value to stay at or under, or a range to stay in.
/// </summary>
public readonly record struct Target
{
    private Target(Polarity polarity, ValueRange bounds)
    {
        Polarity = polarity;
        Bounds = bounds;
    }

    public Polarity Polarity { get; }

    /// <summary>The range to stay in; for a single-value target both bounds are that value.</summary>
    public ValueRange Bounds { get; }

    /// <summary>The value to reach (higher is better) or stay under (lower is better); for a range, its lower bound.</summary>
    public double Value => Polarity == Polarity.LowerIsBetter ? Bounds.Upper : Bounds.Lower;

    /// <summary>A higher-is-better target: reach <paramref name="value"/> or more.</summary>
    public static Target AtLeast(double value) => new(Polarity.HigherIsBetter, new ValueRange(value, value));

    /// <summary>A lower-is-better target: stay at <paramref name="value"/> or less.</summary>
    public static Target AtMost(double value) => new(Polarity.LowerIsBetter, new ValueRange(value, value));

    /// <summary>A target range: stay between <paramref name="lower"/> and <paramref name="upper"/>, both included.</summary>
    public static Target Within(double lower, double upper) => new(Polarity.TargetRange, new ValueRange(lower, upper));

    /// <summary>A target of <paramref name="polarity"/> at <paramref name="value"/>, or the range for a target range.</summary>
    public static Target Of(Polarity polarity, double value, ValueRange? range = null) => polarity switch
    {
        Polarity.HigherIsBetter => AtLeast(value),
        Polarity.LowerIsBetter => AtMost(value),
        Polarity.TargetRange => range is { } r
            ? new Target(Polarity.TargetRange, r)
            : throw new ArgumentException("A target range needs its bounds.", nameof(range)),
    };

    /// <summary>Whether <paramref name="value"/> meets the target.</summary>
    public bool IsMetBy(double value) => Merit(value) >= TargetMerit;

    // One scale on which larger is always better, so status and forecasts need no per-polarity branches:
    // the value itself, its negation, or minus the distance to the range (0 anywhere inside it).
    internal double Merit(double value) => Polarity switch
    {
        Polarity.HigherIsBetter => value,
        Polarity.LowerIsBetter => -value,
        Polarity.TargetRange => -Bounds.DistanceTo(value),
    };

    internal double TargetMerit => Polarity == Polarity.TargetRange ? 0 : Merit(Value);
}
