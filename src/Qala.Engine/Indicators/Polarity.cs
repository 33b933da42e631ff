namespace Qala.Engine.Indicators;

/// <summary>Which values of an indicator are better.</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,

    /// <summary>Values inside a range (see <see cref="ValueRange"/>) are good; the farther outside, the worse.</summary>
    TargetRange,
}
