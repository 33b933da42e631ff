namespace Qala.Engine.Indicators;

/// <summary>A closed range of values [<see cref="Lower"/>, <see cref="Upper"/>], both bounds finite.</summary>
public readonly record struct ValueRange
{
    /// <summary>A range from <paramref name="lower"/> to <paramref name="upper"/>; throws when either is not finite or lower &gt; upper.</summary>
    public ValueRange(double lower, double upper)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || lower > upper)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), "A range needs finite bounds with lower ≤ upper.");
        }

        Lower = lower;
        Upper = upper;
    }

    public double Lower { get; }

    public double Upper { get; }

    /// <summary>Whether <paramref name="value"/> lies inside the range, bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>How far <paramref name="value"/> lies outside the range: 0 inside, else the distance to the nearest bound.</summary>
    public double DistanceTo(double value) => value < Lower ? Lower - value : value > Upper ? value - Upper : 0;
}
