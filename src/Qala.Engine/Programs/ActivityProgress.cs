using Qala.Engine.Indicators;

namespace Qala.Engine.Programs;

/// <summary>Where a roadmap activity stands in its life, as its executor reports it.</summary>
public enum ActivityStatus
{
    NotStarted,
    InProgress,
    Completed,
    Cancelled,
}

/// <summary>How work stands against what the calendar expects of it.</summary>
public enum ProgressBand
{
    OnTrack,
    AtRisk,
    OffTrack,
    Completed,
    Cancelled,
    NoData,
}

/// <summary>An activity on a day: expected and reported progress, their ratio, its band and whether it is overdue.</summary>
/// <param name="Expected">The percent complete the elapsed time asks for, 0 to 100.</param>
/// <param name="Complete">The percent complete as reported, held within 0 to 100 (100 once completed).</param>
/// <param name="Performance">Complete ÷ expected; null when nothing is expected yet or the activity is cancelled.</param>
/// <param name="Band">On track, at risk, off track, completed or cancelled.</param>
/// <param name="IsOverdue">Past its due date and neither completed nor cancelled.</param>
public sealed record ActivityAssessment(double Expected, double Complete, double? Performance, ProgressBand Band, bool IsOverdue)
{
    /// <summary>What the activity adds to the roll-up of its task; a cancelled activity adds nothing.</summary>
    public RollupPart? AsPart(double weight = 1) =>
        Band == ProgressBand.Cancelled ? null : new RollupPart(Complete, Expected, weight);
}

/// <summary>An activity's expected progress from elapsed time and its performance against it.</summary>
public static class ActivityProgress
{
    /// <summary>
    /// The share of the work the calendar expects done by the end of <paramref name="today"/>, in percent: 0 before
    /// <paramref name="start"/>, 100 from <paramref name="due"/> on, and in between the share of the activity's days
    /// (start and due both counted) that have passed, today included.
    /// </summary>
    /// <remarks>A due date before the start is treated as a one-day activity on the due date.</remarks>
    public static double Expected(DateOnly start, DateOnly due, DateOnly today)
    {
        if (today >= due)
        {
            return 100;
        }

        if (today < start)
        {
            return 0;
        }

        var days = due.DayNumber - start.DayNumber + 1;
        var elapsed = today.DayNumber - start.DayNumber + 1;
        return 100.0 * elapsed / days;
    }

    /// <summary>
    /// Assesses an activity on <paramref name="today"/>. Completed and cancelled activities keep those bands and are
    /// never overdue. Otherwise performance = complete ÷ expected graded by <paramref name="thresholds"/> (the
    /// indicators' defaults: on track from 95 %, at risk from 80 %); with nothing expected yet it is on track.
    /// An activity past its due date and not completed is overdue and off track whatever its ratio, because a
    /// deadline missed is missed.
    /// </summary>
    public static ActivityAssessment Assess(
        ActivityStatus status,
        double percentComplete,
        DateOnly start,
        DateOnly due,
        DateOnly today,
        StatusThresholds? thresholds = null)
    {
        var expected = Expected(start, due, today);
        var complete = double.IsFinite(percentComplete) ? Math.Clamp(percentComplete, 0, 100) : 0;
        switch (status)
        {
            case ActivityStatus.Cancelled:
                return new ActivityAssessment(expected, complete, null, ProgressBand.Cancelled, false);
            case ActivityStatus.Completed:
                return new ActivityAssessment(expected, 100, expected == 0 ? null : 100 / expected, ProgressBand.Completed, false);
            case ActivityStatus.NotStarted:
            case ActivityStatus.InProgress:
                break;
        }

        if (today > due)
        {
            return new ActivityAssessment(expected, complete, complete / expected, ProgressBand.OffTrack, true);
        }

        if (expected == 0)
        {
            return new ActivityAssessment(expected, complete, null, ProgressBand.OnTrack, false);
        }

        var performance = complete / expected;
        return new ActivityAssessment(expected, complete, performance, Grade(performance, thresholds), false);
    }

    /// <summary>On track, at risk or off track for a performance ratio (1 = as expected).</summary>
    public static ProgressBand Grade(double performance, StatusThresholds? thresholds = null)
    {
        var t = thresholds ?? StatusThresholds.Default;
        return performance >= t.OnTrack ? ProgressBand.OnTrack
            : performance >= t.AtRisk ? ProgressBand.AtRisk
            : ProgressBand.OffTrack;
    }
}
