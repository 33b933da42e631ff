using Qala.Engine.Indicators;

namespace Qala.Engine.Programs;

/// <summary>
/// One child of a roll-up: an activity (percent complete against expected progress), a task, goal or direction
/// (its own roll-up), or a target indicator (achievement against the target due, so 100 is expected).
/// </summary>
/// <param name="Percent">The child's progress or achievement in percent; null when it has no data and is left out.</param>
/// <param name="Expected">What the child should show by now, in percent.</param>
/// <param name="Weight">The child's share of its parent; zero, negative or non-finite weights leave it out.</param>
public sealed record RollupPart(double? Percent, double Expected, double Weight = 1)
{
    /// <summary>A target indicator's part: its achievement against the target due.</summary>
    public static RollupPart Indicator(double? achievement, double weight = 1) => new(achievement, 100, weight);
}

/// <summary>The roll-up of a task, goal, direction or program.</summary>
/// <param name="Percent">The weighted mean of the children's percents, each held within 0 to 100; null without children that have data.</param>
/// <param name="Expected">The weighted mean of the same children's expected percents.</param>
/// <param name="Band">The mean graded against the mean expected; no data without children.</param>
public sealed record Rollup(double? Percent, double? Expected, ProgressBand Band)
{
    public static Rollup Empty { get; } = new(null, null, ProgressBand.NoData);

    /// <summary>This roll-up as a part of its parent's; an empty one is left out.</summary>
    public RollupPart AsPart(double weight = 1) => new(Percent, Expected ?? 0, weight);
}

/// <summary>Rolls progress up the tree: activity → task → goal → direction → program.</summary>
public static class ProgressRollup
{
    /// <summary>
    /// The weighted mean of <paramref name="parts"/>, each capped at 100 % (and floored at 0) so that one
    /// over-achieved child cannot hide another's shortfall. Children without data or weight are left out; with
    /// none left the result is <see cref="Rollup.Empty"/>. The band compares the mean with the mean expected: 100 %
    /// is completed, otherwise on track, at risk or off track as for an activity (on track when nothing is expected).
    /// </summary>
    /// <remarks>
    /// A goal's parts are its target indicators and its tasks, so indicator achievement and activity progress
    /// combine at the goal and travel up from there.
    /// </remarks>
    public static Rollup Of(IEnumerable<RollupPart?> parts, StatusThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        double weights = 0, percent = 0, expected = 0;
        foreach (var part in parts)
        {
            if (part is not { Percent: { } p } || !double.IsFinite(p) || !double.IsFinite(part.Weight) || part.Weight <= 0)
            {
                continue;
            }

            weights += part.Weight;
            percent += part.Weight * Math.Clamp(p, 0, 100);
            expected += part.Weight * (double.IsFinite(part.Expected) ? Math.Clamp(part.Expected, 0, 100) : 0);
        }

        if (weights == 0)
        {
            return Rollup.Empty;
        }

        var mean = percent / weights;
        var meanExpected = expected / weights;
        var band = mean >= 100 ? ProgressBand.Completed
            : meanExpected == 0 ? ProgressBand.OnTrack
            : ActivityProgress.Grade(mean / meanExpected, thresholds);
        return new Rollup(mean, meanExpected, band);
    }
}
